using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using NetworkDirectory.Api.Auth;

namespace NetworkDirectory.Tests.Observability;

/// <summary>Rate-limit rejections are counted: the write budget by the platform's meter, failed credentials by Auth's.</summary>
public sealed class RejectionMetricsTests
{
    [Fact]
    public async Task WriteBudgetRejectionsAreCountedByThePlatformsRateLimitingMeter()
    {
        using var host = new ApiFactory();
        using var limited = host.WithWebHostBuilder(b => b.UseSetting("Auth:WritesPerMinute", "1"));
        limited.CreateClient();
        var admin = limited.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new("ApiKey", await host.CreateApiKeyAsync(Roles.Admin));
        using var measurements = new HostMeasurements(limited.Services);

        Assert.Equal(System.Net.HttpStatusCode.Created, (await admin.PostAsJsonAsync("/v1/admin/api-keys", new { name = "First", role = "professional" })).StatusCode);
        await HttpAssert.ProblemAsync(await admin.PostAsJsonAsync("/v1/admin/api-keys", new { name = "Second", role = "professional" }), 429);
        await HttpAssert.ProblemAsync(await admin.PostAsJsonAsync("/v1/admin/api-keys", new { name = "Third", role = "professional" }), 429);

        const string requests = "aspnetcore.rate_limiting.requests";
        Assert.Equal(2, measurements.Sum(requests, ("aspnetcore.rate_limiting.policy", RateLimitPolicies.Writes), ("aspnetcore.rate_limiting.result", "endpoint_limiter")));
        Assert.Equal(1, measurements.Sum(requests, ("aspnetcore.rate_limiting.policy", RateLimitPolicies.Writes), ("aspnetcore.rate_limiting.result", "acquired")));
    }

    [Fact]
    public async Task FailedCredentialRejectionsAreCountedByTheAuthMeter()
    {
        using var host = new ApiFactory();
        using var limited = host.WithWebHostBuilder(b => b.UseSetting("Auth:FailedAttemptsPerMinute", "1"));
        var client = limited.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", "nd_0123456789abcdef_guess");
        using var measurements = new HostMeasurements(limited.Services);

        await HttpAssert.ProblemAsync(await client.GetAsync("/v1/me"), 401);
        await HttpAssert.ProblemAsync(await client.GetAsync("/v1/me"), 429);

        Assert.Equal(1, measurements.Sum("networkdirectory.auth.failed_authentication_rejections"));
    }
}
