using Microsoft.AspNetCore.Http.HttpResults;
using NetworkDirectory.Api.Common;
using NetworkDirectory.Api.Regions;

namespace NetworkDirectory.Api.Lookup;

/// <summary>Validation of the lookup's query and resolution of its location form.</summary>
internal sealed record LookupRequest(
    IReadOnlyList<string> Responsibilities, string? RegionKey, DateTimeOffset At, string? TimeNote, (string Field, string Message)? Error)
{
    public const string HowToImportBoundaries =
        "No boundaries are imported yet, so coordinates cannot be resolved. Import the official BKG boundaries with " +
        "'dotnet run --project src/NetworkDirectory.Api -- boundaries import <zip, folder or URL>' (see README, 'Loading official boundaries'); " +
        "a running server picks up the import within Geography:ImportPollSeconds (default 5 seconds). Ask by regionKey meanwhile.";

    public const string HowToImportPostalCodes =
        "No postal-code table is imported yet. Import one with " +
        "'dotnet run --project src/NetworkDirectory.Api -- postalcodes import <csv or URL>' (see README), or ask by regionKey meanwhile.";

    private static LookupRequest Fail(string field, string message) => new([], null, default, null, (field, message));

    public static LookupRequest Validate(
        DirectorySnapshot snapshot, double? lat, double? lon, string? postalCode, string? regionKey, string? q,
        string[]? responsibility, string? exploitationForm, int? age, string? language, string? at, DateTimeOffset now)
    {
        var forms = (lat is not null || lon is not null ? 1 : 0) + (postalCode is not null ? 1 : 0) + (regionKey is not null ? 1 : 0) + (q is not null ? 1 : 0);
        if (forms != 1)
        {
            return Fail("location", forms == 0
                ? "Give a location: lat and lon, postalCode, regionKey or q (place name)."
                : "Give exactly one location form: lat and lon, postalCode, regionKey or q, not several.");
        }
        if (lat is null != lon is null)
        {
            return Fail(lat is null ? "lat" : "lon", "lat and lon must be given together.");
        }
        if (lat is < -90 or > 90 || (lat is { } la && !double.IsFinite(la)))
        {
            return Fail("lat", $"lat must be between -90 and 90; got {lat}.");
        }
        if (lon is < -180 or > 180 || (lon is { } lo && !double.IsFinite(lo)))
        {
            return Fail("lon", $"lon must be between -180 and 180; got {lon}.");
        }
        if (postalCode is not null && (postalCode.Length != 5 || !postalCode.All(char.IsAsciiDigit)))
        {
            return Fail("postalCode", $"'{postalCode}' is not a German postal code (5 digits).");
        }
        string? key = null;
        if (regionKey is not null && !Regions.RegionKey.TryNormalize(regionKey, out key))
        {
            return Fail("regionKey", Regions.RegionKey.Invalid(regionKey));
        }
        if (q is not null && (q.Trim().Length < 2 || q.Length > 100))
        {
            return Fail("q", "q must hold 2 to 100 characters.");
        }

        var codes = (responsibility ?? []).SelectMany(r => r.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct().ToList();
        if (codes.FirstOrDefault(c => !snapshot.Responsibilities.ContainsKey(c)) is { } unknown)
        {
            return Fail("responsibility", $"'{unknown}' is not a known responsibility code. The codes are listed at /v1/taxonomies.");
        }
        if (codes.Count == 0)
        {
            codes = snapshot.AcuteResponsibilities.ToList();
        }
        if (exploitationForm is not null && !snapshot.ExploitationForms.Contains(exploitationForm))
        {
            return Fail("exploitationForm", $"'{exploitationForm}' is not a known exploitation form code. The codes are listed at /v1/taxonomies.");
        }
        if (age is < 0 or > 120)
        {
            return Fail("age", $"age must be between 0 and 120; got {age}.");
        }
        if (language is not null && !LanguageTag.IsWellFormed(language))
        {
            return Fail("language", LanguageTag.Invalid(language));
        }
        if (!LookupTime.TryParse(at, now, out var instant, out var note))
        {
            return Fail("at", $"'{at}' is not an ISO 8601 time: use '2026-11-28T02:00' (Europe/Berlin) or '2026-11-28T01:00Z'.");
        }
        return new LookupRequest(codes, key, instant, note, null);
    }

    public static (ProblemHttpResult? Problem, (ResolvedPlace, LocationAnswer)? Place) Resolve(
        DirectorySnapshot snapshot, PlaceResolver places, double? lat, double? lon, string? postalCode, string? regionKey, string? q)
    {
        if (lat is { } latitude && lon is { } longitude)
        {
            if (!places.BoundariesLoaded)
            {
                return (Problem(StatusCodes.Status503ServiceUnavailable, "Boundaries not imported", HowToImportBoundaries), null);
            }
            return places.FromPoint(snapshot, latitude, longitude) is { } point
                ? (null, point)
                : (Problem(StatusCodes.Status422UnprocessableEntity, "Outside coverage",
                    $"The point {latitude}, {longitude} lies outside every imported German region (abroad or in open water). Check the coordinates (lat, lon in WGS84)."), null);
        }
        if (postalCode is not null)
        {
            if (!places.PostalCodesLoaded)
            {
                return (Problem(StatusCodes.Status503ServiceUnavailable, "Postal codes not imported", HowToImportPostalCodes), null);
            }
            var (candidates, total) = places.PostalCodeCandidates(snapshot, postalCode);
            return candidates.Count == 0
                ? (Problem(StatusCodes.Status404NotFound, "Unknown postal code", $"The postal code {postalCode} is not in the imported postal-code table."), null)
                : (null, PlaceResolver.FromCandidates(snapshot, "postalCode", candidates, total, places.PostalCodeAttribution));
        }
        if (regionKey is not null)
        {
            return (null, places.FromRegionKey(snapshot, regionKey));
        }
        var (named, matching) = PlaceResolver.NameCandidates(snapshot, q!.Trim());
        return named.Count == 0
            ? (Problem(StatusCodes.Status404NotFound, "Unknown place", $"No Gemeinde or Kreis named '{q}' is in the directory. Try the postal code or the official key."), null)
            : (null, PlaceResolver.FromCandidates(snapshot, "place", named, matching, places.BoundaryAttribution));
    }

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);
}
