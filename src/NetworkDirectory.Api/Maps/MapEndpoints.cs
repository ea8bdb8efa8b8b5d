using System.ComponentModel;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using NetworkDirectory.Api.Auth;
using NetworkDirectory.Api.Common;
using NetworkDirectory.Api.Data;
using NetworkDirectory.Api.Lookup;
using NetworkDirectory.Api.Regions;

namespace NetworkDirectory.Api.Maps;

/// <summary>Maps in GeoJSON (RFC 7946, application/geo+json): who covers which region, and where agencies sit.</summary>
public static class MapEndpoints
{
    public const string GeoJsonMediaType = "application/geo+json";

    public static IServiceCollection AddMaps(this IServiceCollection services) => services.AddSingleton<CoverageMaps>();

    public static IEndpointRouteBuilder MapMaps(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/maps").WithTags("Maps");

        group.MapGet("/coverage", Coverage)
            .WithName("GetCoverageMap")
            .WithSummary("Coverage map of a Land or Kreis for one responsibility (GeoJSON)")
            .WithDescription("""
                An RFC 7946 FeatureCollection (WGS84 longitude/latitude, exterior rings counter-clockwise, coordinates
                rounded to 6 decimals) of the Kreise of a Land, or of the Gemeinden of a Kreis (the Kreis itself when
                no Gemeinde boundary is imported). Each feature names the agencies a lookup by that region key names
                first, with status covered or gap. Boundaries are the imported ones, simplified by `tolerance`; a
                region without an imported boundary has geometry null and is listed in `boundariesMissing`.
                `attribution` carries the boundaries' source note (show it with the map), `sample` is true when
                fictional sample agencies appear.
                """)
            .Produces<CoverageMap>(StatusCodes.Status200OK, GeoJsonMediaType)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/agencies", Agencies)
            .WithName("GetAgencyMap")
            .WithSummary("Agency locations as GeoJSON points")
            .WithDescription("""
                An RFC 7946 FeatureCollection of Point features, one per agency with a known location, optionally only
                agencies located in a Land or Kreis and only those with a service for a responsibility. Each feature
                links to the agency's contact card (`vcard`). Agencies without coordinates are left out (`notes` says how many).
                """)
            .Produces<AgencyMap>(StatusCodes.Status200OK, GeoJsonMediaType)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<Results<JsonHttpResult<CoverageMap>, ValidationProblem, ProblemHttpResult>> Coverage(
        DirectorySnapshotHolder directory, CoverageMaps maps, TimeProvider clock, HttpContext http,
        [Description("Land (2 digits) or Kreis (5 digits) key.")] string? region = null,
        [Description("Responsibility code (see /v1/taxonomies).")] string? responsibility = null,
        [Description("Simplification tolerance in metres, 0–5000 (0: as imported); default 250.")] int? tolerance = null,
        CancellationToken cancellationToken = default)
    {
        var snapshot = directory.Current;
        var (found, invalid, missing) = CheckRegion(snapshot, region);
        if (invalid is not null) return invalid;
        if (missing is not null) return missing;
        if (string.IsNullOrWhiteSpace(responsibility))
        {
            return ProblemSetup.Invalid("responsibility", "responsibility is required: give one responsibility code (see /v1/taxonomies).");
        }
        if (!snapshot.Responsibilities.ContainsKey(responsibility))
        {
            return ProblemSetup.Invalid("responsibility", $"'{responsibility}' is not a responsibility code (see /v1/taxonomies).");
        }
        if (tolerance is { } t && t is < MapGeometry.MinTolerance or > MapGeometry.MaxTolerance)
        {
            return ProblemSetup.Invalid("tolerance", $"tolerance {t} is out of range: use {MapGeometry.MinTolerance} to {MapGeometry.MaxTolerance} metres.");
        }
        var map = await maps.BuildAsync(snapshot, found!, responsibility, tolerance ?? MapGeometry.DefaultTolerance,
            Caller.From(http.User).Visibilities, clock.GetUtcNow(), cancellationToken);
        return TypedResults.Json(map, contentType: GeoJsonMediaType);
    }

    public static async Task<Results<JsonHttpResult<AgencyMap>, ValidationProblem, ProblemHttpResult>> Agencies(
        DirectorySnapshotHolder directory, SqliteConnectionFactory connections,
        [Description("Only agencies located in this Land (2 digits) or Kreis (5 digits).")] string? region = null,
        [Description("Only agencies with a service for this responsibility code.")] string? responsibility = null,
        CancellationToken cancellationToken = default)
    {
        var snapshot = directory.Current;
        SnapshotRegion? found = null;
        if (region is not null)
        {
            var (known, invalid, missing) = CheckRegion(snapshot, region);
            if (invalid is not null) return invalid;
            if (missing is not null) return missing;
            found = known;
        }
        if (responsibility is not null && !snapshot.Responsibilities.ContainsKey(responsibility))
        {
            return ProblemSetup.Invalid("responsibility", $"'{responsibility}' is not a responsibility code (see /v1/taxonomies).");
        }
        await using var connection = await connections.OpenAsync(cancellationToken);
        var located = (await connection.QueryAsync<(string Id, double? Latitude, double? Longitude)>(
            "SELECT id, latitude, longitude FROM agencies ORDER BY id")).ToDictionary(r => r.Id);
        var features = new List<AgencyFeature>();
        var unlocated = 0;
        foreach (var agency in snapshot.Agencies.Values.OrderBy(a => a.Id, StringComparer.Ordinal))
        {
            var responsibilities = agency.Services.Select(s => s.Responsibility).Distinct().Order(StringComparer.Ordinal).ToList();
            if ((found is not null && !agency.RegionKey.StartsWith(found.Key, StringComparison.Ordinal))
                || (responsibility is not null && !responsibilities.Contains(responsibility)))
            {
                continue;
            }
            if (!located.TryGetValue(agency.Id, out var at) || at.Latitude is not { } lat || at.Longitude is not { } lon)
            {
                unlocated++;
                continue;
            }
            features.Add(new AgencyFeature("Feature", agency.Id, new AgencyPoint("Point", MapGeometry.Position(lat, lon)),
                new AgencyProperties(agency.Id, agency.Name, agency.Kind, responsibilities, agency.Sample, $"/v1/agencies/{agency.Id}/vcard")));
        }
        IReadOnlyList<string> notes = unlocated == 0 ? [] : [$"{unlocated} matching agenc{(unlocated == 1 ? "y has" : "ies have")} no location and are not shown."];
        var map = new AgencyMap("FeatureCollection", found is null ? null : new MapRegion(found.Key, found.Level, found.Name), responsibility,
            features.Any(f => f.Properties.Sample), notes, features);
        return TypedResults.Json(map, contentType: GeoJsonMediaType);
    }

    /// <summary>A Land or Kreis of the directory; a 400 for a missing, malformed or other-level key, a 404 for an unknown one.</summary>
    private static (SnapshotRegion? Region, ValidationProblem? Invalid, ProblemHttpResult? Missing) CheckRegion(DirectorySnapshot snapshot, string? region)
    {
        if (string.IsNullOrWhiteSpace(region))
        {
            return (null, ProblemSetup.Invalid("region", "region is required: give a Land (2 digits) or Kreis (5 digits) key."), null);
        }
        if (!RegionKey.TryNormalize(region, out var key))
        {
            return (null, ProblemSetup.Invalid("region", RegionKey.Invalid(region)), null);
        }
        if (key.Length is not (2 or 5))
        {
            return (null, ProblemSetup.Invalid("region", $"'{region}' is a {RegionKey.LevelOf(key)} key: maps are drawn for a Land (2 digits) or a Kreis (5 digits)."), null);
        }
        return snapshot.Regions.TryGetValue(key, out var found) ? (found, null, null) : (null, null, ProblemSetup.NotFound("region", key));
    }
}
