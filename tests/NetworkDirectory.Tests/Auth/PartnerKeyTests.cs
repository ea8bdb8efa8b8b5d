using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NetworkDirectory.Api.Auth;
using NetworkDirectory.Tests.Contract;

namespace NetworkDirectory.Tests.Auth;

/// <summary>Partner keys: created with origins and a quota, refused from other origins, limited, counted.</summary>
public sealed class PartnerKeyTests
{
    private const string PartnerSite = "https://partner.example.org";

    private static async Task<(string Key, string Id)> CreatePartnerKeyAsync(ApiFactory factory, int requestsPerMinute = 600, params string[] origins)
    {
        var store = factory.Services.GetRequiredService<ApiKeyStore>();
        var (info, key) = await store.CreateAsync(new NewApiKey("Partner", Roles.Partner, [], DateTimeOffset.UtcNow.AddDays(30), "test",
            origins.Length == 0 ? [PartnerSite] : origins, requestsPerMinute));
        return (key, info.Id);
    }

    private static HttpRequestMessage Get(string url, string? origin = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }
        return request;
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : $"(no {name} header)";

    [Fact]
    public async Task AnAdminCreatesAPartnerKeyWithOriginsAndAQuotaAndListsShowThem()
    {
        using var factory = new ApiFactory();
        var admin = factory.CreateClientAs(Roles.Admin);

        var created = await admin.PostAsJsonAsync("/v1/admin/api-keys", new
        {
            name = "Stadtportal", role = "partner", allowedOrigins = new[] { "https://www.stadt.example", "http://localhost:8080" }, requestsPerMinute = 120,
        });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var apiKey = body.GetProperty("apiKey");
        Assert.Equal("partner", apiKey.GetProperty("role").GetString());
        Assert.Equal(["http://localhost:8080", "https://www.stadt.example"], apiKey.GetProperty("allowedOrigins").EnumerateArray().Select(o => o.GetString()));
        Assert.Equal(120, apiKey.GetProperty("requestsPerMinute").GetInt32());
        var id = apiKey.GetProperty("id").GetString();

        var detail = await HttpAssert.OkAsync(await admin.GetAsync($"/v1/admin/api-keys/{id}"));
        Assert.Equal(120, detail.GetProperty("requestsPerMinute").GetInt32());
        var listed = (await HttpAssert.OkAsync(await admin.GetAsync("/v1/admin/api-keys"))).EnumerateArray().Single(k => k.GetProperty("id").GetString() == id);
        Assert.Equal(2, listed.GetProperty("allowedOrigins").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, (await HttpAssert.OkAsync(await admin.GetAsync("/v1/admin/api-keys"))).EnumerateArray()
            .First(k => k.GetProperty("role").GetString() == "admin").GetProperty("requestsPerMinute").ValueKind);

        var byDefault = await admin.PostAsJsonAsync("/v1/admin/api-keys", new { name = "Server", role = "partner" });
        var defaults = (await byDefault.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("apiKey");
        Assert.Equal(PartnerQuota.DefaultRequestsPerMinute, defaults.GetProperty("requestsPerMinute").GetInt32());
        Assert.Equal(0, defaults.GetProperty("allowedOrigins").GetArrayLength());
    }

    [Theory]
    [InlineData("partner", "allowedOrigins", "https://www.stadt.example/", null)]
    [InlineData("partner", "allowedOrigins", "https://www.stadt.example/widget", null)]
    [InlineData("partner", "allowedOrigins", "https://WWW.stadt.example", null)]
    [InlineData("partner", "allowedOrigins", "https://www.stadt.example:443", null)]
    [InlineData("partner", "allowedOrigins", "www.stadt.example", null)]
    [InlineData("partner", "allowedOrigins", "ftp://www.stadt.example", null)]
    [InlineData("partner", "allowedOrigins", "", null)]
    [InlineData("professional", "allowedOrigins", "https://www.stadt.example", null)]
    [InlineData("partner", "requestsPerMinute", null, 0)]
    [InlineData("partner", "requestsPerMinute", null, 100001)]
    [InlineData("admin", "requestsPerMinute", null, 60)]
    public async Task InvalidOriginsAndQuotasAreRefusedNamingTheField(string role, string field, string? origin, int? quota)
    {
        using var factory = new ApiFactory();
        var admin = factory.CreateClientAs(Roles.Admin);

        var response = await admin.PostAsJsonAsync("/v1/admin/api-keys", new
        {
            name = "X", role, allowedOrigins = origin is null ? null : new[] { origin }, requestsPerMinute = quota,
        });

        var problem = await HttpAssert.ProblemAsync(response, 400);
        var message = problem.GetProperty("errors").GetProperty(field)[0].GetString();
        Assert.Contains(field, message);
        if (origin is { Length: > 0 } && role == "partner")
        {
            Assert.Contains($"'{origin}'", message);
        }
    }

    [Fact]
    public async Task AnotherOriginIsRefusedWhileTheListedOneAndServerToServerCallsAreAnswered()
    {
        using var factory = new ApiFactory();
        factory.CreateSeededClient();
        var (key, _) = await CreatePartnerKeyAsync(factory);
        var partner = factory.CreateClient();
        partner.DefaultRequestHeaders.Add("X-Api-Key", key);

        var fromSite = await partner.SendAsync(Get("/v1/agencies?limit=5", PartnerSite));
        await HttpAssert.OkAsync(fromSite);
        Assert.Equal("*", Header(fromSite, "Access-Control-Allow-Origin"));
        Assert.Contains("RateLimit", Header(fromSite, "Access-Control-Expose-Headers"));
        Assert.Equal("\"partner\";q=600;w=60", Header(fromSite, "RateLimit-Policy"));
        Assert.StartsWith("\"partner\";r=599;t=", Header(fromSite, "RateLimit"));

        var elsewhere = await partner.SendAsync(Get("/v1/agencies?limit=5", "https://copycat.example.net"));
        var problem = await HttpAssert.ProblemAsync(elsewhere, 403);
        Assert.Contains("'https://copycat.example.net'", problem.GetProperty("detail").GetString());
        Assert.Equal("*", Header(elsewhere, "Access-Control-Allow-Origin"));

        await HttpAssert.OkAsync(await partner.SendAsync(Get("/v1/agencies?limit=5")));
        // Anonymous public reads stay open to every origin.
        await HttpAssert.OkAsync(await factory.CreateClient().SendAsync(Get("/v1/agencies?limit=5", "https://copycat.example.net")));
    }

    [Fact]
    public async Task APreflightFromAPartnerPageMaySendTheKeyHeader()
    {
        using var factory = new ApiFactory();
        var client = factory.CreateClient();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/v1/lookup").OffContract("a CORS preflight is answered by the CORS middleware");
        preflight.Headers.Add("Origin", PartnerSite);
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        preflight.Headers.Add("Access-Control-Request-Headers", "x-api-key");

        var response = await client.SendAsync(preflight);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("*", Header(response, "Access-Control-Allow-Origin"));
        Assert.Contains("x-api-key", Header(response, "Access-Control-Allow-Headers"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task APartnerKeySeesPublicContactsOnlyAndMayNotWrite()
    {
        using var factory = new ApiFactory();
        var partner = factory.CreateClientAs(Roles.Partner);
        var professional = factory.CreateClientAs(Roles.Professional);

        var me = await HttpAssert.OkAsync(await partner.GetAsync("/v1/me"));
        Assert.Equal("partner", me.GetProperty("role").GetString());
        var asPartner = await (await partner.GetAsync("/v1/agencies/ja-muc")).Content.ReadAsStringAsync();
        var asProfessional = await (await professional.GetAsync("/v1/agencies/ja-muc")).Content.ReadAsStringAsync();
        Assert.Equal(await (await factory.CreateClient().GetAsync("/v1/agencies/ja-muc")).Content.ReadAsStringAsync(), asPartner);
        Assert.NotEqual(asProfessional, asPartner);

        await HttpAssert.ProblemAsync(await partner.PatchAsync("/v1/agencies/ja-muc",
            new StringContent("""{"accessibility":"x"}""", System.Text.Encoding.UTF8, "application/merge-patch+json")), 403);
    }

    [Fact]
    public async Task OverTheQuotaAPartnerGets429WithRetryAfterAndTheRateLimitHeaders()
    {
        using var factory = new ApiFactory();
        factory.CreateSeededClient();
        var (key, _) = await CreatePartnerKeyAsync(factory, requestsPerMinute: 3);
        var partner = factory.CreateClientWithKey(key);

        for (var request = 0; request < 3; request++)
        {
            var answered = await partner.GetAsync("/v1/taxonomies");
            await HttpAssert.OkAsync(answered);
            Assert.StartsWith($"\"partner\";r={2 - request};t=", Header(answered, "RateLimit"));
        }
        var refused = await partner.GetAsync("/v1/regions");

        var problem = await HttpAssert.ProblemAsync(refused, 429);
        Assert.Contains("3 requests per minute", problem.GetProperty("detail").GetString());
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("\"partner\";q=3;w=60", Header(refused, "RateLimit-Policy"));
        Assert.StartsWith("\"partner\";r=0;t=", Header(refused, "RateLimit"));
        // Other callers are not affected by the partner's quota.
        await HttpAssert.OkAsync(await factory.CreateClient().GetAsync("/v1/regions"));
    }

    [Fact]
    public async Task UsageCountsAnsweredAndRefusedRequestsPerDayBeforeAndAfterAFlush()
    {
        using var factory = new ApiFactory();
        var admin = factory.CreateClientAs(Roles.Admin);
        var (key, id) = await CreatePartnerKeyAsync(factory, requestsPerMinute: 4);
        var partner = factory.CreateClientWithKey(key);
        await HttpAssert.OkAsync(await partner.GetAsync("/v1/taxonomies"));
        await HttpAssert.ProblemAsync(await partner.GetAsync("/v1/agencies/no-such-agency"), 404);
        await HttpAssert.ProblemAsync(await partner.SendAsync(Get("/v1/taxonomies", "https://copycat.example.net")), 403);
        await HttpAssert.OkAsync(await partner.SendAsync(Get("/v1/regions", PartnerSite)));
        await HttpAssert.OkAsync(await partner.GetAsync("/v1/regions"));
        await HttpAssert.ProblemAsync(await partner.GetAsync("/v1/regions"), 429);
        await HttpAssert.ProblemAsync(await partner.GetAsync("/v1/regions"), 429);

        void AssertCounts(JsonElement usage)
        {
            Assert.Equal(id, usage.GetProperty("keyId").GetString());
            var day = Assert.Single(usage.GetProperty("days").EnumerateArray());
            Assert.Equal(DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), day.GetProperty("day").GetString());
            Assert.Equal(4, day.GetProperty("answered").GetInt64());
            Assert.Equal(3, day.GetProperty("byStatus").GetProperty("2xx").GetInt64());
            Assert.Equal(1, day.GetProperty("byStatus").GetProperty("4xx").GetInt64());
            Assert.Equal(2, day.GetProperty("rejectedByQuota").GetInt64());
            Assert.Equal(1, day.GetProperty("rejectedByOrigin").GetInt64());
        }

        AssertCounts(await HttpAssert.OkAsync(await admin.GetAsync($"/v1/admin/api-keys/{id}/usage")));
        using (var connection = factory.OpenDatabase())
        {
            Assert.Equal(0L, Dapper.SqlMapper.ExecuteScalar<long>(connection, "SELECT count(*) FROM api_key_usage"));
        }

        await factory.Services.GetRequiredService<PartnerUsage>().FlushAsync();

        AssertCounts(await HttpAssert.OkAsync(await admin.GetAsync($"/v1/admin/api-keys/{id}/usage")));
        using (var connection = factory.OpenDatabase())
        {
            Assert.Equal((4L, 2L, 1L), Dapper.SqlMapper.QuerySingle<(long, long, long)>(connection,
                "SELECT answered, rejected_quota, rejected_origin FROM api_key_usage WHERE key_id = @id", new { id }));
        }
        // A second flush with nothing new adds nothing.
        await factory.Services.GetRequiredService<PartnerUsage>().FlushAsync();
        AssertCounts(await HttpAssert.OkAsync(await admin.GetAsync($"/v1/admin/api-keys/{id}/usage")));
    }

    [Fact]
    public async Task StoppingTheHostWritesTheCountsNotYetFlushed()
    {
        using var factory = new ApiFactory();
        factory.CreateSeededClient();
        var (key, id) = await CreatePartnerKeyAsync(factory);
        await HttpAssert.OkAsync(await factory.CreateClientWithKey(key).GetAsync("/v1/taxonomies"));

        var flusher = factory.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<PartnerUsageFlusher>().Single();
        await flusher.StopAsync(CancellationToken.None);

        using var connection = factory.OpenDatabase();
        Assert.Equal(1L, Dapper.SqlMapper.ExecuteScalar<long>(connection, "SELECT status_2xx FROM api_key_usage WHERE key_id = @id", new { id }));
    }

    [Fact]
    public async Task UsageIsForAdminsAndUnknownKeysAre404()
    {
        using var factory = new ApiFactory();
        var admin = factory.CreateClientAs(Roles.Admin);
        var (_, id) = await CreatePartnerKeyAsync(factory);

        await HttpAssert.ProblemAsync(await admin.GetAsync("/v1/admin/api-keys/0000000000000000/usage"), 404);
        await HttpAssert.ProblemAsync(await factory.CreateClientAs(Roles.Coordinator, "09").GetAsync($"/v1/admin/api-keys/{id}/usage"), 403);
        await HttpAssert.ProblemAsync(await factory.CreateClientAs(Roles.Partner).GetAsync($"/v1/admin/api-keys/{id}/usage"), 403);
        await HttpAssert.ProblemAsync(await factory.CreateClient().GetAsync($"/v1/admin/api-keys/{id}/usage"), 401);
        Assert.Equal(0, (await HttpAssert.OkAsync(await admin.GetAsync($"/v1/admin/api-keys/{id}/usage"))).GetProperty("days").GetArrayLength());
    }
}
