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
