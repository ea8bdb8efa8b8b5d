namespace NetworkDirectory.Api.OpenApi;

internal static class ApiDescription
{
    public const string Text = """
        Who handles a case of suspected trafficking or exploitation of a minor, at this place, right now?
        NetworkDirectory publishes each German region's child-protection cooperation network as laid out in the
        Bundeskooperationskonzept (BMFSFJ 2018): Jugendamt, Polizei, Fachberatungsstellen, health care,
        Ausländerbehörde and BAMF, and Justiz.

        **Frontline staff** (caseworkers, police officers, doctors): find the agencies for a responsibility in a
        region with `GET /v1/agencies?responsibility=taking_into_care&region=09162`, then the contacts of one agency
        with `GET /v1/agencies/{id}`. Phone numbers are E.164; a contact with channel `via_police_emergency` is
        reached by calling 110.

        **Partner websites**: every read is anonymous, JSON in camelCase with ISO 8601 dates, paged with `limit`
        (at most 200) and `offset` in a stable order. Codes come from `GET /v1/taxonomies`. The contract is versioned
        by the `/v1` prefix: fields are only added, never renamed or removed.

        **State coordinators**: the network of each region with its coordinating office, members and cooperation
        instruments is at `GET /v1/networks/{id}`.

        Entries with `sample: true` are fictional demonstration data (names end in "(Beispiel)", phone numbers from the
        Bundesnetzagentur's ranges for media use, e-mail on example.org). Never use them for a real case.

        Errors are `application/problem+json` (RFC 9457); validation problems name the offending parameter in `errors`.
        """;

    /// <summary>What each tag of the document groups.</summary>
    public static readonly IReadOnlyDictionary<string, string> Tags = new Dictionary<string, string>
    {
        ["Lookup"] = "Who handles a case at this place, right now: the answer with the contact to call.",
        ["Agencies"] = "Agencies with their services, contacts and opening times; their write shapes for coordinators.",
        ["Services"] = "What an agency handles, for whom and where (coverage).",
        ["Contacts"] = "How an agency is reached: phone, e-mail, on-call, and who may see the contact.",
        ["Schedules"] = "Opening hours, on-call duty and exceptions, evaluated in Europe/Berlin time.",
        ["Networks"] = "Each region's cooperation network: coordinating office, members and cooperation instruments.",
        ["Regions"] = "Länder, Regierungsbezirke, Kreise and Gemeinden by official key, with parents and children.",
        ["Taxonomies"] = "The codes used everywhere (agency kinds, responsibilities, exploitation forms) with German and English labels.",
        ["Freshness"] = "For coordinators: which entries of a region have not been verified for a long time.",
        ["Audit"] = "For coordinators: every change, who made it and what it was before and after.",
        ["Changes"] = "For partners that mirror the directory: every change of public agencies and networks, in commit order, resumable by cursor.",
        ["Auth"] = "Who the caller is, as the API sees the credentials sent.",
        ["Admin"] = "For admins: issuing and revoking API keys.",
        ["Health"] = "Probes for orchestrators and monitoring.",
        ["Maps"] = "Coverage and agency locations as RFC 7946 GeoJSON (application/geo+json), with the boundaries' attribution.",
        ["Coverage"] = "For coordinators: where a region's core responsibilities have gaps, double coverage, old keys or no off-hours contact.",
        ["Imports"] = "For coordinators: a region's agencies as one CSV or XLSX file — export, dry run with the diff and every problem by row and column, apply in one transaction.",
        ["Reports"] = "Reports from the field (a wrong number, a closed agency) and their review by the region's coordinators.",
    };

    /// <summary>Examples by (route, parameter); route "*" applies to every operation.</summary>
    public static readonly IReadOnlyDictionary<(string Route, string Parameter), string> Examples =
        new Dictionary<(string, string), string>
        {
            [("*", "kind")] = "youth_welfare_office",
            [("*", "responsibility")] = "taking_into_care",
            [("*", "exploitationForm")] = "labour_exploitation",
            [("*", "region")] = "09162",
            [("*", "language")] = "ar",
            [("*", "q")] = "Jugendamt",
            [("*", "limit")] = "50",
            [("*", "offset")] = "0",
            [("*", "level")] = "kreis",
            [("*", "parent")] = "09",
            [("*", "keyPrefix")] = "091",
            [("*", "status")] = "active",
            [("*", "scope")] = "land",
            [("v1/regions/{key}", "key")] = "09162",
        };
}
