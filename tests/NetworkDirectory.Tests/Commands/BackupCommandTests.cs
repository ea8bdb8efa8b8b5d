using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Data.Sqlite;
using NetworkDirectory.Api.Data;

namespace NetworkDirectory.Tests.Commands;

/// <summary>`backup` and `restore` through the command-line entry point: on databases of their own, and on a running server's.</summary>
public sealed class BackupCommandTests(ApiFactory factory) : IClassFixture<ApiFactory>, IDisposable
{
    private readonly string _database = CliRun.TempDatabase();
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("nd-backup-");

    private string Setting => $"--Database:Path={_database}";

    private static string Schema => DatabaseBackup.LatestBundledMigration().ToString("0000", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task ABackupHoldsWhatIsStillInTheWalFileAndPrintsItsCounts()
    {
        await CreateDatabaseAsync();
        // Kept open with checkpoints off, so these rows exist only in the -wal file, as on a busy server.
        using var writer = Open(_database);
        writer.Execute("PRAGMA wal_autocheckpoint = 0");
        writer.Execute(TestNetwork.Sql);
        writer.Execute("INSERT INTO audit (occurred_at, actor, action, entity_type, entity_id) VALUES ('2026-01-31T10:00:00Z', 'test', 'create', 'agency', 'ja-muc')");
        Assert.True(new FileInfo(_database + "-wal").Length > 0, "the rows are in the -wal file");
        var (agencies, contacts, services) = writer.QuerySingle<(long, long, long)>(
            "SELECT (SELECT count(*) FROM agencies), (SELECT count(*) FROM contacts), (SELECT count(*) FROM services)");

        var result = await CliRun.InAsync(_folder.FullName, "backup", "copies/nd.db", Setting);

        Assert.True(result.Code == 0, result.Error);
        var copy = Path.Combine(_folder.FullName, "copies", "nd.db");
        Assert.Matches(
            $@"^Backed up {Regex.Escape(_database)} to {Regex.Escape(copy)} \(\d+\.\d (kB|MB)\): {agencies} agencies, {contacts} contacts, {services} services, 1 audit rows; schema {Schema}; integrity ok\.$",
            Assert.Single(result.OutputLines));
        Assert.Equal("", result.Error);
        Assert.False(File.Exists(copy + "-wal"), "the copy is a single file");
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(copy)!, "*.partial"));
        using var check = OpenReadOnly(copy);
        Assert.Equal("ok", check.ExecuteScalar<string>("PRAGMA integrity_check"));
        Assert.Equal(agencies, check.ExecuteScalar<long>("SELECT count(*) FROM agencies"));
        Assert.True(agencies > 0);
    }

    [Fact]
    public async Task ABackupDuringWritesHoldsEveryContactAcknowledgedBeforeItBegan()
    {
        var admin = factory.CreateClientAs("admin");
        var acknowledged = new ConcurrentQueue<(string Id, long At)>();
        var someWritten = new TaskCompletionSource();
        var backupDone = false;
        var writer = Task.Run(async () =>
        {
            // Bounded: stops once the backup is done, or after 2000 writes or 10 s should it hang.
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < 2000 && !Volatile.Read(ref backupDone) && clock.Elapsed < TimeSpan.FromSeconds(10); i++)
            {
                var response = await admin.PostAsJsonAsync("/v1/contacts", new
                {
                    agencyId = "ja-muc", kind = "office", channel = "phone", value = "+498999998101", visibility = "public", label = $"w{i}",
                });
                acknowledged.Enqueue(((await HttpAssert.OkAsync(response)).GetProperty("id").GetString()!, Stopwatch.GetTimestamp()));
                if (acknowledged.Count == 20)
                {
                    someWritten.TrySetResult();
                }
            }
        });
        await Task.WhenAny(someWritten.Task, writer);
        Assert.True(someWritten.Task.IsCompleted, $"the writer stopped early: {writer.Exception}");

        var started = Stopwatch.GetTimestamp();
        var copy = Path.Combine(_folder.FullName, "live.db");
        var result = await CliRun.RunAsync("backup", copy, $"--Database:Path={factory.DatabasePath}");
        Volatile.Write(ref backupDone, true);
        await writer;

        Assert.True(result.Code == 0, result.Error);
        Assert.Contains("integrity ok.", result.Output);
        var before = acknowledged.Where(a => a.At < started).Select(a => a.Id).ToList();
        Assert.True(before.Count >= 20);
        using var check = OpenReadOnly(copy);
        Assert.Equal("ok", check.ExecuteScalar<string>("PRAGMA integrity_check"));
        var inCopy = check.Query<string>("SELECT id FROM contacts").ToHashSet();
        Assert.All(before, id => Assert.Contains(id, inCopy));
    }

    [Fact]
    public async Task ARestoreBringsBackWhatTheBackupHeld()
    {
        await CreateDatabaseAsync();
        using (var connection = Open(_database))
        {
            connection.Execute(TestNetwork.Sql);
        }
        Assert.Equal(0, (await CliRun.InAsync(_folder.FullName, "backup", "before.db", Setting)).Code);
        using (var connection = Open(_database))
        {
            connection.Execute("UPDATE agencies SET name = 'Geändert (Test)' WHERE id = 'ja-muc'");
        }

        var refused = await CliRun.InAsync(_folder.FullName, "restore", "before.db", Setting);
        Assert.Equal(2, refused.Code);
        Assert.Contains("--force", refused.Error);
        Assert.Contains(_database, refused.Error);
        Assert.Equal("Geändert (Test)", AgencyName());

        var restored = await CliRun.InAsync(_folder.FullName, "restore", "before.db", "--force", Setting);

        Assert.True(restored.Code == 0, restored.Error);
        Assert.StartsWith($"Restored {_database} from {Path.Combine(_folder.FullName, "before.db")}: ", Assert.Single(restored.OutputLines));
        Assert.EndsWith($"schema {Schema}; integrity ok.", restored.Output.Trim());
        Assert.Equal("Jugendamt München (Test)", AgencyName());
        using var check = Open(_database);
        Assert.Equal("wal", check.ExecuteScalar<string>("PRAGMA journal_mode"));
        Assert.Equal("ok", check.ExecuteScalar<string>("PRAGMA integrity_check"));
    }

    [Fact]
    public async Task ABackupDoesNotReplaceAnExistingFileWithoutForce()
    {
        await CreateDatabaseAsync();
        var existing = Path.Combine(_folder.FullName, "nd.db");
        File.WriteAllText(existing, "an older backup");

        var refused = await CliRun.InAsync(_folder.FullName, "backup", "nd.db", Setting);

        Assert.Equal(2, refused.Code);
        Assert.Contains($"'{existing}' exists; add --force", refused.Error);
        Assert.Equal("an older backup", File.ReadAllText(existing));
        var forced = await CliRun.InAsync(_folder.FullName, "backup", "nd.db", "--force", Setting);
        Assert.True(forced.Code == 0, forced.Error);
        using var check = OpenReadOnly(existing);
        Assert.Equal("ok", check.ExecuteScalar<string>("PRAGMA integrity_check"));
    }

    [Fact]
    public async Task ABackupOfAMissingDatabaseFailsAndCreatesNothing()
    {
        var result = await CliRun.InAsync(_folder.FullName, "backup", "nd.db", Setting);

        Assert.Equal(1, result.Code);
        Assert.Contains($"no database at '{_database}'", result.Error);
        Assert.False(File.Exists(_database));
        Assert.False(File.Exists(Path.Combine(_folder.FullName, "nd.db")));
    }

    [Fact]
    public async Task ARestoreFromAMissingFileNamesThePathTried()
    {
        var result = await CliRun.InAsync(_folder.FullName, "restore", "backups/gone.db", "--force", Setting);

        Assert.Equal(1, result.Code);
        Assert.Contains($"'{Path.Combine(_folder.FullName, "backups", "gone.db")}'", result.Error);
        Assert.Equal("", result.Output);
        Assert.False(File.Exists(_database));
    }

    [Fact]
    public async Task ARestoreRefusesAFileThatIsNotABackup()
    {
        File.WriteAllText(Path.Combine(_folder.FullName, "notes.db"), "not a database at all, just some text that is long enough");

        var result = await CliRun.InAsync(_folder.FullName, "restore", "notes.db", "--force", Setting);

        Assert.Equal(1, result.Code);
        Assert.Contains("is not a usable backup", result.Error);
        Assert.False(File.Exists(_database));
    }

    [Fact]
    public async Task ARestoreRefusesABackupFromANewerBuild()
    {
        await CreateDatabaseAsync();
        Assert.Equal(0, (await CliRun.InAsync(_folder.FullName, "backup", "newer.db", Setting)).Code);
        using (var connection = Open(Path.Combine(_folder.FullName, "newer.db")))
        {
            connection.Execute("INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (9999, '9999_future.sql', 'x', '2030-01-01T00:00:00Z')");
        }

        var result = await CliRun.InAsync(_folder.FullName, "restore", "newer.db", "--force", Setting);

        Assert.Equal(1, result.Code);
        Assert.Contains("migration(s) 9999 that this build does not know", result.Error);
    }

    /// <summary>A migrated database made by the command line, as an operator would have it.</summary>
    private async Task CreateDatabaseAsync()
    {
        var created = await CliRun.RunAsync("keys", "create", "--name", "Leitung", "--role", "admin", Setting);
        Assert.True(created.Code == 0, created.Error);
    }

    private string? AgencyName()
    {
        using var connection = Open(_database);
        return connection.ExecuteScalar<string>("SELECT name FROM agencies WHERE id = 'ja-muc'");
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        return connection;
    }

    private static SqliteConnection OpenReadOnly(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        return connection;
    }

    public void Dispose()
    {
        CliRun.DeleteDatabase(_database);
        _folder.Delete(recursive: true);
    }
}
