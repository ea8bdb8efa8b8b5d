using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using NetworkDirectory.Api.Data;

namespace NetworkDirectory.Tests.Data;

public sealed class MigrationTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"nd-migrate-{Guid.NewGuid():N}.db");
    private readonly SqliteConnectionFactory _connections;
    private readonly Migrator _migrator;

    public MigrationTests()
    {
        _connections = new SqliteConnectionFactory(_path);
        _connections.EnsureCreated();
        _migrator = new Migrator(_connections, NullLogger<Migrator>.Instance);
    }

    private string[] Tables()
    {
        using var connection = _connections.Open();
        return connection.Query<string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").ToArray();
    }

    [Fact]
    public void EmptyDatabaseGetsEveryMigrationRecorded()
    {
        var applied = _migrator.Migrate();

        Assert.Equal(Migrator.BundledMigrations().Select(s => s.Name), applied);
        using var connection = _connections.Open();
        Assert.Equal(applied, connection.Query<string>("SELECT name FROM schema_migrations ORDER BY version"));
        Assert.True(Migrator.IsUpToDate(connection));
        Assert.Contains("agencies", Tables());
        Assert.Equal("wal", connection.ExecuteScalar<string>("PRAGMA journal_mode"));
    }

    [Fact]
    public void RerunIsIdempotent()
    {
        _migrator.Migrate();
        var before = Tables();
        using (var connection = _connections.Open())
        {
            connection.Execute("INSERT INTO regions (key, level, name, parent_key) VALUES ('09162', 'kreis', 'München', '09')");
        }

        Assert.Empty(_migrator.Migrate());

        Assert.Equal(before, Tables());
        using var check = _connections.Open();
        Assert.Equal(1, check.ExecuteScalar<long>("SELECT count(*) FROM regions WHERE key = '09162'"));
        Assert.Equal(Migrator.BundledMigrations().Count, check.ExecuteScalar<long>("SELECT count(*) FROM schema_migrations"));
    }

    [Fact]
    public void FailedMigrationOnEmptyDatabaseLeavesNothing()
    {
        var scripts = Migrator.BundledMigrations().Append(new SqlScript("9999_broken.sql", "CREATE TABLE half (x); INSERT INTO missing_table VALUES (1);")).ToList();

        var error = Assert.Throws<InvalidOperationException>(() => _migrator.Migrate(scripts));

        Assert.Contains("9999_broken.sql", error.Message);
        Assert.Empty(Tables());
    }

    [Fact]
    public void FailedMigrationOnMigratedDatabaseKeepsDataAndSchema()
    {
        _migrator.Migrate();
        var before = Tables();
        var scripts = Migrator.BundledMigrations()
            .Append(new SqlScript("9998_fine.sql", "CREATE TABLE extra (x); DELETE FROM agency_kinds WHERE code = 'other';"))
            .Append(new SqlScript("9999_broken.sql", "INSERT INTO missing_table VALUES (1);"))
            .ToList();

        Assert.Throws<InvalidOperationException>(() => _migrator.Migrate(scripts));

        Assert.Equal(before, Tables());
        using var connection = _connections.Open();
        Assert.Equal(1, connection.ExecuteScalar<long>("SELECT count(*) FROM agency_kinds WHERE code = 'other'"));
        Assert.Equal(0, connection.ExecuteScalar<long>("SELECT count(*) FROM schema_migrations WHERE version >= 9998"));
    }

    [Fact]
    public void EditedMigrationStopsTheStart()
    {
        _migrator.Migrate();
        var edited = Migrator.BundledMigrations().Select((s, i) => i == 0 ? s with { Sql = s.Sql + "\n-- edited" } : s).ToList();

        var error = Assert.Throws<InvalidOperationException>(() => _migrator.Migrate(edited));
        Assert.Contains("changed after it was applied", error.Message);
    }

    [Fact]
    public void AuditRowsCannotBeChangedOrDeleted()
    {
        _migrator.Migrate();
        using var connection = _connections.Open();
        connection.Execute("INSERT INTO audit (occurred_at, actor, action, entity_type, entity_id) VALUES ('2026-11-28T10:00:00Z', 'test', 'create', 'agency', 'a')");

        Assert.Throws<SqliteException>(() => connection.Execute("UPDATE audit SET actor = 'x'"));
        Assert.Throws<SqliteException>(() => connection.Execute("DELETE FROM audit"));
    }

    [Fact]
    public void PartnerKeysMigrationKeepsExistingKeysAndTheirScopes()
    {
        _migrator.Migrate(Migrator.BundledMigrations().Where(s => Migrator.ParseVersion(s.Name) <= 9).ToList());
        using (var connection = _connections.Open())
        {
            connection.Execute(
                """
                INSERT INTO api_keys (id, name, role, prefix, salt, hash, created_at, expires_at, revoked_at, created_by)
                VALUES ('00000000000000aa', 'Koordination', 'coordinator', 'nd_00000000', x'01', x'02', '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z', NULL, 'test'),
                       ('00000000000000bb', 'Leitung', 'admin', 'nd_00000000', x'03', x'04', '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z', '2026-02-01T00:00:00Z', 'test')
                """);
            connection.Execute("INSERT INTO api_key_scopes (key_id, region_key) VALUES ('00000000000000aa', '09')");
        }

        Assert.Contains("0010_partner_keys.sql", _migrator.Migrate());

        using var check = _connections.Open();
        Assert.Equal(["00000000000000aa coordinator", "00000000000000bb admin"],
            check.Query<string>("SELECT id || ' ' || role FROM api_keys ORDER BY id"));
        Assert.Equal("2026-02-01T00:00:00Z", check.ExecuteScalar<string>("SELECT revoked_at FROM api_keys WHERE id = '00000000000000bb'"));
        Assert.Equal("09", check.ExecuteScalar<string>("SELECT region_key FROM api_key_scopes WHERE key_id = '00000000000000aa'"));
        Assert.Empty(check.Query("PRAGMA foreign_key_check"));
        // The scopes still belong to their key: revoking is an update, but a deleted key takes its scopes along.
        check.Execute("DELETE FROM api_keys WHERE id = '00000000000000aa'");
        Assert.Equal(0, check.ExecuteScalar<long>("SELECT count(*) FROM api_key_scopes"));
        Assert.Throws<SqliteException>(() => check.Execute(
            "INSERT INTO api_keys (id, name, role, prefix, salt, hash, created_at, expires_at, created_by) VALUES ('00000000000000cc', 'P', 'partner', 'p', x'01', x'02', 'a', 'b', 't')"));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }
    }
}
