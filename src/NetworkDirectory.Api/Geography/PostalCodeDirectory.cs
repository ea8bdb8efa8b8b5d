using System.Collections.Frozen;
using Dapper;
using NetworkDirectory.Api.Data;

namespace NetworkDirectory.Api.Geography;

/// <summary>
/// Postal code → candidate regions. A code is not a region: it has one point per place, and its
/// places can lie in several Gemeinden or even Kreise. Each point is located in the most specific
/// imported boundary level (falling back to the Kreis the table names when no boundary covers it);
/// a candidate's share is the share of the code's points that fall into it.
/// </summary>
public sealed class PostalCodeDirectory(SqliteConnectionFactory connections, RegionIndex regions, ILogger<PostalCodeDirectory> logger) : IPostalCodeDirectory
{
    public const string GeoNamesAttribution = "Postleitzahlen: © GeoNames (https://www.geonames.org), CC BY 4.0";

    private FrozenDictionary<string, PostalCodeRow[]> _codes = FrozenDictionary<string, PostalCodeRow[]>.Empty;
    private readonly SemaphoreSlim _reloading = new(1, 1);

    public bool IsLoaded => Volatile.Read(ref _codes).Count > 0;

    public IReadOnlyList<string> Attribution { get; private set; } = [];

    public IReadOnlyList<(string RegionKey, double Share)> Candidates(string postalCode)
    {
        if (!Volatile.Read(ref _codes).TryGetValue(postalCode, out var points))
        {
            return [];
        }
        var locator = regions.Current;
        var located = points
            .Select(p => locator?.Locate(p.Latitude, p.Longitude) is { Count: > 0 } keys ? keys[0] : p.KreisKey)
            .OfType<string>()
            .ToList();
        return located
            .GroupBy(k => k)
            .Select(g => (RegionKey: g.Key, Share: (double)g.Count() / located.Count))
            .OrderByDescending(c => c.Share)
            .ThenBy(c => c.RegionKey, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Reads the table and swaps in the new copy; one reload at a time, so an older read never replaces a newer one.</summary>
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
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<PostalCodeRow>("SELECT code, place, latitude, longitude, kreis_key AS KreisKey FROM postal_codes")).ToList();
        var sources = await connection.QueryAsync<string>("SELECT DISTINCT source FROM postal_codes");
        Volatile.Write(ref _codes, rows.GroupBy(r => r.Code).ToFrozenDictionary(g => g.Key, g => g.ToArray()));
        Attribution = sources.Select(s => $"{GeoNamesAttribution} (Quelle: {s})").ToList();
        logger.LogInformation("Postal codes: {Codes} codes with {Rows} places", _codes.Count, rows.Count);
    }

    /// <summary>
    /// Replaces the whole table in one transaction, then swaps the in-memory copy. The new rows are
    /// inserted before the old ones are deleted, so every import raises the table's largest rowid:
    /// that is how a running server's <see cref="ImportWatcher"/> notices an import by a command.
    /// </summary>
    public async Task<(int Rows, int Codes, int Skipped)> ImportAsync(TextReader csv, string source, CancellationToken cancellationToken = default)
    {
        var (rows, skipped) = PostalCodeCsv.Read(csv);
        if (rows.Count == 0)
        {
            throw new InvalidDataException($"{source} holds no usable postal-code row.");
        }
        await using (var connection = await connections.OpenAsync(cancellationToken))
        await using (var transaction = connection.BeginTransaction())
        {
            var previous = await connection.ExecuteScalarAsync<long>("SELECT coalesce(max(rowid), 0) FROM postal_codes", transaction: transaction);
            await connection.ExecuteAsync(
                "INSERT INTO postal_codes (code, place, latitude, longitude, kreis_key, source) VALUES (@Code, @Place, @Latitude, @Longitude, @KreisKey, @source)",
                rows.Select(r => new { r.Code, r.Place, r.Latitude, r.Longitude, r.KreisKey, source }), transaction);
            await connection.ExecuteAsync("DELETE FROM postal_codes WHERE rowid <= @previous", new { previous }, transaction);
            await transaction.CommitAsync(cancellationToken);
        }
        await ReloadAsync(cancellationToken);
        return (rows.Count, rows.Select(r => r.Code).Distinct().Count(), skipped);
    }
}
