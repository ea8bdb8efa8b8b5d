using Dapper;
using Microsoft.Data.Sqlite;
using NetworkDirectory.Api.Common;
using NetworkDirectory.Api.Regions;

namespace NetworkDirectory.Api.Writes;

/// <summary>Domain checks shared by the write models.</summary>
public static class WriteChecks
{
    public static string? Normalized(string? key) => key is not null && RegionKey.TryNormalize(key, out var normalized) ? normalized : key;

    /// <summary>The key is well formed and present in the regions table.</summary>
    public static async Task ExistingRegionAsync(
        SqliteConnection connection, SqliteTransaction transaction, string field, string? key, ValidationErrors errors, bool required)
    {
        if (key is null)
        {
            if (required)
            {
                errors.Add(field, $"{field} is required (an official region key).");
            }
            return;
        }
        if (!RegionKey.TryNormalize(key, out var normalized))
        {
            errors.Add(field, $"{field}: {RegionKey.Invalid(key)}");
        }
        else if (await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM regions WHERE key = @normalized", new { normalized }, transaction) == 0)
        {
            errors.Add(field, $"{field}: region '{normalized}' is not known. See /v1/regions.");
        }
    }

    public static async Task<bool> ExistsAsync(SqliteConnection connection, SqliteTransaction transaction, string table, string id) =>
        await connection.ExecuteScalarAsync<long>($"SELECT count(*) FROM {table} WHERE id = @id", new { id }, transaction) == 1;

    /// <summary>
    /// The regions of referenced entities that lie beside the entity's own regions (neither inside nor
    /// around any of them): a Bavarian contact may use Bayern's or a nationwide schedule, but naming a
    /// Hamburg one needs Hamburg's scope too.
    /// </summary>
    public static IReadOnlyList<string> Beside(IEnumerable<string?> referenced, IReadOnlyList<string> own) =>
        referenced.OfType<string>().Where(r => !own.Any(o => RegionKey.Nested(r, o))).Distinct().ToList();
}
