using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using NetworkDirectory.Api.Geography;
using NetworkDirectory.Api.Lookup;
using static NetworkDirectory.Tests.Geography.Squares;

namespace NetworkDirectory.Tests.Coverage;

/// <summary>
/// The test network plus a known overlap (a second Jugendamt for taking_into_care in Landkreis München
/// at the same priority) and a 24/7 contact for it; emergency_intervention has no service at all (a
/// known gap); Jugendamt Landkreis München has no contact (no off-hours contact).
/// </summary>
public sealed class CoverageReportTests : IDisposable
{
    private const string Overlap = """
        INSERT INTO agencies (id, name, kind_code, region_key, sample, created_at, updated_at) VALUES
          ('ja-dup', 'Jugendamt Doppelt (Test)', 'youth_welfare_office', '09184', 1, '2026-01-15T09:00:00Z', '2026-01-15T09:00:00Z');
        INSERT INTO services (id, agency_id, responsibility_code, all_exploitation_forms, minors_only, unaccompanied_only, priority) VALUES
          ('s-ja-dup-care', 'ja-dup', 'taking_into_care', 1, 1, 0, 10);
        INSERT INTO service_coverage (service_id, region_key) VALUES ('s-ja-dup-care', '09184');
        INSERT INTO schedules (id, label, always_open, closed_on_public_holidays, sample, region_key) VALUES ('sch-always', '24/7', 1, 0, 1, '09');
        INSERT INTO contacts (id, agency_id, service_id, kind_code, channel_code, value, label, visibility, schedule_id, sort_order, sample) VALUES
          ('c-ja-dup', 'ja-dup', NULL, 'on_call', 'phone', '+498999998555', 'Notdienst', 'professional', 'sch-always', 1, 1);
        """;

    private readonly ApiFactory _factory = new();
    private readonly List<string> _files = [];

    private HttpClient Admin(string extraSql = Overlap)
    {
        var client = _factory.CreateClientAs("admin");
        using (var connection = _factory.OpenDatabase())
        {
            connection.Execute(extraSql);
        }
        _factory.Services.GetRequiredService<DirectorySnapshotHolder>().ReloadAsync().GetAwaiter().GetResult();
        return client;
    }

