using NetworkDirectory.Api.Data;

namespace NetworkDirectory.Api.Lookup;

/// <summary>
/// Holds the current <see cref="DirectorySnapshot"/>. Readers take <see cref="Current"/> once per
/// request and keep using that object; <see cref="ReloadAsync"/> builds a new snapshot off the
/// request path and swaps the reference atomically, so no reader sees a half-built state.
/// </summary>
public sealed class DirectorySnapshotHolder(
    SqliteConnectionFactory connections, CoverageAreaParser parseArea, ILogger<DirectorySnapshotHolder> logger)
{
    private DirectorySnapshot _current = DirectorySnapshot.Empty;
    private readonly SemaphoreSlim _reloading = new(1, 1);

    public DirectorySnapshot Current => Volatile.Read(ref _current);

    public async Task ReloadAsync(CancellationToken cancellationToken = default)
    {
        await _reloading.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await connections.OpenAsync(cancellationToken);
            var snapshot = await DirectorySnapshotLoader.LoadAsync(connection, geoJson => parseArea(geoJson), logger, cancellationToken);
            Volatile.Write(ref _current, snapshot);
            logger.LogInformation("Directory snapshot loaded: {Agencies} agencies, {Regions} regions", snapshot.Agencies.Count, snapshot.Regions.Count);
        }
        finally
        {
            _reloading.Release();
        }
    }
}
