using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using NetworkDirectory.Api.Auth;
using NetworkDirectory.Tests.Contract;

namespace NetworkDirectory.Tests.Observability;

/// <summary>The Prometheus scrape endpoint: off unless switched on, and then for admin keys only.</summary>
public sealed class PrometheusEndpointTests
{
    private static WebApplicationFactory<Program> Enabled(ApiFactory host, int writesPerMinute = 100000) =>
        host.WithWebHostBuilder(b => b
            .UseSetting("Metrics:Prometheus:Enabled", "true")
            .UseSetting("Auth:WritesPerMinute", writesPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private static async Task<HttpClient> AsAsync(ApiFactory host, WebApplicationFactory<Program> server, string role)
    {
        var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("ApiKey", await host.CreateApiKeyAsync(role));
        return client;
    }

    [Fact]
    public async Task OffByDefaultTheEndpointDoesNotExist()
    {
        using var host = new ApiFactory();
        var admin = host.CreateClientAs(Roles.Admin);

        await HttpAssert.ProblemAsync(await admin.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/metrics").OffContract("the scrape endpoint is not part of the public contract")), 404);
    }

    [Fact]
    public async Task OnItRefusesAnonymousCallersAndKeysThatAreNotAdmin()
    {
        using var host = new ApiFactory();
        using var server = Enabled(host);
        var anonymous = server.CreateClient();

        var refused = await HttpAssert.ProblemAsync(await anonymous.GetAsync("/metrics"), 401);
        await HttpAssert.ProblemAsync(await (await AsAsync(host, server, Roles.Professional)).GetAsync("/metrics"), 403);
        await HttpAssert.ProblemAsync(await (await AsAsync(host, server, Roles.Coordinator)).GetAsync("/metrics"), 403);
        Assert.DoesNotContain("networkdirectory_", refused.ToString());
    }

    [Fact]
    public async Task OnAnAdminKeyReadsTheMetricsOfLookupsConflictsAndRejections()
    {
        using var host = new ApiFactory();
        host.CreateSeededClient();
        using var server = Enabled(host, writesPerMinute: 2);
        var admin = await AsAsync(host, server, Roles.Admin);
        await HttpAssert.OkAsync(await admin.GetAsync("/v1/lookup?regionKey=02000&responsibility=criminal_investigation"));
        var created = await admin.PostAsJsonAsync("/v1/schedules", new
        {
            label = "Bürozeiten (Scrape)", windows = new[] { new { startDay = "monday", startTime = "08:00", endDay = "monday", endTime = "16:00" } },
        });
        var id = (await HttpAssert.OkAsync(created)).GetProperty("id").GetString();
        var stale = new HttpRequestMessage(HttpMethod.Patch, $"/v1/schedules/{id}")
        {
            Content = new StringContent("{\"label\":\"x\"}", System.Text.Encoding.UTF8, "application/merge-patch+json"),
        };
        stale.Headers.TryAddWithoutValidation("If-Match", "\"7\"");
        await HttpAssert.ProblemAsync(await admin.SendAsync(stale), 412);
        await HttpAssert.ProblemAsync(await admin.PostAsJsonAsync("/v1/schedules", new { label = "One too many" }), 429);

        // The server records a request's duration just after the client has its answer: scrape until the lookup's is in.
        var text = "";
        var scraped = SpinWait.SpinUntil(() =>
        {
            var response = admin.GetAsync("/metrics").GetAwaiter().GetResult();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
            Assert.True(response.Headers.CacheControl is { Private: true, NoStore: true }, "metrics are never kept by a shared cache");
            text = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
            return text.Contains("http_server_request_duration_seconds_count{", StringComparison.Ordinal)
                && Lines(text, "http_server_request_duration_seconds_count{").Any(l => l.Contains("http_route=\"/v1/lookup/\"", StringComparison.Ordinal));
        }, TimeSpan.FromSeconds(30));
        Assert.True(scraped, text);

        Assert.Contains(Lines(text, "networkdirectory_lookup_answers_total{"), l => l.Contains("outcome=\"gap\"", StringComparison.Ordinal) && l.Contains("responsibility=\"criminal_investigation\"", StringComparison.Ordinal));
        Assert.Contains(Lines(text, "networkdirectory_writes_precondition_problems_total{"), l => l.Contains("resource=\"schedule\"", StringComparison.Ordinal) && l.Contains("http_response_status_code=\"412\"", StringComparison.Ordinal));
        Assert.Contains(Lines(text, "aspnetcore_rate_limiting_requests_total{"), l => l.Contains("aspnetcore_rate_limiting_result=\"endpoint_limiter\"", StringComparison.Ordinal));
        Assert.NotEmpty(Lines(text, "networkdirectory_directory_snapshot_age_seconds"));
        Assert.NotEmpty(Lines(text, "networkdirectory_directory_snapshot_agencies"));
        Assert.NotEmpty(Lines(text, "networkdirectory_directory_snapshot_services"));
    }

    private static List<string> Lines(string text, string prefix) =>
        text.Split('\n').Where(l => l.StartsWith(prefix, StringComparison.Ordinal)).ToList();
}
