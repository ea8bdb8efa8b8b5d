namespace NetworkDirectory.Api.Geography;

/// <summary>
/// An import from a path or URL: used by the `boundaries import` and `postalcodes import` commands and
/// by the server's import at first start. A relative path is taken as given (the caller resolves it).
/// </summary>
public static class GeographyImports
{
    public static async Task<BoundaryImportResult> ImportBoundariesAsync(
        IServiceProvider services, string source, DateOnly? asOf, CancellationToken cancellationToken = default)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        var (path, temporary) = await GeoSource.FetchAsync(source, http, cancellationToken);
        try
        {
            var set = BoundaryReader.Read(path, asOf) with { Source = GeoSource.Name(source) };
            return await services.GetRequiredService<BoundaryImporter>().ImportAsync(set, cancellationToken);
        }
        finally
        {
            if (temporary) File.Delete(path);
        }
    }

    public static async Task<(int Rows, int Codes, int Skipped)> ImportPostalCodesAsync(
        IServiceProvider services, string source, CancellationToken cancellationToken = default)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        var (path, temporary) = await GeoSource.FetchAsync(source, http, cancellationToken);
        try
        {
            using var reader = new StreamReader(path);
            return await services.GetRequiredService<PostalCodeDirectory>().ImportAsync(reader, GeoSource.Name(source), cancellationToken);
        }
        finally
        {
            if (temporary) File.Delete(path);
        }
    }
}
