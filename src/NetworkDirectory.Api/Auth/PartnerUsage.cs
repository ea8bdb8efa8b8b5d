using System.Collections.Concurrent;
using Dapper;
using NetworkDirectory.Api.Data;

namespace NetworkDirectory.Api.Auth;

/// <summary>How one request of a partner key ended, as the usage report counts it.</summary>
internal enum PartnerOutcome { Status2xx, Status3xx, Status4xx, Status5xx, RefusedQuota, RefusedOrigin }

internal static class PartnerOutcomes
{
    public static PartnerOutcome Answered(int status) => status switch
    {
        < 300 => PartnerOutcome.Status2xx,
        < 400 => PartnerOutcome.Status3xx,
        < 500 => PartnerOutcome.Status4xx,
        _ => PartnerOutcome.Status5xx,
    };
}

/// <summary>
/// Counts partner requests per key and UTC day in memory (an Interlocked add per request, no database
/// write on the request path) and adds the counts to api_key_usage on <see cref="FlushAsync"/>, which
/// <see cref="PartnerUsageFlusher"/> calls periodically and at shutdown. The report adds what is not
/// flushed yet, so it is always current.
/// </summary>
public sealed class PartnerUsage(SqliteConnectionFactory connections, TimeProvider clock, ILogger<PartnerUsage> logger)
{
    private const int Outcomes = 6;
    private readonly ConcurrentDictionary<(string KeyId, string Day), long[]> _pending = new();
    private readonly SemaphoreSlim _flushing = new(1, 1);

    internal void Count(string keyId, PartnerOutcome outcome)
    {
        var counts = _pending.GetOrAdd((keyId, Today()), _ => new long[Outcomes]);
        Interlocked.Increment(ref counts[(int)outcome]);
    }

    /// <summary>Adds the counts gathered since the last flush to the database.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        await _flushing.WaitAsync(cancellationToken);
        try
        {
            var today = Today();
            var rows = new List<UsageDelta>();
            foreach (var ((keyId, day), counts) in _pending)
            {
                var taken = new long[Outcomes];
                for (var i = 0; i < Outcomes; i++)
                {
                    taken[i] = Interlocked.Exchange(ref counts[i], 0);
                }
                if (taken.Any(c => c != 0))
                {
                    rows.Add(new UsageDelta(keyId, day, taken));
                }
                if (string.CompareOrdinal(day, today) < 0)
                {
                    _pending.TryRemove((keyId, day), out _);
                }
            }
            if (rows.Count == 0)
            {
                return;
            }
            try
            {
                await WriteAsync(rows, cancellationToken);
            }
            catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or OperationCanceledException)
            {
                // Keep the counts for the next flush rather than lose them.
                foreach (var row in rows)
                {
                    var counts = _pending.GetOrAdd((row.KeyId, row.Day), _ => new long[Outcomes]);
                    for (var i = 0; i < Outcomes; i++)
                    {
                        Interlocked.Add(ref counts[i], row.Counts[i]);
                    }
                }
                logger.LogWarning(ex, "Partner usage counts could not be written; they are kept for the next flush");
                throw;
            }
        }
        finally
        {
            _flushing.Release();
        }
    }

    /// <summary>The key's days, oldest first: what the database holds plus what is not flushed yet.</summary>
    public async Task<IReadOnlyList<ApiKeyUsageDay>> ReportAsync(string keyId, CancellationToken cancellationToken = default)
    {
        await _flushing.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await connections.OpenAsync(cancellationToken);
            var stored = await connection.QueryAsync<(string Day, long S2, long S3, long S4, long S5, long Quota, long Origin)>(
                """
                SELECT day, status_2xx, status_3xx, status_4xx, status_5xx, rejected_quota, rejected_origin
                FROM api_key_usage WHERE key_id = @keyId ORDER BY day
                """, new { keyId });
            var days = stored.ToDictionary(r => r.Day, r => new long[] { r.S2, r.S3, r.S4, r.S5, r.Quota, r.Origin });
            foreach (var ((id, day), counts) in _pending.Where(p => p.Key.KeyId == keyId))
            {
                var total = days.TryGetValue(day, out var existing) ? existing : days[day] = new long[Outcomes];
                for (var i = 0; i < Outcomes; i++)
                {
                    total[i] += Interlocked.Read(ref counts[i]);
                }
            }
            return days.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => ApiKeyUsageDay.From(d.Key, d.Value)).ToList();
        }
        finally
        {
            _flushing.Release();
        }
    }

    private async Task WriteAsync(List<UsageDelta> rows, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Portable upsert (SQLite 3.24+, PostgreSQL 9.5+).
        await connection.ExecuteAsync(
            """
            INSERT INTO api_key_usage (key_id, day, answered, status_2xx, status_3xx, status_4xx, status_5xx, rejected_quota, rejected_origin)
            VALUES (@KeyId, @Day, @Answered, @S2, @S3, @S4, @S5, @Quota, @Origin)
            ON CONFLICT (key_id, day) DO UPDATE SET
                answered = api_key_usage.answered + excluded.answered,
                status_2xx = api_key_usage.status_2xx + excluded.status_2xx,
                status_3xx = api_key_usage.status_3xx + excluded.status_3xx,
                status_4xx = api_key_usage.status_4xx + excluded.status_4xx,
                status_5xx = api_key_usage.status_5xx + excluded.status_5xx,
                rejected_quota = api_key_usage.rejected_quota + excluded.rejected_quota,
                rejected_origin = api_key_usage.rejected_origin + excluded.rejected_origin
            """,
            rows.Select(r => new
            {
                r.KeyId, r.Day, Answered = r.Counts[0] + r.Counts[1] + r.Counts[2] + r.Counts[3],
                S2 = r.Counts[0], S3 = r.Counts[1], S4 = r.Counts[2], S5 = r.Counts[3], Quota = r.Counts[4], Origin = r.Counts[5],
            }), transaction);
        await transaction.CommitAsync(cancellationToken);
    }

    private string Today() => clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private sealed record UsageDelta(string KeyId, string Day, long[] Counts);
}

/// <summary>Flushes <see cref="PartnerUsage"/> every Auth:PartnerUsageFlushSeconds and once more when the host stops.</summary>
internal sealed class PartnerUsageFlusher(PartnerUsage usage, TimeProvider clock, Microsoft.Extensions.Options.IOptions<AuthOptions> auth, ILogger<PartnerUsageFlusher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, auth.Value.PartnerUsageFlushSeconds)), clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushQuietlyAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushQuietlyAsync(cancellationToken);
    }

    private async Task FlushQuietlyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await usage.FlushAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or OperationCanceledException)
        {
            logger.LogDebug(ex, "Partner usage flush postponed");
        }
    }
}
