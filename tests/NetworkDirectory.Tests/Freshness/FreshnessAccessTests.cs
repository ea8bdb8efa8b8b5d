using System.Net;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NetworkDirectory.Api.Data;
using NetworkDirectory.Api.Freshness;
using NetworkDirectory.Tests.Audit;

namespace NetworkDirectory.Tests.Freshness;

public sealed class FreshnessAccessTests(ClockedApiFactory factory) : IClassFixture<ClockedApiFactory>
{
    [Theory]
    [InlineData("09", "09")]
    [InlineData("09162", "09")]
    [InlineData("09162", "091")]
    [InlineData("09", "09184")]
    [InlineData("02,09184", "09")]
    public async Task CoordinatorMayAskForARegionOverlappingTheScope(string scope, string key)
    {
        var client = FreshnessSeed.ClientAs(factory, "coordinator", scope.Split(','));
        var report = await HttpAssert.OkAsync(await client.GetAsync($"/v1/regions/{key}/freshness"));
        Assert.Equal(key, report.GetProperty("regionKey").GetString());
    }

    [Theory]
    [InlineData("02", "09")]
    [InlineData("09162", "09184")]
    [InlineData("09", "DE")]
    public async Task RegionOutsideTheScopeIsForbidden(string scope, string key)
    {
        var client = FreshnessSeed.ClientAs(factory, "coordinator", scope);
        var problem = await HttpAssert.ProblemAsync(await client.GetAsync($"/v1/regions/{key}/freshness"), 403);
        Assert.Equal("Outside your region", problem.GetProperty("title").GetString());
        Assert.Contains(scope, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task UnknownRegionIsNotFound()
    {
        var client = FreshnessSeed.ClientAs(factory, "admin");
        var problem = await HttpAssert.ProblemAsync(await client.GetAsync("/v1/regions/05111/freshness"), 404);
        Assert.Contains("05111", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0916")]
    [InlineData("09162000")]
    public async Task MalformedOrGemeindeKeyNamesKey(string key)
    {
        var client = FreshnessSeed.ClientAs(factory, "admin");
        var message = await HttpAssert.InvalidAsync(await client.GetAsync($"/v1/regions/{key}/freshness"), "key");
        Assert.Contains(key, message);
    }

    [Fact]
    public async Task AnonymousCallersAreRefusedAndProfessionalsForbidden()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateSeededClient().GetAsync("/v1/regions/09/freshness")).StatusCode);
        var professional = FreshnessSeed.ClientAs(factory, "professional", "09");
        Assert.Equal(HttpStatusCode.Forbidden, (await professional.GetAsync("/v1/regions/09/freshness")).StatusCode);
    }

    [Theory]
    // fbs-by was verified on 2026-09-28, ja-muc on 2026-03-28, pol-test never.
    [InlineData("2026-11-28", 1.0 / 3, 2.0 / 3)]
    [InlineData("2026-09-28", 2.0 / 3, 2.0 / 3)] // ja-muc exactly 6 months back: the boundary day counts
    [InlineData("2026-09-28T23:59:59", 2.0 / 3, 2.0 / 3)]
    [InlineData("2026-09-29", 1.0 / 3, 2.0 / 3)] // one day later it does not
    [InlineData("2027-03-28", 1.0 / 3, 2.0 / 3)] // fbs-by 6 months, ja-muc 12 months to the day
    [InlineData("2027-03-29", 0.0, 1.0 / 3)]
    [InlineData("2027-09-29", 0.0, 0.0)]
    public async Task SharesFollowTheClock(string now, double within6, double within12)
    {
        FreshnessSeed.ClientAs(factory, "admin").Dispose();
        var clock = new FakeTimeProvider(DateTimeOffset.Parse(now + (now.Length == 10 ? "T12:00:00Z" : "Z"), System.Globalization.CultureInfo.InvariantCulture));
        var connections = factory.Services.GetRequiredService<SqliteConnectionFactory>();

        var result = await FreshnessEndpoints.GetFreshness(connections, clock, ClockedApiFactory.User("coordinator", "09162"), "09");
        var network = Assert.IsType<Ok<FreshnessReport>>(result.Result).Value!.Networks[0];
        Assert.Equal("net-by", network.NetworkId);
        Assert.Equal(within6, network.VerifiedWithin6Months!.Value, 10);
        Assert.Equal(within12, network.VerifiedWithin12Months!.Value, 10);
    }

    [Theory]
    [InlineData("2025-01-10", "2026-01-09", 11)]
    [InlineData("2025-01-10", "2026-01-10", 12)]
    [InlineData("2025-06-15", "2026-11-28", 17)]
    [InlineData("2025-12-31", "2026-02-28", 1)]
    public void MonthsSinceCountsWholeCalendarMonths(string from, string to, int months) =>
        Assert.Equal(months, FreshnessMath.MonthsBetween(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture)));
}
