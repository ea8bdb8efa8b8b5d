using Dapper;
using Microsoft.Extensions.Options;
using NetworkDirectory.Api.Common;
using NetworkDirectory.Api.Data;

namespace NetworkDirectory.Api.Geography;

/// <summary>
/// Lets a running server pick up an import that the command line wrote into its database: every
/// Geography:ImportPollSeconds it reads three numbers that every import raises (the latest
/// boundary_imports id, the largest postal_codes rowid, see <see cref="PostalCodeDirectory.ImportAsync"/>,
/// and the largest rowid of the applied directory imports, <c>directory import</c>) and reloads what
/// changed. Cheap reads instead of <c>PRAGMA data_version</c>, which needs one
/// long-lived connection and also changes with every ordinary write.
/// </summary>
public sealed class ImportWatcher(
    SqliteConnectionFactory connections, IServiceProvider services, IOptions<GeographyOptions> options, ILogger<ImportWatcher> logger)
    : BackgroundService
{
    private const string LatestImports = """
        SELECT (SELECT coalesce(max(id), 0) FROM boundary_imports) AS Boundaries,
               (SELECT coalesce(max(rowid), 0) FROM postal_codes) AS PostalCodes,
               (SELECT coalesce(max(rowid), 0) FROM imports) AS Directory
        """;

    private Imports _seen;

    /// <summary>Rebuilds the region index and the lookup snapshot (which holds the regions' names and parents).</summary>
    public static async Task ReloadBoundariesAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        // The directory first: coordinate lookups answer only once the region index holds boundaries,
        // so after a first import no lookup is answered from a directory that lacks the new regions.
        await services.GetRequiredService<IDirectoryChanges>().ReloadAsync(cancellationToken);
        await services.GetRequiredService<RegionIndex>().ReloadAsync(cancellationToken);
    }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Before the server answers: an import committed after this point is seen by the first check.
        _seen = await ReadAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.ImportPollSeconds));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await CheckAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A locked or briefly unreadable database must not stop the server; the next tick tries again.
                logger.LogWarning(ex, "Could not check the database for a new import; trying again in {Seconds} s", options.Value.ImportPollSeconds);
            }
        }
    }

    private async Task CheckAsync(CancellationToken cancellationToken)
    {
        var latest = await ReadAsync(cancellationToken);
        if (latest.Boundaries != _seen.Boundaries)
        {
            logger.LogInformation("A boundary import was committed to the database; reloading the boundaries");
            await ReloadBoundariesAsync(services, cancellationToken);
        }
        if (latest.PostalCodes != _seen.PostalCodes)
        {
            logger.LogInformation("A postal-code import was committed to the database; reloading the postal codes");
            await services.GetRequiredService<PostalCodeDirectory>().ReloadAsync(cancellationToken);
        }
        if (latest.Directory != _seen.Directory)
        {
            logger.LogInformation("A directory import was committed to the database; reloading the directory");
            await services.GetRequiredService<IDirectoryChanges>().ReloadAsync(cancellationToken);
        }
        _seen = latest;
    }

    private async Task<Imports> ReadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleAsync<Imports>(LatestImports);
    }

    private readonly record struct Imports(long Boundaries, long PostalCodes, long Directory);
}
