namespace NetworkDirectory.Api.Health;

/// <summary>
/// `NetworkDirectory.Api healthcheck [url]`: exits 0 when the URL answers 2xx. The container's
/// HEALTHCHECK uses it because the ASP.NET runtime image has no curl or wget.
/// </summary>
public static class HealthProbe
{
    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == "healthcheck";

    public static async Task<int> RunAsync(string[] args)
    {
        var url = args.Length > 1 ? args[1] : "http://127.0.0.1:8080/readyz";
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(4) };
        try
        {
            using var response = await client.GetAsync(url);
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or UriFormatException or InvalidOperationException)
        {
            await Console.Error.WriteLineAsync($"healthcheck: {url}: {ex.Message}");
            return 1;
        }
    }
}
