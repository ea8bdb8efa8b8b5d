using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Microsoft.Data.Sqlite;

namespace NetworkDirectory.Api.Data;

/// <summary>
/// Applies the ordered, forward-only scripts of db/migrations. All pending scripts run in one
/// transaction, so a failing script leaves the database exactly as it was. Each applied script is
/// recorded with a checksum; a script edited after it was applied stops the start-up. The history
/// table itself is created inside the same transaction, so a failure leaves no trace at all.
/// </summary>
public sealed class Migrator(SqliteConnectionFactory connections, ILogger<Migrator> logger)
{
    private const string CreateHistory = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version     INTEGER PRIMARY KEY,
            name        TEXT NOT NULL,
            checksum    TEXT NOT NULL,
            applied_at  TEXT NOT NULL
        );
        """;

    public static IReadOnlyList<SqlScript> BundledMigrations() => SqlScript.Load("migrations/");

    /// <returns>The names of the scripts applied by this call.</returns>
    public IReadOnlyList<string> Migrate(IReadOnlyList<SqlScript>? scripts = null)
    {
        scripts ??= BundledMigrations();
        using var connection = connections.Open();
        // BEGIN IMMEDIATE: a second process migrating the same file waits instead of racing.
        using var transaction = connection.BeginTransaction();
        connection.Execute(CreateHistory, transaction: transaction);
        var applied = connection.Query<(long Version, string Name, string Checksum)>(
            "SELECT version, name, checksum FROM schema_migrations", transaction: transaction).ToDictionary(row => row.Version);

        var pending = new List<(long Version, SqlScript Script, string Checksum)>();
        foreach (var script in scripts)
        {
            var version = ParseVersion(script.Name);
            var checksum = Checksum(script.Sql);
            if (applied.TryGetValue(version, out var existing))
            {
                if (existing.Checksum != checksum)
                {
                    throw new InvalidOperationException(
                        $"Migration {script.Name} was changed after it was applied. Migrations are forward-only: add a new script instead.");
                }
                continue;
            }
            pending.Add((version, script, checksum));
        }

        foreach (var (version, script, checksum) in pending)
        {
            try
            {
                connection.Execute(script.Sql, transaction: transaction);
            }
            catch (SqliteException ex)
            {
                throw new InvalidOperationException($"Migration {script.Name} failed; no migration was applied: {ex.Message}", ex);
            }
            connection.Execute(
                "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (@version, @name, @checksum, @appliedAt)",
                new { version, name = script.Name, checksum, appliedAt = Common.Dates.FormatTimestamp(DateTimeOffset.UtcNow) },
                transaction);
        }
        transaction.Commit();
        if (pending.Count == 0)
        {
            return [];
        }
        logger.LogInformation("Applied {Count} migration(s): {Names}", pending.Count, string.Join(", ", pending.Select(p => p.Script.Name)));
        return pending.Select(p => p.Script.Name).ToList();
    }

    /// <summary>True when every bundled migration is recorded as applied.</summary>
    public static bool IsUpToDate(SqliteConnection connection)
    {
        var expected = BundledMigrations().Select(s => ParseVersion(s.Name)).ToHashSet();
        var exists = connection.ExecuteScalar<long>("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'") == 1;
        if (!exists)
        {
            return false;
        }
        var applied = connection.Query<long>("SELECT version FROM schema_migrations").ToHashSet();
        return expected.IsSubsetOf(applied);
    }

    internal static long ParseVersion(string name)
    {
        var digits = new string(name.TakeWhile(char.IsAsciiDigit).ToArray());
        return digits.Length > 0
            ? long.Parse(digits, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"Migration {name} does not start with a version number (0001_name.sql).");
    }

    private static string Checksum(string sql) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql.ReplaceLineEndings("\n"))));
}