    private static IEnumerable<JsonElement> Findings(JsonElement report, string kind) =>
        report.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("kind").GetString() == kind);

    private static string[] Agencies(JsonElement finding) =>
        [.. finding.GetProperty("agencies").EnumerateArray().Select(a => a.GetProperty("id").GetString()!)];

    [Fact]
    public async Task AKreisWithoutAnyServiceForACoreResponsibilityIsAGap()
    {
        var report = await HttpAssert.OkAsync(await Admin().GetAsync("/v1/regions/09/coverage-report"));
        var gaps = Findings(report, "gap").Where(f => f.GetProperty("responsibility").GetString() == "emergency_intervention").ToList();
        Assert.Equal(["09162", "09184"], gaps.Select(g => g.GetProperty("regionKey").GetString()));
        Assert.Contains("No agency covers emergency_intervention in München (09184)", gaps[1].GetProperty("message").GetString());
        // Covered responsibilities are no gap: taking_into_care in both Kreise, medical_examination nationwide.
        Assert.DoesNotContain(Findings(report, "gap"), f => f.GetProperty("responsibility").GetString() is "taking_into_care" or "medical_examination");
        Assert.True(report.GetProperty("containsSample").GetBoolean() || Findings(report, "gap").Count() == report.GetProperty("findings").GetArrayLength());
    }

    [Fact]
    public async Task TwoAgenciesAtTheSameSpecificityAndPriorityAreAmbiguousAndAgreeWithTheLookup()
    {
        var client = Admin();
        var report = await HttpAssert.OkAsync(await client.GetAsync("/v1/regions/09184/coverage-report"));
        var ambiguous = Assert.Single(Findings(report, "ambiguous"));
        Assert.Equal(("09184", "taking_into_care"), (ambiguous.GetProperty("regionKey").GetString(), ambiguous.GetProperty("responsibility").GetString()));
        Assert.Equal(["ja-dup", "ja-lkm"], Agencies(ambiguous));

        var lookup = await HttpAssert.OkAsync(await client.GetAsync("/v1/lookup?regionKey=09184&responsibility=taking_into_care"));
        var primary = lookup.GetProperty("results")[0].GetProperty("agencies").EnumerateArray().Select(a => a.GetProperty("agencyId").GetString()).ToArray();
        Assert.Equal(Agencies(ambiguous), primary);
        Assert.Equal(1, report.GetProperty("counts").GetProperty("ambiguous").GetInt32());
    }

    [Fact]
    public async Task AnAmbiguityInheritedFromTheLandIsReportedOnceAtTheLandNotPerKreis()
    {
        var report = await HttpAssert.OkAsync(await Admin(Overlap + """
            INSERT INTO agencies (id, name, kind_code, region_key, sample, created_at, updated_at) VALUES
              ('kn-a', 'Krisendienst A (Test)', 'other', '09', 1, '2026-01-15T09:00:00Z', '2026-01-15T09:00:00Z'),
              ('kn-b', 'Krisendienst B (Test)', 'other', '09', 1, '2026-01-15T09:00:00Z', '2026-01-15T09:00:00Z');
            INSERT INTO services (id, agency_id, responsibility_code, all_exploitation_forms, minors_only, unaccompanied_only, priority) VALUES
              ('s-kn-a', 'kn-a', 'emergency_intervention', 1, 1, 0, 30), ('s-kn-b', 'kn-b', 'emergency_intervention', 1, 1, 0, 30);
            INSERT INTO service_coverage (service_id, region_key) VALUES ('s-kn-a', '09'), ('s-kn-b', '09');
            """).GetAsync("/v1/regions/09/coverage-report"));
        var inherited = Assert.Single(Findings(report, "ambiguous"), f => f.GetProperty("responsibility").GetString() == "emergency_intervention");
        Assert.Equal(("09", "land"), (inherited.GetProperty("regionKey").GetString(), inherited.GetProperty("level").GetString()));
        Assert.Equal(["kn-a", "kn-b"], Agencies(inherited));
        Assert.Contains("every place of the report without more specific coverage inherits it", inherited.GetProperty("message").GetString());
        // Both Kreise are covered through the Land now: no gap for it any more.
        Assert.DoesNotContain(Findings(report, "gap"), f => f.GetProperty("responsibility").GetString() == "emergency_intervention");
    }

    [Fact]
    public async Task AResponsibleAgencyWithoutAStaffedContactOffHoursIsNamedWithoutItsNumbers()
    {
        var report = await HttpAssert.OkAsync(await Admin().GetAsync("/v1/regions/09184/coverage-report"));
        var offHours = Findings(report, "no_off_hours_contact").ToList();
        var lkm = Assert.Single(offHours, f => Agencies(f).SequenceEqual(["ja-lkm"]));
        Assert.Equal(14, lkm.GetProperty("unreachableAt").GetArrayLength());
        Assert.Equal(14, report.GetProperty("offHoursInstants").GetArrayLength());
        // The duplicate's 24/7 on-call phone answers at every instant; its number is never in the report.
        Assert.DoesNotContain(offHours, f => Agencies(f).Contains("ja-dup"));
        Assert.DoesNotContain("+4989", report.GetRawText());
    }

    [Fact]
    public async Task CoverageOnAKeyABoundaryImportRemovedNamesItsSuccessor()
    {
        var client = Admin("""
            INSERT INTO agencies (id, name, kind_code, region_key, sample, created_at, updated_at) VALUES
              ('ja-ea', 'Jugendamt Eisenach (Test)', 'youth_welfare_office', '16', 1, '2026-01-15T09:00:00Z', '2026-01-15T09:00:00Z');
            INSERT INTO services (id, agency_id, responsibility_code, all_exploitation_forms, minors_only, unaccompanied_only, priority) VALUES
              ('s-ja-ea-care', 'ja-ea', 'taking_into_care', 1, 1, 0, 10);
            """);
        var importer = _factory.Services.GetRequiredService<BoundaryImporter>();
        await importer.ImportAsync(BoundaryReader.Read(Temp(Thueringen()), new DateOnly(2024, 12, 31)));
        using (var connection = _factory.OpenDatabase())
        {
            connection.Execute("INSERT INTO service_coverage (service_id, region_key) VALUES ('s-ja-ea-care', '16056')");
        }
        await importer.ImportAsync(BoundaryReader.Read(Temp(Thueringen(withEisenach: false)), new DateOnly(2024, 12, 31)));
        await _factory.Services.GetRequiredService<DirectorySnapshotHolder>().ReloadAsync();

        var report = await HttpAssert.OkAsync(await client.GetAsync("/v1/regions/16/coverage-report"));
        var stale = Assert.Single(Findings(report, "stale_key"));
        Assert.Equal(("16056", "16063", "taking_into_care"),
            (stale.GetProperty("regionKey").GetString(), stale.GetProperty("successorKey").GetString(), stale.GetProperty("responsibility").GetString()));
        Assert.Equal(["ja-ea"], Agencies(stale));
        Assert.Contains("replace the key with 16063", stale.GetProperty("message").GetString());
        // The old key is no Kreis of the report any more; the Wartburgkreis, which the old coverage does not reach, is a gap.
        Assert.Contains(Findings(report, "gap"), f => f.GetProperty("regionKey").GetString() == "16063" && f.GetProperty("responsibility").GetString() == "taking_into_care");
        Assert.DoesNotContain(Findings(report, "gap"), f => f.GetProperty("regionKey").GetString() == "16056");
    }

    [Theory]
    [InlineData("02", "09", 403)]
    [InlineData("09162", "09184", 403)]
    [InlineData("09162", "09", 200)]
    [InlineData("09", "09184", 200)]
    public async Task CoordinatorsReadTheReportOfRegionsOverlappingTheirScope(string scope, string key, int status)
    {
        Admin();
        var client = _factory.CreateClientWithKey(await _factory.CreateApiKeyAsync("coordinator", scope));
        var response = await client.GetAsync($"/v1/regions/{key}/coverage-report");
        Assert.Equal(status, (int)response.StatusCode);
    }

    [Theory]
    [InlineData("091", "key")]
    [InlineData("09162000", "key")]
    [InlineData("abc", "key")]
    public async Task OnlyALandOrKreisKeyIsAccepted(string key, string field) =>
        await HttpAssert.InvalidAsync(await Admin().GetAsync($"/v1/regions/{key}/coverage-report"), field);

    [Fact]
    public async Task AnonymousCallersAreNotLetIn()
    {
        Admin();
        Assert.Equal(401, (int)(await _factory.CreateClient().GetAsync("/v1/regions/09/coverage-report")).StatusCode);
    }

    [Fact]
    public async Task TheFreshnessReportLinksToTheCoverageReport()
    {
        var report = await HttpAssert.OkAsync(await Admin().GetAsync("/v1/regions/09/freshness"));
        Assert.Equal("/v1/regions/09/coverage-report", report.GetProperty("coverageReport").GetString());
    }

    [Fact]
    public async Task TheReportAsGeoJsonDrawsEachRegionWithFindingsWithItsBoundaryAndFindings()
    {
        var client = Admin();
        var path = Temp(Collection(
            Feature("09", "Bayern", "Freistaat", Box(10, 47, 14, 50)),
            Feature("09162", "München", "Kreisfreie Stadt", Box(11.4, 48.0, 11.7, 48.3)),
            Feature("09184", "München", "Landkreis", Box(11.0, 47.8, 12.0, 48.5))));
        await _factory.Services.GetRequiredService<BoundaryImporter>().ImportAsync(BoundaryReader.Read(path, new DateOnly(2024, 12, 31)));
        var report = await HttpAssert.OkAsync(await client.GetAsync("/v1/regions/09/coverage-report"));

        var response = await client.GetAsync("/v1/regions/09/coverage-report/geojson?tolerance=0");
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType!.MediaType);
        var map = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Empty(Maps.GeoJsonValidator.Problems(map));
        Assert.Contains("dl-de/by-2-0", map.GetProperty("attribution")[0].GetString());
        Assert.Equal(report.GetProperty("counts").GetRawText(), map.GetProperty("counts").GetRawText());

        // Every finding of the report is on the map, once, on the feature of its region.
        var features = map.GetProperty("features").EnumerateArray().ToDictionary(f => f.GetProperty("id").GetString()!);
        Assert.Equal(report.GetProperty("findings").GetArrayLength(),
            features.Values.Sum(f => f.GetProperty("properties").GetProperty("findings").GetArrayLength()));
        var landkreis = features["09184"].GetProperty("properties");
        Assert.Equal(["gap", "ambiguous", "no_off_hours_contact"], landkreis.GetProperty("kinds").EnumerateArray().Select(k => k.GetString()));
        Assert.Contains(landkreis.GetProperty("findings").EnumerateArray(), f => f.GetProperty("kind").GetString() == "ambiguous" && Agencies(f).SequenceEqual(["ja-dup", "ja-lkm"]));
        Assert.Equal("Polygon", features["09184"].GetProperty("geometry").GetProperty("type").GetString());
        // An off-hours finding sits at the agency's seat, as in the report: the Gemeinde of the police office and Berlin,
        // where the nationwide hotline sits, have no imported boundary here.
        Assert.Equal(["09162000", "11"], map.GetProperty("boundariesMissing").EnumerateArray().Select(k => k.GetString()));
        Assert.All(map.GetProperty("boundariesMissing").EnumerateArray(), k => Assert.Equal(JsonValueKind.Null, features[k.GetString()!].GetProperty("geometry").ValueKind));
        Assert.DoesNotContain("+4989", map.GetRawText());
    }

    [Fact]
    public async Task TheGeoJsonReportKeepsTheReportsRulesForKeysScopeAndTolerance()
    {
        var client = Admin();
        // No boundary imported: the findings are there, each with geometry null and listed as missing.
        var map = JsonDocument.Parse(await (await client.GetAsync("/v1/regions/09184/coverage-report/geojson")).Content.ReadAsStringAsync()).RootElement;
        var features = map.GetProperty("features").EnumerateArray().ToList();
        Assert.Contains(features, f => f.GetProperty("id").GetString() == "09184");
        Assert.All(features, f => Assert.Equal(JsonValueKind.Null, f.GetProperty("geometry").ValueKind));
        Assert.Equal(features.Select(f => f.GetProperty("id").GetString()), map.GetProperty("boundariesMissing").EnumerateArray().Select(k => k.GetString()));

        await HttpAssert.InvalidAsync(await client.GetAsync("/v1/regions/09/coverage-report/geojson?tolerance=-1"), "tolerance");
        await HttpAssert.InvalidAsync(await client.GetAsync("/v1/regions/091/coverage-report/geojson"), "key");
        Assert.Equal(404, (int)(await client.GetAsync("/v1/regions/09999/coverage-report/geojson")).StatusCode);
        var outside = _factory.CreateClientWithKey(await _factory.CreateApiKeyAsync("coordinator", "02"));
        Assert.Equal(403, (int)(await outside.GetAsync("/v1/regions/09/coverage-report/geojson")).StatusCode);
        Assert.Equal(401, (int)(await _factory.CreateClient().GetAsync("/v1/regions/09/coverage-report/geojson")).StatusCode);
    }

    private string Temp(string content)
    {
        var path = WriteTemp(content);
        _files.Add(path);
        return path;
    }

    public void Dispose()
    {
        _factory.Dispose();
        foreach (var file in _files)
        {
            File.Delete(file);
        }
    }
}
