using System.Globalization;
using System.Text.Json;
using Dapper;
using NetTopologySuite.IO;
using NetworkDirectory.Api.Data;

namespace NetworkDirectory.Api.Geography;

/// <summary>What an import changed.</summary>
/// <param name="DisappearedKeys">Keys that had a boundary before and have none in the new set (merged away).</param>
/// <param name="OrphanedCoverage">Services whose coverage still names a disappeared key: "service-id → key".</param>
/// <param name="KeyChanges">The key changes this import derived (see <see cref="RegionKeyChanges"/>).</param>
public sealed record BoundaryImportResult(
    string Source, DateOnly? BoundaryDate, IReadOnlyDictionary<string, int> RegionsByLevel,
    IReadOnlyList<string> DisappearedKeys, IReadOnlyList<string> OrphanedCoverage, IReadOnlyList<RegionKeyChange> KeyChanges);

/// <summary>
/// Replaces the boundaries of the levels a source holds, in one transaction: readers see the old
/// set until the commit and the new one after it (in the server, <see cref="AfterBoundaryImport"/>
/// rebuilds the region index and the lookup snapshot and swaps them whole). Keys are upserted,
/// never deleted: services may still name them.
/// </summary>
public sealed class BoundaryImporter(
    SqliteConnectionFactory connections, AfterBoundaryImport afterImport, TimeProvider clock, ILogger<BoundaryImporter> logger)
{
    public async Task<BoundaryImportResult> ImportAsync(BoundarySet set, CancellationToken cancellationToken = default)
    {
        if (set.Features.Count == 0)
        {
            throw new InvalidDataException($"{set.Source} holds no region with an AGS of 2, 3, 5 or 8 digits.");
        }
        var writer = new WKBWriter();
        var levels = set.Levels;
        var date = set.BoundaryDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var source = set.BoundaryDate is { } d ? $"{set.Product}, Stand {d:dd.MM.yyyy} ({set.Source})" : $"{set.Product} ({set.Source})";

        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        var before = (await connection.QueryAsync<string>(
            "SELECT key FROM regions WHERE geometry IS NOT NULL AND level IN @levels", new { levels }, transaction)).ToHashSet();

        // Parents first, so that a Gemeinde finds its Kreis and a Kreis its Regierungsbezirk.
        foreach (var feature in set.Features.OrderBy(f => f.Key.Length).ThenBy(f => f.Key, StringComparer.Ordinal))
        {
            var parent = await ParentAsync(connection, transaction, feature.Key);
            await connection.ExecuteAsync(
                """
                INSERT INTO regions (key, level, name, designation, parent_key, ars, geometry, boundary_date, boundary_source)
                VALUES (@Key, @Level, @Name, @Designation, @parent, @Ars, @wkb, @date, @source)
                ON CONFLICT (key) DO UPDATE SET name = excluded.name, designation = excluded.designation, parent_key = excluded.parent_key,
                    ars = coalesce(excluded.ars, regions.ars), geometry = excluded.geometry, boundary_date = excluded.boundary_date,
                    boundary_source = excluded.boundary_source
                """,
                new { feature.Key, feature.Level, feature.Name, feature.Designation, parent, feature.Ars, wkb = writer.Write(feature.Geometry), date, source },
                transaction);
        }

        var present = set.Features.Select(f => f.Key).ToHashSet();
        var disappeared = before.Where(k => !present.Contains(k)).Order(StringComparer.Ordinal).ToList();
        var reader = new WKBReader(NetTopologySuite.NtsGeometryServices.Instance);
        var gone = (await connection.QueryAsync<(string Key, string Level, byte[] Geometry)>(
            "SELECT key, level, geometry FROM regions WHERE key IN @disappeared", new { disappeared }, transaction))
            .Select(g => (g.Key, g.Level, reader.Read(g.Geometry)));
        var keyChanges = RegionKeyChanges.OfDisappeared(gone, set);
        await connection.ExecuteAsync("UPDATE regions SET geometry = NULL WHERE key IN @disappeared", new { disappeared }, transaction);
        keyChanges.AddRange((await RegionKeyChanges.OfGemeindeKeysAsync(connection, transaction)).Where(c => keyChanges.All(k => k.OldKey != c.OldKey)));
        var orphaned = (await connection.QueryAsync<(string Service, string Key)>(
            "SELECT service_id, region_key FROM service_coverage WHERE region_key IN @disappeared ORDER BY service_id", new { disappeared }, transaction))
            .Select(o => $"{o.Service} → {o.Key}").ToList();

        var counts = set.Features.GroupBy(f => f.Level).ToDictionary(g => g.Key, g => g.Count());
        var importId = await connection.ExecuteScalarAsync<long>(
            """
            INSERT INTO boundary_imports (imported_at, source, boundary_date, levels, region_count, disappeared_keys)
            VALUES (@now, @source, @date, @levels, @count, @disappeared)
            RETURNING id
            """,
            new
            {
                now = clock.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), source, date,
                levels = string.Join(",", levels), count = set.Features.Count, disappeared = JsonSerializer.Serialize(disappeared),
            }, transaction);
        await RegionKeyChanges.SaveAsync(connection, transaction, keyChanges, importId);
        await transaction.CommitAsync(cancellationToken);

        await afterImport(cancellationToken);
        logger.LogInformation("Imported {Count} boundaries from {Source}; {Disappeared} key(s) disappeared, {Changes} key change(s) derived",
            set.Features.Count, source, disappeared.Count, keyChanges.Count);
        return new BoundaryImportResult(source, set.BoundaryDate, counts, disappeared, orphaned, keyChanges);
    }

    private static async Task<string> ParentAsync(Microsoft.Data.Sqlite.SqliteConnection connection, Microsoft.Data.Sqlite.SqliteTransaction transaction, string key)
    {
        var candidates = key.Length switch
        {
            8 => [key[..5], key[..3], key[..2]],
            5 => [key[..3], key[..2]],
            3 => new[] { key[..2] },
            _ => [],
        };
        foreach (var candidate in candidates)
        {
            if (await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM regions WHERE key = @candidate", new { candidate }, transaction) == 1)
            {
                return candidate;
            }
        }
        return "DE";
    }
}
