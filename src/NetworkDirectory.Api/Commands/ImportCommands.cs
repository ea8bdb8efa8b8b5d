using System.CommandLine;
using NetworkDirectory.Api.Geography;

namespace NetworkDirectory.Api.Commands;

/// <summary>
/// <c>boundaries import SOURCE [--as-of yyyy-MM-dd]</c> and <c>postalcodes import SOURCE</c>. A running
/// server on the same database picks the import up within Geography:ImportPollSeconds (<see cref="ImportWatcher"/>).
/// </summary>
public static class ImportCommands
{
    public static Command Boundaries(CommandHost host)
    {
        var source = Source("A zip, folder or file of BKG boundaries (shapefile, GeoPackage, GeoJSON), or an http(s) URL of one.");
        var asOf = DateOptions.Create("--as-of", "The Gebietsstand, when the source carries no aktualitaet.txt.");
        var import = new Command("import", "Import boundaries; replaces the levels the source holds, in one transaction.") { source, asOf };
        import.SetAction((parse, cancellationToken) => host.RunAsync(parse, services => services.AddGeographyImports(), loadSample: true,
            (services, ct) => ImportBoundariesAsync(services, host.Console, parse.GetRequiredValue(source), parse.GetValue(asOf), ct), cancellationToken));
        return new Command("boundaries", "Administrative boundaries (BKG Verwaltungsgebiete).") { import };
    }

    public static Command PostalCodes(CommandHost host)
    {
        var source = Source("A CSV with zipcode, place, latitude, longitude (and optionally community_code), or an http(s) URL of one.");
        var import = new Command("import", "Import postal codes; replaces the whole table in one transaction.") { source };
        import.SetAction((parse, cancellationToken) => host.RunAsync(parse, services => services.AddGeographyImports(), loadSample: true,
            (services, ct) => ImportPostalCodesAsync(services, host.Console, parse.GetRequiredValue(source), ct), cancellationToken));
        return new Command("postalcodes", "The postal-code table (GeoNames).") { import };
    }

    private static Argument<string> Source(string description) => new("source") { Description = description + " Paths are relative to the current directory." };

    private static async Task<int> ImportBoundariesAsync(IServiceProvider services, CommandConsole console, string source, DateOnly? asOf, CancellationToken cancellationToken)
    {
        if (Locate(source, console) is not { } located)
        {
            return ExitCodes.Failed;
        }
        return await ReportFailureAsync(console, async () =>
        {
            var result = await GeographyImports.ImportBoundariesAsync(services, located, asOf, cancellationToken);
            await console.Output.WriteLineAsync($"Imported {string.Join(", ", result.RegionsByLevel.Select(l => $"{l.Value} {l.Key}"))} from {result.Source}.");
            await console.Output.WriteLineAsync(result.DisappearedKeys.Count == 0
                ? "No key disappeared."
                : $"Keys without a boundary now (merged or dissolved): {string.Join(", ", result.DisappearedKeys)}.");
            foreach (var orphan in result.OrphanedCoverage)
            {
                await console.Output.WriteLineAsync($"  coverage to update: {orphan}");
            }
            foreach (var change in result.KeyChanges)
            {
                await console.Output.WriteLineAsync($"  key change: {change.OldKey} → {change.NewKey} (a lookup by {change.OldKey} answers for {change.NewKey})");
            }
        });
    }

    private static async Task<int> ImportPostalCodesAsync(IServiceProvider services, CommandConsole console, string source, CancellationToken cancellationToken)
    {
        if (Locate(source, console) is not { } located)
        {
            return ExitCodes.Failed;
        }
        return await ReportFailureAsync(console, async () =>
        {
            var (rows, codes, skipped) = await GeographyImports.ImportPostalCodesAsync(services, located, cancellationToken);
            await console.Output.WriteLineAsync($"Imported {rows} places for {codes} postal codes from {GeoSource.Name(located)}; skipped {skipped} unusable row(s).");
        });
    }

    /// <summary>A URL as given; a path made absolute against the caller's directory, or null (and a message naming the path tried) when nothing is there.</summary>
    private static string? Locate(string source, CommandConsole console)
    {
        if (GeoSource.IsUrl(source))
        {
            return source;
        }
        var path = console.FullPath(source);
        if (File.Exists(path) || Directory.Exists(path))
        {
            return path;
        }
        console.Error.WriteLine($"Import failed, nothing was changed: no file or folder at '{path}' ('{source}' from {console.WorkingDirectory}).");
        return null;
    }

    private static async Task<int> ReportFailureAsync(CommandConsole console, Func<Task> import)
    {
        try
        {
            await import();
            return ExitCodes.Done;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or HttpRequestException or UnauthorizedAccessException
            or System.Text.Json.JsonException or NotSupportedException or TaskCanceledException)
        {
            await console.Error.WriteLineAsync($"Import failed, nothing was changed: {ex.Message}");
            return ExitCodes.Failed;
        }
    }
}
