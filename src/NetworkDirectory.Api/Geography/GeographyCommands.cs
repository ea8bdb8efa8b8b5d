using System.Globalization;

namespace NetworkDirectory.Api.Geography;

/// <summary>
/// `boundaries import &lt;zip, folder, file or URL&gt; [--as-of yyyy-MM-dd]` and
/// `postalcodes import &lt;csv or URL&gt;`: run against the configured database, then exit.
/// </summary>
public static class GeographyCommands
{
    public static Task<int>? TryRun(string[] args, IServiceProvider services, TextWriter? output = null, TextWriter? error = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        var words = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal) || a == "--as-of").ToArray();
        return words switch
        {
            ["boundaries", "import", var source, ..] => Run(() => ImportBoundariesAsync(services, source, AsOf(args), output), error),
            ["postalcodes", "import", var source, ..] => Run(() => ImportPostalCodesAsync(services, source, output), error),
            ["boundaries", ..] or ["postalcodes", ..] => Usage(error),
            _ => null,
        };
    }

    public static async Task ImportBoundariesAsync(IServiceProvider services, string source, DateOnly? asOf, TextWriter output)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        var (path, temporary) = await GeoSource.FetchAsync(source, http);
        try
        {
            var result = await services.GetRequiredService<BoundaryImporter>().ImportAsync(BoundaryReader.Read(path, asOf) with { Source = Path.GetFileName(source) });
            await output.WriteLineAsync($"Imported {string.Join(", ", result.RegionsByLevel.Select(l => $"{l.Value} {l.Key}"))} from {result.Source}.");
            await output.WriteLineAsync(result.DisappearedKeys.Count == 0
                ? "No key disappeared."
                : $"Keys without a boundary now (merged or dissolved): {string.Join(", ", result.DisappearedKeys)}.");
            foreach (var orphan in result.OrphanedCoverage)
            {
                await output.WriteLineAsync($"  coverage to update: {orphan}");
            }
        }
        finally
        {
            if (temporary) File.Delete(path);
        }
    }

    public static async Task ImportPostalCodesAsync(IServiceProvider services, string source, TextWriter output)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        var (path, temporary) = await GeoSource.FetchAsync(source, http);
        try
        {
            using var reader = new StreamReader(path);
            var (rows, codes, skipped) = await services.GetRequiredService<PostalCodeDirectory>().ImportAsync(reader, Path.GetFileName(source));
            await output.WriteLineAsync($"Imported {rows} places for {codes} postal codes from {Path.GetFileName(source)}; skipped {skipped} unusable row(s).");
        }
        finally
        {
            if (temporary) File.Delete(path);
        }
    }

    private static DateOnly? AsOf(string[] args)
    {
        var i = Array.IndexOf(args, "--as-of");
        return i >= 0 && i + 1 < args.Length && DateOnly.TryParseExact(args[i + 1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
    }

    private static async Task<int> Run(Func<Task> action, TextWriter error)
    {
        try
        {
            await action();
            return 0;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or HttpRequestException or UnauthorizedAccessException or System.Text.Json.JsonException or NotSupportedException)
        {
            await error.WriteLineAsync($"Import failed, nothing was changed: {ex.Message}");
            return 1;
        }
    }

    private static async Task<int> Usage(TextWriter error)
    {
        await error.WriteLineAsync("usage: boundaries import <zip|folder|file|URL> [--as-of yyyy-MM-dd]\n       postalcodes import <csv|URL>");
        return 2;
    }
}
