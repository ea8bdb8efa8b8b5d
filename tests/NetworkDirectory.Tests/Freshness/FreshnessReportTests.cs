using System.Text.Json;
using NetworkDirectory.Tests.Audit;

namespace NetworkDirectory.Tests.Freshness;

public sealed class FreshnessReportTests(ClockedApiFactory factory) : IClassFixture<ClockedApiFactory>
{
    private readonly HttpClient _bayern = FreshnessSeed.ClientAs(factory, "coordinator", "09");

    /// <summary>The property of each element, with JSON null as "null".</summary>
    private static string[] Strings(JsonElement array, string property) =>
        array.EnumerateArray().Select(e => e.GetProperty(property).GetString() ?? "null").ToArray();

    private static double? Share(JsonElement entry, string property) =>
        entry.GetProperty(property).ValueKind == JsonValueKind.Null ? null : entry.GetProperty(property).GetDouble();

    [Fact]
    public async Task LandReportNamesTheRegionAndToday()
    {
        var report = await HttpAssert.OkAsync(await _bayern.GetAsync("/v1/regions/09/freshness"));
        Assert.Equal(("09", "Bayern", "land", "2026-11-28"), (
            report.GetProperty("regionKey").GetString(), report.GetProperty("regionName").GetString(),
            report.GetProperty("level").GetString(), report.GetProperty("today").GetString()));
        Assert.Equal(["net-by", "null"], Strings(report.GetProperty("networks"), "networkId"));
    }

    [Fact]
    public async Task NetworkSharesCountAgenciesVerifiedWithin6And12Months()
    {
        var report = await HttpAssert.OkAsync(await _bayern.GetAsync("/v1/regions/09/freshness"));
        var network = report.GetProperty("networks")[0];
        Assert.Equal("Netzwerk Bayern (Test)", network.GetProperty("name").GetString());
        Assert.Equal(3, network.GetProperty("agencyCount").GetInt32());
        Assert.Equal(5, network.GetProperty("contactCount").GetInt32());
        Assert.Equal(1.0 / 3, Share(network, "verifiedWithin6Months")!.Value, 10);
        Assert.Equal(2.0 / 3, Share(network, "verifiedWithin12Months")!.Value, 10);
        var stale = Assert.Single(network.GetProperty("stale").EnumerateArray());
        Assert.Equal("pol-test", stale.GetProperty("id").GetString());
        Assert.Equal("Kriminalfachdezernat (Test)", stale.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, stale.GetProperty("lastVerifiedOn").ValueKind);
        Assert.Equal(JsonValueKind.Null, stale.GetProperty("monthsSince").ValueKind);
    }

    [Fact]
    public async Task AgenciesInNoNetworkFormTheirOwnEntryNeverVerifiedFirst()
    {
        var report = await HttpAssert.OkAsync(await _bayern.GetAsync("/v1/regions/09/freshness"));
        var loose = report.GetProperty("networks")[1];
        Assert.Equal("Agencies not in any network", loose.GetProperty("name").GetString());
        Assert.Equal(2, loose.GetProperty("agencyCount").GetInt32());
        Assert.Equal(0, loose.GetProperty("contactCount").GetInt32());
        Assert.Equal(0.0, Share(loose, "verifiedWithin6Months"));
        Assert.Equal(0.0, Share(loose, "verifiedWithin12Months"));
        var stale = loose.GetProperty("stale");
        Assert.Equal(["ja-lkm", "ja-nbg"], Strings(stale, "id"));
        Assert.Equal(["null", "2025-06-15"], Strings(stale, "lastVerifiedOn"));
        Assert.Equal(17, stale[1].GetProperty("monthsSince").GetInt32());
    }

    [Fact]
    public async Task GapsListKreiseWithoutACoreServiceOnly()
    {
        var report = await HttpAssert.OkAsync(await _bayern.GetAsync("/v1/regions/09/freshness"));
        // 09162 and 09184 have their own care services and police via the custom district pp-test,
        // 09564 care for its Gemeinde only and police via its Regierungsbezirk 095;
        // all are covered for emergencies by the Land-wide service and medically by the nationwide hotline.
        var gap = Assert.Single(report.GetProperty("gaps").EnumerateArray());
        Assert.Equal(("09163", "Rosenheim"), (gap.GetProperty("kreisKey").GetString(), gap.GetProperty("kreisName").GetString()));
        Assert.Equal(["taking_into_care", "criminal_investigation"], gap.GetProperty("missingResponsibilities").EnumerateArray().Select(c => c.GetString()!));
    }

    [Fact]
    public async Task KreisReportShowsTheOverlappingNetworkAndItsOwnGapsOnly()
    {
        var client = FreshnessSeed.ClientAs(factory, "coordinator", "09162");
        var report = await HttpAssert.OkAsync(await client.GetAsync("/v1/regions/09162/freshness"));
        Assert.Equal(["net-by", "null"], Strings(report.GetProperty("networks"), "networkId"));
        Assert.Equal(3, report.GetProperty("networks")[0].GetProperty("agencyCount").GetInt32());
        var loose = report.GetProperty("networks")[1];
        Assert.Equal(0, loose.GetProperty("agencyCount").GetInt32());
        Assert.Equal(JsonValueKind.Null, loose.GetProperty("verifiedWithin6Months").ValueKind);
        Assert.Empty(report.GetProperty("gaps").EnumerateArray());
    }

    [Fact]
    public async Task HamburgLacksEmergencyAndPoliceServices()
    {
        var client = FreshnessSeed.ClientAs(factory, "coordinator", "02");
        var report = await HttpAssert.OkAsync(await client.GetAsync("/v1/regions/02/freshness"));
        Assert.Equal(["net-hh", "null"], Strings(report.GetProperty("networks"), "networkId"));
        var gap = Assert.Single(report.GetProperty("gaps").EnumerateArray());
        Assert.Equal("02000", gap.GetProperty("kreisKey").GetString());
        Assert.Equal(["emergency_intervention", "criminal_investigation"], gap.GetProperty("missingResponsibilities").EnumerateArray().Select(c => c.GetString()!));
    }

    [Fact]
    public async Task AdminMaySeeAllOfGermany()
    {
        var client = FreshnessSeed.ClientAs(factory, "admin");
        var report = await HttpAssert.OkAsync(await client.GetAsync("/v1/regions/DE/freshness"));
        Assert.Equal(["net-by", "net-hh", "null"], Strings(report.GetProperty("networks"), "networkId"));
        // ja-lkm, ja-nbg and the Berlin hotline belong to no network.
        Assert.Equal(3, report.GetProperty("networks")[2].GetProperty("agencyCount").GetInt32());
        Assert.Equal(["02000", "09163"], Strings(report.GetProperty("gaps"), "kreisKey"));
    }
}
