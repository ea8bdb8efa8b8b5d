using System.Net;

namespace NetworkDirectory.Tests.Frontline;

/// <summary>The frontline page and the widget's files as served (no browser needed; the Browser tests drive them).</summary>
public sealed class FrontlineHeaderTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    // Static files are outside the API contract, so the plain test client, not the contract-checked one.
    private readonly HttpClient _client = factory.CreateDefaultClient();

    [Fact]
    public async Task ThePageIsServedAtTheRootUnderAStrictPolicyAndRevalidated()
    {
        var response = await _client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.StartsWith("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'", policy);
        Assert.DoesNotContain("unsafe", policy);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("public, max-age=300, must-revalidate", response.Headers.NonValidated["Cache-Control"].ToString());
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<network-directory-lookup", html);
        Assert.DoesNotContain("<style", html);
        Assert.DoesNotContain("style=", html);
    }

    [Theory]
    [InlineData("/widget/v1/network-directory.js", "text/javascript")]
    [InlineData("/widget/v1/network-directory.css", "text/css")]
    [InlineData("/widget/v1/leaflet/leaflet.js", "text/javascript")]
    public async Task TheWidgetsVersionedFilesAreImmutableAndReadableFromAnyOrigin(string path, string type)
    {
        var response = await _client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.NonValidated["Cache-Control"].ToString());
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task TheManifestIsServedAsAWebAppManifest()
    {
        var response = await _client.GetAsync("/manifest.webmanifest");
        Assert.Equal("application/manifest+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("\"start_url\": \"/\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task APartnerPageMayCallTheApiWithAPartnerKey()
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/v1/lookup?regionKey=09162");
        preflight.Headers.Add("Origin", "https://partner.example.org");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        preflight.Headers.Add("Access-Control-Request-Headers", "x-api-key");
        var response = await _client.SendAsync(preflight);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("x-api-key", string.Join(",", response.Headers.GetValues("Access-Control-Allow-Headers")), StringComparison.OrdinalIgnoreCase);
    }
}
