using Dapper;
using NetTopologySuite.IO;
using NetworkDirectory.Api.Common;
using NetworkDirectory.Api.Data;

namespace NetworkDirectory.Api.Geography;

/// <summary>
/// Holds the current <see cref="RegionLocator"/> built from the boundaries in the database and
/// swaps it whole after an import. Readers take <see cref="Current"/> once and keep that object.
/// </summary>
public sealed class RegionIndex(SqliteConnectionFactory connections, ILogger<RegionIndex> logger) : IPointLocator
{
    public const string BkgAttribution =
        "Verwaltungsgebiete: © BKG (Bundesamt für Kartographie und Geodäsie), dl-de/by-2-0 (Daten verändert: Auszug, Umprojektion nach WGS84); " +
        "Datenquellen: https://sgx.geodatenzentrum.de/web_public/gdz/datenquellen/datenquellen_vg_nuts.pdf; https://www.bkg.bund.de";

    private RegionLocator? _current;
    private readonly SemaphoreSlim _reloading = new(1, 1);

    public RegionLocator? Current => Volatile.Read(ref _current);

    public bool IsLoaded => Current is { Count: > 0 };

    public DateOnly? BoundaryDate => Current?.BoundaryDate;

    public IReadOnlyList<string> Attribution { get; private set; } = [];

    public IReadOnlyList<string>? Locate(double latitude, double longitude) =>
        Current?.Locate(latitude, longitude) is { Count: > 0 } keys ? keys : null;

    /// <summary>
    /// Reads every stored boundary and swaps in a new locator. Reloads run one at a time, so an older
    /// read never replaces a newer one (an import and the <see cref="ImportWatcher"/> may both reload).
    /// </summary>
    public async Task ReloadAsync(CancellationToken cancellationToken = default)
    {
        await _reloading.WaitAsync(cancellationToken);
        try
        {
            await LoadAsync(cancellationToken);
        }
        finally
        {
            _reloading.Release();
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Key, string Level, byte[] Geometry, string? BoundaryDate, string? Source)>(
            "SELECT key, level, geometry, boundary_date, boundary_source FROM regions WHERE geometry IS NOT NULL AND level <> 'country'");
        var list = rows.ToList();
        // WKB parsing is the other large start-up cost; a WKBReader is not shared between threads.
        var boundaries = new RegionBoundary[list.Count];
        Parallel.For(0, list.Count, () => new WKBReader(NetTopologySuite.NtsGeometryServices.Instance), (i, _, reader) =>
        {
            boundaries[i] = new RegionBoundary(list[i].Key, list[i].Level, reader.Read(list[i].Geometry));
            return reader;
        }, _ => { });
        var date = list.Select(r => r.BoundaryDate).OfType<string>().Select(Dates.Parse).DefaultIfEmpty().Max();
        var locator = new RegionLocator(boundaries, list.Count == 0 ? null : date);
        // One note for all BKG sources (VG1000 Kreise and VG5000 Gemeinden, say): the licence text is the same.
        var sources = list.Select(r => r.Source).OfType<string>().Distinct().ToList();
        Attribution = AttributionOf(sources);
        Volatile.Write(ref _current, locator);
        logger.LogInformation("Region index: {Count} boundaries ({Levels}) in {Milliseconds} ms",
            locator.Count, string.Join(", ", locator.LevelsLoaded), (int)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>The attribution to show with boundaries from these sources: one BKG note naming them all, none without a source.</summary>
    public static IReadOnlyList<string> AttributionOf(IEnumerable<string?> sources)
    {
        var distinct = sources.OfType<string>().Distinct().ToList();
        return distinct.Count == 0 ? [] : [$"{BkgAttribution} ({(distinct.Count == 1 ? "Quelle" : "Quellen")}: {string.Join("; ", distinct)})"];
    }
}
