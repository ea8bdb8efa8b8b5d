using Dapper;
using NetTopologySuite.IO;
using NetworkDirectory.Api.Data;
using NetworkDirectory.Api.Geography;
using NetworkDirectory.Api.Lookup;

namespace NetworkDirectory.Api.Maps;

/// <summary>
/// Builds the coverage map of a Land (its Kreise) or a Kreis (its Gemeinden with an imported boundary,
/// else the Kreis itself). The agencies of a feature are the ones a lookup by that region key names
/// first (<see cref="ServiceMatcher.Match"/> and <see cref="ServiceMatcher.Responsible"/>, the lookup's
/// own rule); custom coverage polygons are not drawn, since a lookup by key does not test them either.
/// </summary>
public sealed class CoverageMaps(SqliteConnectionFactory connections)
{
    public async Task<CoverageMap> BuildAsync(
        DirectorySnapshot snapshot, SnapshotRegion region, string responsibility, int tolerance, IReadOnlyList<string> visibilities, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var prefix = region.Key;
        var childLevel = region.Level == "land" ? "kreis" : "gemeinde";
        var rows = (await connection.QueryAsync<(string Key, byte[]? Geometry, string? Source)>(
            "SELECT key, geometry, boundary_source FROM regions WHERE level = @childLevel AND substr(key, 1, length(@prefix)) = @prefix ORDER BY key",
            new { childLevel, prefix })).ToList();
        if (region.Level == "kreis" && !rows.Any(r => r.Geometry is not null))
        {
            rows = (await connection.QueryAsync<(string Key, byte[]? Geometry, string? Source)>(
                "SELECT key, geometry, boundary_source FROM regions WHERE key = @prefix", new { prefix })).ToList();
        }

        var criteria = new LookupCriteria([responsibility], null, null, null, null, at, visibilities);
        var reader = new WKBReader(NetTopologySuite.NtsGeometryServices.Instance);
        var features = new List<CoverageFeature>(rows.Count);
        foreach (var row in rows)
        {
            var known = snapshot.Regions.TryGetValue(row.Key, out var r) ? r : new SnapshotRegion(row.Key, childLevel, row.Key, null, region.Key, null);
            var place = new ResolvedPlace(PlaceResolver.ChainFor(snapshot, row.Key), null);
            var responsible = ServiceMatcher.Responsible(ServiceMatcher.Match(snapshot, place, criteria, responsibility));
            var agencies = responsible.Select(m => new CoverageAgency(
                m.Agency.Id, m.Agency.Name, m.MatchedLevel, m.MatchedKey, m.Service.Priority, m.Agency.Sample)).ToList();
            var geometry = row.Geometry is null ? (System.Text.Json.JsonElement?)null : MapGeometry.ToJson(MapGeometry.Prepare(reader.Read(row.Geometry), tolerance));
            features.Add(new CoverageFeature("Feature", row.Key, geometry, new CoverageProperties(
                row.Key, known.Name, known.Level, agencies.Count > 0 ? "covered" : "gap", agencies.Any(a => a.Sample), agencies)));
        }

        var missing = rows.Where(r => r.Geometry is null).Select(r => r.Key).ToList();
        var attribution = RegionIndex.AttributionOf(rows.Where(r => r.Geometry is not null).Select(r => r.Source));
        var notes = new List<string>();
        if (missing.Count > 0)
        {
            notes.Add($"{missing.Count} of {rows.Count} region(s) have no imported boundary: their geometry is null (import boundaries with `boundaries import`).");
        }
        if (snapshot.PolygonServices.Any(s => s.Responsibility == responsibility))
        {
            notes.Add("Services with a custom coverage polygon are not shown: a lookup by coordinates may name them first.");
        }
        return new CoverageMap("FeatureCollection", new MapRegion(region.Key, region.Level, region.Name), responsibility, tolerance,
            attribution, features.Any(f => f.Properties.Sample), missing, notes, features);
    }
}
