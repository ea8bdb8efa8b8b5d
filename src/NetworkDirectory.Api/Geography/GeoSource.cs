namespace NetworkDirectory.Api.Geography;

/// <summary>A boundary or postal-code source given as a local path or an http(s) URL.</summary>
public static class GeoSource
{
    public static bool IsUrl(string source) =>
        Uri.TryCreate(source, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>The name an import records as its source: the file or folder name, or the URL's last segment.</summary>
    public static string Name(string source) =>
        System.IO.Path.GetFileName(IsUrl(source) ? new Uri(source).AbsolutePath : System.IO.Path.TrimEndingDirectorySeparator(source));

    /// <summary>A local path for the source: the path itself, or a temporary download of the URL (the caller deletes it).</summary>
    public static async Task<(string Path, bool Temporary)> FetchAsync(string source, HttpClient http, CancellationToken cancellationToken = default)
    {
        if (!IsUrl(source))
        {
            return (source, false);
        }
        using var response = await http.GetAsync(source, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        var name = System.IO.Path.GetFileName(new Uri(source).AbsolutePath);
        var extension = System.IO.Path.GetExtension(name) is { Length: > 0 } ext ? ext
            : response.Content.Headers.ContentType?.MediaType switch
            {
                "application/zip" or "application/x-zip-compressed" => ".zip",
                "text/csv" => ".csv",
                _ => ".geojson",
            };
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"nd-download-{Guid.NewGuid():N}{extension}");
        await using (var file = File.Create(path))
        {
            await response.Content.CopyToAsync(file, cancellationToken);
        }
        return (path, true);
    }
}
