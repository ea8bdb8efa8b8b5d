using System.ComponentModel;
using System.Globalization;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using NetworkDirectory.Api.Auth;
using NetworkDirectory.Api.Common;
using NetworkDirectory.Api.Data;
using NetworkDirectory.Api.Lookup;

namespace NetworkDirectory.Api.Cards;

/// <summary>Contact cards: an agency as vCard 4.0, with only the contacts the caller may see; and a Kreis' contact sheet (<see cref="ContactSheetEndpoints"/>).</summary>
public static class CardEndpoints
{
    public const string VCardMediaType = "text/vcard";

    public static IEndpointRouteBuilder MapCards(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/v1/agencies").WithTags("Agencies")
            .MapGet("/{id}/vcard", GetVCard)
            .WithName("GetAgencyVCard")
            .WithSummary("An agency's contact card (vCard 4.0)")
            .WithDescription("""
                The agency as a vCard 4.0 (RFC 6350, text/vcard, KIND:org): name, address, location, phone numbers as
                E.164 tel: URIs, e-mail, website, and only the contacts the caller may see (anonymous: public ones; a
                professional key adds professional ones). NOTE says when the entry is fictional sample data.
                """)
            .Produces<string>(StatusCodes.Status200OK, VCardMediaType)
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapContactSheets();
        return app;
    }

    private sealed record AgencyCardRow(string Id, string Name, string? Operator, string? Street, string? PostalCode, string? City,
        double? Latitude, double? Longitude, string? Website, string? Email, long Sample, string UpdatedAt);

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetVCard(
        DirectorySnapshotHolder directory, SqliteConnectionFactory connections, HttpContext http,
        [Description("Agency id.")] string id, CancellationToken cancellationToken = default)
    {
        if (!directory.Current.Agencies.TryGetValue(id, out var agency))
        {
            return ProblemSetup.NotFound("agency", id);
        }
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleAsync<AgencyCardRow>(
            """
            SELECT id AS Id, name AS Name, operator AS Operator, street AS Street, postal_code AS PostalCode, city AS City,
                   latitude AS Latitude, longitude AS Longitude, website AS Website, email AS Email, sample AS Sample, updated_at AS UpdatedAt
            FROM agencies WHERE id = @id
            """, new { id });
        var visibilities = Caller.From(http.User).Visibilities;
        var contacts = agency.Contacts.Where(c => visibilities.Contains(c.Visibility)).ToList();

        var card = Write(row, contacts, visibilities);
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{id}.vcf\"";
        return TypedResults.Text(card, VCardMediaType + "; charset=utf-8");
    }

    private static string Write(AgencyCardRow row, IReadOnlyList<SnapshotContact> contacts, IReadOnlyList<string> visibilities)
    {
        var card = new VCardWriter()
            .Line("BEGIN", "VCARD").Line("VERSION", "4.0").Line("KIND", "org")
            .Text("FN", row.Name)
            .Compound("ORG", row.Operator is null ? [row.Name] : [row.Operator, row.Name]);
        if (row.Street is not null || row.City is not null)
        {
            card.Compound("ADR;TYPE=work", "", "", row.Street, row.City, "", row.PostalCode, "Deutschland");
        }
        if (row.Latitude is { } lat && row.Longitude is { } lon)
        {
            card.Line("GEO", string.Create(CultureInfo.InvariantCulture, $"geo:{lat:0.######},{lon:0.######}"));
        }
        var pref = 1;
        var notes = new List<string>();
        foreach (var contact in contacts)
        {
            var label = contact.Label ?? contact.Kind;
            switch (contact.Channel)
            {
                case "phone" when contact.Value.StartsWith('+'):
                    var type = contact.Kind == "on_call" ? "work,voice,pager" : "work,voice";
                    card.Line($"TEL;VALUE=uri;TYPE={type};PREF={pref++}", "tel:" + contact.Value);
                    notes.Add($"{contact.Value}: {label} ({contact.Visibility})");
                    break;
                case "email":
                    card.Text("EMAIL;TYPE=work", contact.Value);
                    break;
                case "web_form":
                    card.Text("URL;TYPE=work", contact.Value);
                    break;
                case "via_police_emergency":
                    notes.Add($"{label}: über den Polizeinotruf 110");
                    break;
            }
        }
        if (row.Email is not null && contacts.All(c => c.Value != row.Email)) card.Text("EMAIL;TYPE=work", row.Email);
        if (row.Website is not null) card.Text("URL", row.Website);
        var note = (row.Sample != 0 ? "BEISPIELDATEN – fiktiver Eintrag, keine echte Kontaktstelle. SAMPLE DATA – not a real contact.\n" : "")
            + $"Sichtbare Kontakte: {string.Join(", ", visibilities)}." + (notes.Count > 0 ? "\n" + string.Join("\n", notes) : "")
            + "\nIm Notfall: Polizei 110, Feuerwehr/Rettungsdienst 112.";
        card.Text("NOTE", note);
        if (DateTimeOffset.TryParse(row.UpdatedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var updated))
        {
            card.Line("REV", VCardWriter.Timestamp(updated));
        }
        card.Text("UID;VALUE=text", $"networkdirectory-agency-{row.Id}");
        card.Line("PRODID", "-//NetworkDirectory//vCard 1.0//DE");
        return card.Line("END", "VCARD").ToString();
    }
}
