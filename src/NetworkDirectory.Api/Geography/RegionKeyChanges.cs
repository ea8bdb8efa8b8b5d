using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using NetworkDirectory.Api.Common;

namespace NetworkDirectory.Api.Geography;

/// <summary>A key the imported boundaries no longer hold and the key whose area now holds it (table region_key_changes).</summary>
/// <param name="DerivedFrom">disappeared: the key had a boundary before an import and none after it; gemeinde_keys: imported Gemeinden name it as their Kreis, the imported Kreise do not have it.</param>
/// <param name="BoundaryDate">Gebietsstand of the boundaries <paramref name="NewKey"/> was found in.</param>
public sealed record RegionKeyChange(string OldKey, string NewKey, string Level, string DerivedFrom, DateOnly? BoundaryDate);

/// <summary>
/// The key changes a boundary import can derive, and their table. An import knows which keys it
/// removes, and where their area went: the old boundary's interior point (or, failing that, most of
/// its area) lies in the successor. Layers of different Gebietsstände show one more kind: VG5000
/// 2021 Gemeinden such as 16056000 name Kreis 16056, which the VG1000 2024 Kreise no longer have;
/// the Kreis that holds most of those Gemeinden is its successor.
/// </summary>
public static class RegionKeyChanges
{
    public static async Task<IReadOnlyList<RegionKeyChange>> LoadAsync(SqliteConnection connection, SqliteTransaction? transaction = null) =>
        (await connection.QueryAsync<(string OldKey, string NewKey, string Level, string DerivedFrom, string? BoundaryDate)>(
            "SELECT old_key, new_key, level, derived_from, boundary_date FROM region_key_changes ORDER BY old_key", transaction: transaction))
        .Select(r => new RegionKeyChange(r.OldKey, r.NewKey, r.Level, r.DerivedFrom, Dates.ParseOrNull(r.BoundaryDate)))
        .ToList();

    /// <summary>Successors of keys an import removes, found in the imported set: <paramref name="gone"/> holds their last boundaries.</summary>
    internal static List<RegionKeyChange> OfDisappeared(IEnumerable<(string Key, string Level, Geometry Geometry)> gone, BoundarySet set)
    {
        var changes = new List<RegionKeyChange>();
        foreach (var (key, level, geometry) in gone)
        {
            var sameLevel = set.Features.Where(f => f.Level == level && f.Geometry.EnvelopeInternal.Intersects(geometry.EnvelopeInternal)).ToList();
            var inside = geometry.InteriorPoint;
            var successor = sameLevel.FirstOrDefault(f => f.Geometry.EnvelopeInternal.Covers(inside.Coordinate) && f.Geometry.Covers(inside))
                ?? sameLevel.Select(f => (Feature: f, Overlap: Overlap(geometry, f.Geometry))).Where(o => o.Overlap > 0)
                    .OrderByDescending(o => o.Overlap).Select(o => o.Feature).FirstOrDefault();
            if (successor is not null)
            {
                changes.Add(new RegionKeyChange(key, successor.Key, level, "disappeared", set.BoundaryDate));
            }
        }
        return changes;
    }

    /// <summary>Kreis keys that stored Gemeinden name (their first five digits) and no stored Kreis boundary has, with the Kreis holding most of those Gemeinden.</summary>
    internal static async Task<List<RegionKeyChange>> OfGemeindeKeysAsync(SqliteConnection connection, SqliteTransaction transaction)
    {
        var gemeinden = (await connection.QueryAsync<(string Key, byte[] Geometry)>(
            """
            SELECT g.key, g.geometry FROM regions g
            WHERE g.level = 'gemeinde' AND g.geometry IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM regions k WHERE k.key = substr(g.key, 1, 5) AND k.geometry IS NOT NULL)
            """, transaction: transaction)).ToList();
        if (gemeinden.Count == 0)
        {
            return [];
        }
        var reader = new WKBReader(NetTopologySuite.NtsGeometryServices.Instance);
        var lands = gemeinden.Select(g => g.Key[..2]).Distinct().ToList();
        var kreise = (await connection.QueryAsync<(string Key, byte[] Geometry, string? BoundaryDate)>(
                "SELECT key, geometry, boundary_date FROM regions WHERE level = 'kreis' AND geometry IS NOT NULL AND substr(key, 1, 2) IN @lands",
                new { lands }, transaction))
            .Select(k => (k.Key, Geometry: reader.Read(k.Geometry), Date: Dates.ParseOrNull(k.BoundaryDate)))
            .ToList();
        var changes = new List<RegionKeyChange>();
        // Gemeinden imported before any Kreis of their Land are left to the Kreis import.
        foreach (var group in gemeinden.GroupBy(g => g.Key[..5], StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                     .Where(g => kreise.Any(k => k.Key.StartsWith(g.Key[..2], StringComparison.Ordinal))))
        {
            var votes = group
                .Select(g => reader.Read(g.Geometry).InteriorPoint)
                .Select(point => kreise.FirstOrDefault(k => k.Geometry.EnvelopeInternal.Covers(point.Coordinate) && k.Geometry.Covers(point)))
                .Where(k => k.Key is not null)
                .GroupBy(k => k.Key, StringComparer.Ordinal)
                .OrderByDescending(v => v.Count()).ThenBy(v => v.Key, StringComparer.Ordinal)
                .FirstOrDefault();
            if (votes is not null)
            {
                changes.Add(new RegionKeyChange(group.Key, votes.Key, "kreis", "gemeinde_keys", votes.First().Date));
            }
        }
        return changes;
    }

    /// <summary>
    /// Records the changes, forgets those whose old key has a boundary again, and re-parents every
    /// Gemeinde under the Kreis its area now belongs to (its own Kreis key, or that key's successor).
    /// </summary>
    internal static async Task SaveAsync(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<RegionKeyChange> changes, long importId)
    {
        foreach (var change in changes)
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO region_key_changes (old_key, new_key, level, derived_from, boundary_date, import_id)
                VALUES (@OldKey, @NewKey, @Level, @DerivedFrom, @date, @importId)
                ON CONFLICT (old_key) DO UPDATE SET new_key = excluded.new_key, level = excluded.level, derived_from = excluded.derived_from,
                    boundary_date = excluded.boundary_date, import_id = excluded.import_id
                """,
                new
                {
                    change.OldKey, change.NewKey, change.Level, change.DerivedFrom, importId,
                    date = change.BoundaryDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                }, transaction);
        }
        await connection.ExecuteAsync(
            "DELETE FROM region_key_changes WHERE old_key IN (SELECT key FROM regions WHERE geometry IS NOT NULL)", transaction: transaction);
        // Whichever layer came first: a Gemeinde imported before its Kreis was put under its Land.
        await connection.ExecuteAsync(
            """
            UPDATE regions SET parent_key = coalesce(
                (SELECT c.new_key FROM region_key_changes c WHERE c.old_key = substr(regions.key, 1, 5)),
                (SELECT p.key FROM regions p WHERE p.key = substr(regions.key, 1, 5)),
                (SELECT p.key FROM regions p WHERE p.key = substr(regions.key, 1, 3)),
                (SELECT p.key FROM regions p WHERE p.key = substr(regions.key, 1, 2)),
                'DE')
            WHERE level = 'gemeinde'
            """, transaction: transaction);
    }

    private static double Overlap(Geometry a, Geometry b)
    {
        try
        {
            return a.Intersection(b).Area;
        }
        catch (TopologyException)
        {
            return 0;
        }
    }
}
