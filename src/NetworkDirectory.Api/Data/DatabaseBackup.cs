using Dapper;
using Microsoft.Data.Sqlite;

namespace NetworkDirectory.Api.Data;

/// <summary>What a database file holds, as a backup or restore reports it; <see cref="Problem"/> is null when it is usable.</summary>
public sealed record DatabaseSummary(long Agencies, long Contacts, long Services, long AuditRows, long? Schema, string? Problem)
{
    public override string ToString() =>
        $"{Agencies} agencies, {Contacts} contacts, {Services} services, {AuditRows} audit rows; schema {Schema:0000}; integrity ok";
}

/// <summary>Online backup and restore of the SQLite file, safe while a server writes to it.</summary>
public static class DatabaseBackup
{
    private const string Counts = """
        SELECT (SELECT count(*) FROM agencies),
               (SELECT count(*) FROM contacts),
               (SELECT count(*) FROM services),
               (SELECT count(*) FROM audit),
               (SELECT max(version) FROM schema_migrations)
        """;

    /// <summary>
    /// Writes a consistent copy of <paramref name="source"/> to <paramref name="destination"/> (which must not exist).
    /// VACUUM INTO rather than SqliteConnection.BackupDatabase: both read the source in one read transaction, so the
    /// copy holds everything committed before it began, including what still sits in the -wal file, and writers go
    /// on meanwhile. VACUUM INTO also writes a compact single file in rollback-journal mode, with no -wal or -shm
    /// beside it, which is what one wants to move elsewhere; BackupDatabase copies pages as they are (free pages
    /// too) and leaves a WAL-mode file.
    /// </summary>
    public static void Write(SqliteConnection source, string destination) =>
        source.Execute("VACUUM INTO @destination", new { destination });

    /// <summary>Replaces the target's content with the source's, page by page, in one write transaction on the target.</summary>
    /// <remarks>The backup API writes through the target connection, so SQLite keeps the target's -wal and -shm consistent.</remarks>
    public static void Restore(string source, SqliteConnection target)
    {
        using var from = OpenReadOnly(source);
        from.BackupDatabase(target);
    }

    /// <summary>integrity_check, the schema history and the counts of a file, opened read-only.</summary>
    public static DatabaseSummary Inspect(string path)
    {
        using var connection = OpenReadOnly(path);
        return Inspect(connection);
    }

    public static DatabaseSummary Inspect(SqliteConnection connection)
    {
        try
        {
            var integrity = connection.Query<string>("PRAGMA integrity_check").ToList();
            if (integrity is not ["ok"])
            {
                return Failed($"integrity_check found {string.Join("; ", integrity.Take(5))}");
            }
            if (connection.ExecuteScalar<long>("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'") == 0)
            {
                return Failed("it has no schema_migrations table, so it is not a NetworkDirectory database");
            }
            var (agencies, contacts, services, auditRows, schema) = connection.QuerySingle<(long, long, long, long, long?)>(Counts);
            return new DatabaseSummary(agencies, contacts, services, auditRows, schema, Problem: null);
        }
        catch (SqliteException ex)
        {
            return Failed($"SQLite cannot read it ({ex.Message})");
        }
    }

    /// <summary>Versions recorded in the file that this build has no migration for (a backup made by a newer build).</summary>
    public static IReadOnlyList<long> UnknownMigrations(string path)
    {
        using var connection = OpenReadOnly(path);
        var known = Migrator.BundledMigrations().Select(s => Migrator.ParseVersion(s.Name)).ToHashSet();
        return connection.Query<long>("SELECT version FROM schema_migrations ORDER BY version").Where(v => !known.Contains(v)).ToList();
    }

    public static long LatestBundledMigration() => Migrator.BundledMigrations().Max(s => Migrator.ParseVersion(s.Name));

    private static DatabaseSummary Failed(string problem) => new(0, 0, 0, 0, null, problem);

    private static SqliteConnection OpenReadOnly(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false,
        }.ToString());
        connection.Open();
        return connection;
    }
}
