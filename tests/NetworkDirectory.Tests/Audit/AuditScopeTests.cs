using System.Net;
using System.Text.Json;

namespace NetworkDirectory.Tests.Audit;

public sealed class AuditScopeTests(ClockedApiFactory factory) : IClassFixture<ClockedApiFactory>
{
    private static long[] Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetInt64()).ToArray();

    [Theory]
    [InlineData("admin", "", "", new long[] { 6, 5, 4, 3, 2, 1 })]
    [InlineData("coordinator", "02", "", new long[] { 3 })]
    [InlineData("coordinator", "09", "", new long[] { 6, 4, 2, 1 })]
    [InlineData("coordinator", "09184", "", new long[] { 4 })]
    [InlineData("coordinator", "02,09184", "", new long[] { 4, 3 })]
    [InlineData("coordinator", "", "", new long[0])]
    [InlineData("coordinator", "09162", "?region=09", new long[] { 6, 2, 1 })]
    [InlineData("coordinator", "09", "?region=DE", new long[] { 6, 4, 2, 1 })]
    [InlineData("coordinator", "02", "?entityId=ja-muc", new long[0])]
    public async Task CoordinatorsSeeOnlyRowsInsideTheirScope(string role, string scope, string query, long[] expected)
    {
        var client = AuditSeed.ClientAs(factory, role, scope.Split(',', StringSplitOptions.RemoveEmptyEntries));
        var page = await HttpAssert.OkAsync(await client.GetAsync("/v1/audit" + query));
        Assert.Equal(expected, Ids(page));
        Assert.Equal(expected.Length, page.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("02", "?region=09")]
    [InlineData("02", "?region=09162")]
    [InlineData("09162", "?region=09184")]
    public async Task RegionOutsideTheScopeIsForbidden(string scope, string query)
    {
        var client = AuditSeed.ClientAs(factory, "coordinator", scope);
        var problem = await HttpAssert.ProblemAsync(await client.GetAsync("/v1/audit" + query), 403);
        Assert.Equal("Outside your region", problem.GetProperty("title").GetString());
        Assert.Contains(scope, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task HistoryIsOldestFirst()
    {
        var client = AuditSeed.ClientAs(factory, "coordinator", "09");
        var page = await HttpAssert.OkAsync(await client.GetAsync("/v1/audit/agency/ja-muc"));
        Assert.Equal([1, 2, 6], Ids(page));
        Assert.Equal(["create", "patch", "verify"], page.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("action").GetString()!));
        Assert.Equal(3, page.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task HistoryPages()
    {
        var client = AuditSeed.ClientAs(factory, "admin");
        var page = await HttpAssert.OkAsync(await client.GetAsync("/v1/audit/agency/ja-muc?limit=2&offset=1"));
        Assert.Equal([2, 6], Ids(page));
        Assert.Equal(JsonValueKind.Null, page.GetProperty("nextOffset").ValueKind);
    }

    [Fact]
    public async Task HistoryWithoutRegionIsForAdminsOnly()
    {
        var admin = AuditSeed.ClientAs(factory, "admin");
        var page = await HttpAssert.OkAsync(await admin.GetAsync("/v1/audit/network/net-hh"));
        Assert.Equal([5], Ids(page));

        var coordinator = AuditSeed.ClientAs(factory, "coordinator", "02");
        var problem = await HttpAssert.ProblemAsync(await coordinator.GetAsync("/v1/audit/network/net-hh"), 403);
        Assert.Contains("net-hh", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task HistoryOutsideTheScopeIsForbidden()
    {
        var client = AuditSeed.ClientAs(factory, "coordinator", "02");
        await HttpAssert.ProblemAsync(await client.GetAsync("/v1/audit/agency/ja-muc"), 403);
    }

    [Fact]
    public async Task HistoryOfAnEntityWithoutRowsIsNotFound()
    {
        var client = AuditSeed.ClientAs(factory, "admin");
        var problem = await HttpAssert.ProblemAsync(await client.GetAsync("/v1/audit/agency/no-such-agency"), 404);
        Assert.Contains("no-such-agency", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task HistoryRejectsAMalformedEntityType()
    {
        var client = AuditSeed.ClientAs(factory, "admin");
        await HttpAssert.InvalidAsync(await client.GetAsync("/v1/audit/Agency!/ja-muc"), "entityType");
    }

    [Theory]
    [InlineData("/v1/audit")]
    [InlineData("/v1/audit/agency/ja-muc")]
    public async Task AnonymousCallersAreRefusedAndProfessionalsForbidden(string url)
    {
        var anonymous = factory.CreateSeededClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(url)).StatusCode);
        var professional = AuditSeed.ClientAs(factory, "professional");
        Assert.Equal(HttpStatusCode.Forbidden, (await professional.GetAsync(url)).StatusCode);
    }
}
