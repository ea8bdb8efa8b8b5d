using System.ComponentModel;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using NetworkDirectory.Api.Auth;
using NetworkDirectory.Api.Common;
using NetworkDirectory.Api.Data;
using NetworkDirectory.Api.Geography;
using NetworkDirectory.Api.Lookup;
using NetworkDirectory.Api.Regions;

namespace NetworkDirectory.Api.Cards;

/// <summary>The printable contact sheet of a Kreis (text/html with a print stylesheet) and that stylesheet.</summary>
public static class ContactSheetEndpoints
{
    public const string HtmlMediaType = "text/html";

    /// <summary>The sheet links only its own stylesheet and runs no script; the policy says so to the browser.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'";

    public static IEndpointRouteBuilder MapContactSheets(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/v1/regions").WithTags("Regions")
            .MapGet("/{key}/contact-sheet", GetContactSheet)
            .WithName("GetContactSheet")
            .WithSummary("A Kreis' printable contact sheet (HTML for one A4 page)")
            .WithDescription("""
                One page to print and pin up: per responsibility of the acute set, the agencies a lookup by the Kreis key
                names first, with their contacts as the caller may see them (anonymous: public ones; a professional key
                adds professional ones), each with its office or on-call hours in words, the fallbacks, and a gap stated
                as a gap; 110 and 112 at the top, the print date, the data date, the boundaries' attribution and a notice
                when the entries are fictional sample data. text/html in UTF-8, no script, styled by a linked print
                stylesheet (A4); `lang` chooses German (default) or English.
                """)
            .Produces<string>(StatusCodes.Status200OK, HtmlMediaType)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        app.MapGet(ContactSheetStyle.Route, ContactSheetStyle.Get).WithTags("Regions")
            .WithName("GetContactSheetStylesheet")
            .WithSummary("The contact sheet's print stylesheet")
            .WithDescription("CSS for the contact sheet (A4, @page margins). Its path carries a hash of its content, so it may be cached for a year (Cache-Control: immutable); an old version is 404.")
            .Produces<string>(StatusCodes.Status200OK, ContactSheetStyle.MediaType)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<Results<ContentHttpResult, ValidationProblem, ProblemHttpResult>> GetContactSheet(
        DirectorySnapshotHolder directory, SqliteConnectionFactory connections, TimeProvider clock, HttpContext http,
        [Description("Kreis key (5 digits), e.g. '09162'; a 12-digit ARS of a Kreis is accepted.")] string key,
        [Description("Language of the sheet: de (default) or en.")] string? lang = null,
        CancellationToken cancellationToken = default)
    {
        if (lang is not null && lang is not ("de" or "en"))
        {
            return ProblemSetup.Invalid("lang", $"'{lang}' is not a language of the contact sheet: use de or en.");
        }
        if (!RegionKey.TryNormalize(key, out var normalized))
        {
            return ProblemSetup.Invalid("key", RegionKey.Invalid(key));
        }
        var snapshot = directory.Current;
        snapshot.Regions.TryGetValue(normalized, out var region);
        if (normalized.Length != 5)
        {
            return NotAKreis(normalized, region);
        }
        if (region is null)
        {
            return ProblemSetup.NotFound("Kreis", normalized);
        }

        var german = lang is null or "de";
        var today = BerlinTime.Today(clock);
        var visibilities = Caller.From(http.User).Visibilities;
        var entries = ContactSheetBuilder.Entries(snapshot, region, visibilities, german);
        var agencies = entries.SelectMany(e => e.Agencies.Concat(e.Fallbacks)).ToList();
        var ids = agencies.Select(a => a.Id).Distinct().ToList();

        await using var connection = await connections.OpenAsync(cancellationToken);
        var updated = ids.Count == 0 ? null : await connection.ExecuteScalarAsync<string?>(
            "SELECT max(updated_at) FROM agencies WHERE id IN @ids", new { ids });
        var sources = (await connection.QueryAsync<string>(
            """
            SELECT DISTINCT boundary_source FROM regions
            WHERE geometry IS NOT NULL AND boundary_source IS NOT NULL
              AND (key = @key OR (level = 'gemeinde' AND substr(key, 1, 5) = @key))
            ORDER BY boundary_source
            """, new { key = normalized })).ToList();
        // The same note the coverage map of this Kreis carries.
        var attribution = RegionIndex.AttributionOf(sources);

        var sheet = new ContactSheet(region, snapshot.Regions.TryGetValue(normalized[..2], out var land) ? land.Name : null, entries,
            agencies.Any(a => a.Sample), visibilities, today, updated is null ? null : DateOnly.FromDateTime(Dates.ParseTimestamp(updated).UtcDateTime),
            attribution);
        var html = ContactSheetPage.Write(sheet, german, http.Request.PathBase + ContactSheetStyle.Path);
        http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        http.Response.Headers.ContentLanguage = german ? "de" : "en";
        return TypedResults.Text(html, HtmlMediaType + "; charset=utf-8");
    }

    private static ProblemHttpResult NotAKreis(string key, SnapshotRegion? region)
    {
        var level = RegionKey.LevelOf(key) switch
        {
            "country" => "the country",
            "land" => "a Land",
            "regierungsbezirk" => "a Regierungsbezirk",
            _ => "a Gemeinde",
        };
        var name = region is null ? "" : $" ({region.Name})";
        var hint = key.Length == 8
            ? $" Its Kreis is {key[..5]}: GET /v1/regions/{key[..5]}/contact-sheet."
            : key == RegionKey.Country ? " List the Kreise with GET /v1/regions?level=kreis."
            : $" List its Kreise with GET /v1/regions?level=kreis&keyPrefix={key}.";
        return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Not a Kreis",
            detail: $"'{key}'{name} is {level}; a contact sheet is per Kreis (5-digit key).{hint}");
    }
}
