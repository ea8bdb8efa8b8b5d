using System.Text.Json;
using Dapper;
using NetTopologySuite.IO;
using NetworkDirectory.Api.Data;
using NetworkDirectory.Api.Geography;
using NetworkDirectory.Api.Maps;

namespace NetworkDirectory.Api.Coverage;

/// <summary>
/// The coverage report as an RFC 7946 FeatureCollection: one feature per Gemeinde, Kreis or old key
/// that has findings, with the region's imported boundary (simplified like the coverage maps) and its
/// findings as properties, so a coordinator sees the gaps and overlaps of a Land on a map.
/// </summary>
public sealed class CoverageReportMaps(SqliteConnectionFactory connections)
{
    public async Task<CoverageReportMap> BuildAsync(CoverageReport report, int tolerance, CancellationToken cancellationToken)
    {
        var byRegion = report.Findings.GroupBy(f => f.RegionKey, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var keys = byRegion.Select(g => g.Key).ToList();
        await using var connection = await connections.OpenAsync(cancellationToken);
        var boundaries = (await connection.QueryAsync<(string Key, byte[]? Geometry, string? Source)>(
            "SELECT key, geometry, boundary_source FROM regions WHERE key IN @keys", new { keys })).ToDictionary(r => r.Key, StringComparer.Ordinal);

        var reader = new WKBReader(NetTopologySuite.NtsGeometryServices.Instance);
        var features = byRegion.Select(group =>
        {
            var first = group.First();
            JsonElement? geometry = boundaries.GetValueOrDefault(group.Key).Geometry is { } wkb
                ? MapGeometry.ToJson(MapGeometry.Prepare(reader.Read(wkb), tolerance)) : null;
            var kinds = FindingKinds.All.Where(k => group.Any(f => f.Kind == k)).ToList();
            return new CoverageReportFeature("Feature", group.Key, geometry,
                new CoverageReportProperties(group.Key, first.RegionName, first.Level, kinds, group.Any(f => f.Agencies.Any(a => a.Sample)), [.. group]));
        }).ToList();

        var attribution = RegionIndex.AttributionOf(boundaries.Values.Where(b => b.Geometry is not null).Select(b => b.Source));
        var missing = features.Where(f => f.Geometry is null).Select(f => f.Id).ToList();
        return new CoverageReportMap("FeatureCollection", new MapRegion(report.RegionKey, report.Level, report.RegionName), report.Today,
            tolerance, attribution, report.Counts, report.ContainsSample, missing, features);
    }
}

/// <summary>The coverage report of a Land or Kreis as an RFC 7946 FeatureCollection, with foreign members.</summary>
/// <param name="Type">Always "FeatureCollection".</param>
/// <param name="Today">The Europe/Berlin date the report was made on.</param>
/// <param name="Tolerance">The simplification tolerance in metres that was applied.</param>
/// <param name="Attribution">Source notes of the boundaries shown (BKG, dl-de/by-2-0); empty when no boundary is shown.</param>
/// <param name="Counts">Findings per kind (every kind listed, zero included), as in the JSON report.</param>
/// <param name="BoundariesMissing">Keys of features without an imported boundary (geometry null): old keys of a stale_key finding, regions without a boundary import.</param>
public sealed record CoverageReportMap(
    string Type, MapRegion Region, DateOnly Today, int Tolerance, IReadOnlyList<string> Attribution, IReadOnlyDictionary<string, int> Counts,
    bool ContainsSample, IReadOnlyList<string> BoundariesMissing, IReadOnlyList<CoverageReportFeature> Features);

/// <param name="Type">Always "Feature".</param>
/// <param name="Id">The region key the findings are about.</param>
/// <param name="Geometry">A GeoJSON Polygon or MultiPolygon in WGS84, or null when the key has no imported boundary.</param>
public sealed record CoverageReportFeature(string Type, string Id, JsonElement? Geometry, CoverageReportProperties Properties);

/// <param name="Kinds">The kinds of finding in this region, in the order gap, ambiguous, stale_key, no_off_hours_contact.</param>
/// <param name="Findings">The report's findings about this region.</param>
public sealed record CoverageReportProperties(
    string Key, string Name, string Level, IReadOnlyList<string> Kinds, bool Sample, IReadOnlyList<CoverageFinding> Findings);
