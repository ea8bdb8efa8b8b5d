using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using NetworkDirectory.Api.Auth;
using NetworkDirectory.Tests.Contract;

namespace NetworkDirectory.Tests.Auth;

public sealed class RateLimitTests
{
    [Fact]
    public async Task ManyFailedAttemptsFromOneClientGet429()
    {
        using var host = new ApiFactory();
        using var limited = host.WithWebHostBuilder(b => b.UseSetting("Auth:FailedAttemptsPerMinute", "3"));
        var client = limited.CreateCheckedClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", "nd_0123456789abcdef_guess");

        for (var attempt = 0; attempt < 3; attempt++)
        {
            await HttpAssert.ProblemAsync(await client.GetAsync("/v1/me"), 401);
        }
        var response = await client.GetAsync("/v1/me");

        var problem = await HttpAssert.ProblemAsync(response, 429);
        Assert.Contains("invalid credentials too often", problem.GetProperty("detail").GetString());
        Assert.True(response.Headers.RetryAfter is not null);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await limited.CreateCheckedClient().GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task WritesPolicyLimitsEachCaller()
    {
        using var host = new ApiFactory();
        using var limited = host.WithWebHostBuilder(b => b.UseSetting("Auth:WritesPerMinute", "2"));
        limited.CreateCheckedClient();
        var key = await host.CreateApiKeyAsync(Roles.Admin);
        var admin = limited.CreateCheckedClient();
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

    [Fact]
    public async Task ReadingAWriteShapeSpendsNoWriteTokensAndWritesSayWhatIsLeft()
    {
        using var host = new ApiFactory();
        using var limited = host.WithWebHostBuilder(b => b.UseSetting("Auth:WritesPerMinute", "3"));
        limited.CreateCheckedClient();
        var admin = limited.CreateCheckedClient();
        admin.DefaultRequestHeaders.Authorization = new("ApiKey", await host.CreateApiKeyAsync(Roles.Admin));

        var created = await admin.PostAsJsonAsync("/v1/schedules", new
        {
            label = "Bürozeiten (Test)", windows = new[] { new { startDay = "monday", startTime = "08:00", endDay = "monday", endTime = "16:00" } },
        });
        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("\"writes\";q=3;w=60", Header(created, "RateLimit-Policy"));
        Assert.StartsWith("\"writes\";r=2;t=", Header(created, "RateLimit"));
        var id = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString();

        // A coordinator's read-modify-write: reading the current version costs nothing, however often.
        for (var read = 0; read < 5; read++)
        {
            await HttpAssert.OkAsync(await admin.GetAsync($"/v1/schedules/{id}"));
        }
        for (var write = 0; write < 2; write++)
        {
            var current = await admin.GetAsync($"/v1/schedules/{id}");
            var patch = new HttpRequestMessage(HttpMethod.Patch, $"/v1/schedules/{id}")
            {
                Content = new StringContent($"{{\"label\":\"Zeiten {write}\"}}", System.Text.Encoding.UTF8, "application/merge-patch+json"),
            };
            patch.Headers.TryAddWithoutValidation("If-Match", current.Headers.ETag!.Tag);
            var patched = await admin.SendAsync(patch);
            Assert.Equal(System.Net.HttpStatusCode.OK, patched.StatusCode);
            Assert.StartsWith($"\"writes\";r={1 - write};t=", Header(patched, "RateLimit"));
        }

        var refused = await admin.DeleteAsync($"/v1/schedules/{id}");
        await HttpAssert.ProblemAsync(refused, 429);
        Assert.StartsWith("\"writes\";r=0;t=", Header(refused, "RateLimit"));
        Assert.True(refused.Headers.RetryAfter is not null);
        await HttpAssert.OkAsync(await admin.GetAsync($"/v1/schedules/{id}"));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : $"(no {name} header)";
}
