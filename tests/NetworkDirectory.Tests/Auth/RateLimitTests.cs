using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using NetworkDirectory.Api.Auth;

namespace NetworkDirectory.Tests.Auth;

public sealed class RateLimitTests
{
    [Fact]
    public async Task ManyFailedAttemptsFromOneClientGet429()
    {
        using var host = new ApiFactory();
        using var limited = host.WithWebHostBuilder(b => b.UseSetting("Auth:FailedAttemptsPerMinute", "3"));
        var client = limited.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", "nd_0123456789abcdef_guess");

        for (var attempt = 0; attempt < 3; attempt++)
        {
            await HttpAssert.ProblemAsync(await client.GetAsync("/v1/me"), 401);
        }
        var response = await client.GetAsync("/v1/me");

        var problem = await HttpAssert.ProblemAsync(response, 429);
        Assert.Contains("invalid credentials too often", problem.GetProperty("detail").GetString());
        Assert.True(response.Headers.RetryAfter is not null);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await limited.CreateClient().GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task WritesPolicyLimitsEachCaller()
    {
        using var host = new ApiFactory();
        using var limited = host.WithWebHostBuilder(b => b.UseSetting("Auth:WritesPerMinute", "2"));
        limited.CreateClient();
        var key = await host.CreateApiKeyAsync(Roles.Admin);
        var admin = limited.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new("ApiKey", key);

        for (var write = 0; write < 2; write++)
        {
            var created = await admin.PostAsJsonAsync("/v1/admin/api-keys", new { name = $"Key {write}", role = "professional" });
            Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        }
        var response = await admin.PostAsJsonAsync("/v1/admin/api-keys", new { name = "One too many", role = "professional" });

        var problem = await HttpAssert.ProblemAsync(response, 429);
        Assert.Contains("2 writes per minute", problem.GetProperty("detail").GetString());
        await HttpAssert.OkAsync(await admin.GetAsync("/v1/admin/api-keys"));
    }
}
