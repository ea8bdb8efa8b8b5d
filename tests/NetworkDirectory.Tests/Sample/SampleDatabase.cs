using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using NetworkDirectory.Api.Data;

namespace NetworkDirectory.Tests.Sample;

/// <summary>
/// A temp SQLite file prepared by the real start-up path (create, migrate, load the sample).
/// Shared by the tests of one class; deleted afterwards.
/// </summary>
public sealed class SampleDatabase : IDisposable
{
    public SampleDatabase()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"nd-sample-{Guid.NewGuid():N}.db");
        Connections = new SqliteConnectionFactory(Path);
        Connections.EnsureCreated();
        new Migrator(Connections, NullLogger<Migrator>.Instance).Migrate();
        Loaded = NewLoader().LoadIfEmpty();
    }

    public string Path { get; }

    public SqliteConnectionFactory Connections { get; }

    /// <summary>What the first <see cref="SampleLoader.LoadIfEmpty"/> returned.</summary>
    public bool Loaded { get; }

    public SampleLoader NewLoader() => new(Connections, NullLogger<SampleLoader>.Instance);

    public SqliteConnection Open() => Connections.Open();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { Path, Path + "-wal", Path + "-shm" })
        {
            if (File.Exists(file))
            {
                File.Delete(file);
            }
        }
    }
}
