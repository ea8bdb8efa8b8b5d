using NetworkDirectory.Api.Common;
using NetworkDirectory.Api.Data;
using NetworkDirectory.Api.Geography;
using NetworkDirectory.Api.Schedules;

namespace NetworkDirectory.Api.Lookup;

/// <summary>
/// Holds the current <see cref="DirectorySnapshot"/>. Readers take <see cref="Current"/> once per
/// request and keep using that object. Changes build a new snapshot and swap the reference
/// atomically, so no reader sees a half-built state; they run one at a time, each on the snapshot
/// the previous one published and each reading the committed database state after its own write,
/// so no published snapshot lacks a write that was acknowledged before it.
/// </summary>
public sealed class DirectorySnapshotHolder(
    SqliteConnectionFactory connections, CoverageAreaParser parseArea, HolidayCalendar holidays, TimeProvider clock, ILogger<DirectorySnapshotHolder> logger)
    : IDirectoryChanges
{
    private DirectorySnapshot _current = DirectorySnapshot.Empty;
    private long _publishedAtTicks;
    private readonly SemaphoreSlim _changing = new(1, 1);

    public DirectorySnapshot Current => Volatile.Read(ref _current);

    /// <summary>When the current snapshot was published (loaded, or changed by a write); null before the first load.</summary>
    public DateTimeOffset? PublishedAt => Interlocked.Read(ref _publishedAtTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    public async Task ReloadAsync(CancellationToken cancellationToken = default)
    {
        await _changing.WaitAsync(cancellationToken);
        try
        {
            await ReloadLockedAsync(cancellationToken);
        }
        finally
        {
            _changing.Release();
        }
    }

    /// <summary>
    /// Replaces the changed agencies and schedules. Runs to the end even when the writer's request is
    /// aborted: its change is committed. Should reading the change fail, the whole directory is read instead.
    /// </summary>
    public async Task ChangedAsync(DirectoryChange change, CancellationToken cancellationToken = default)
    {
        if (change.IsEmpty)
        {
            return;
        }
        await _changing.WaitAsync(CancellationToken.None);
        try
        {
            try
            {
                await using var connection = await connections.OpenAsync(CancellationToken.None);
                Publish(await DirectorySnapshotLoader.ApplyAsync(Current, change, connection, geoJson => parseArea(geoJson), logger));
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                logger.LogError(ex, "Could not apply a change to the directory snapshot ({Agencies}; {Schedules}); reading the whole directory instead",
                    string.Join(", ", change.AgencyIds), string.Join(", ", change.ScheduleIds));
                await ReloadLockedAsync(CancellationToken.None);
            }
        }
        finally
        {
            _changing.Release();
        }
    }

    private async Task ReloadLockedAsync(CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        // The Gemeinde holiday rules first: the snapshot published next is evaluated with them.
        await using (var connection = await connections.OpenAsync(cancellationToken))
        {
            holidays.Replace(await HolidayRuleQueries.LoadAsync(connection, cancellationToken: cancellationToken));
        }
        var snapshot = await DirectorySnapshotLoader.LoadAsync(connections, geoJson => parseArea(geoJson), logger, cancellationToken);
        Publish(snapshot);
        logger.LogInformation("Directory snapshot loaded: {Agencies} agencies, {Regions} regions in {Milliseconds} ms",
            snapshot.Agencies.Count, snapshot.Regions.Count, (long)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    private void Publish(DirectorySnapshot snapshot)
    {
        Volatile.Write(ref _current, snapshot);
        Interlocked.Exchange(ref _publishedAtTicks, clock.GetUtcNow().UtcTicks);
    }
}
