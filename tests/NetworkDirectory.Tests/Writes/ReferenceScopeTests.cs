using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using NetworkDirectory.Api.Auth;
using NetworkDirectory.Api.Data;

namespace NetworkDirectory.Tests.Writes;

/// <summary>
/// The ways one region's coordinator could reach into another's lookups or data: a coverage polygon
/// over the other Land, a contact on the other Land's schedule, the other Land's agency as a member
/// or the coordinating agency of one's network.
/// </summary>
public sealed class ReferenceScopeTests
{
    private static object Service(string agency, string key, string polygon) => new
    {
        agencyId = agency, responsibility = "taking_into_care", priority = 5,
        coverage = new { regionKeys = new[] { key } }, coveragePolygon = JsonDocument.Parse(polygon).RootElement,
    };

    private static async Task<string> ForbiddenAsync(HttpResponseMessage response) =>
        (await HttpAssert.ProblemAsync(response, 403)).GetProperty("detail").GetString()!;

    [Fact]
    public async Task APolygonOverAnotherLandIsRefusedWhateverTheKeysSay()
    {
        using var factory = new ApiFactory();
        await ScopeBoundaries.ImportAsync(factory);
        // Hamburg's coordinator, its own agency and key, and a polygon over München: the attack from the probe.
        var hamburg = factory.CreateClientAs(Roles.Coordinator, "02");
        var detail = await ForbiddenAsync(await hamburg.PostAsJsonAsync("/v1/services", Service("ja-hh", "02000", ScopeBoundaries.PolygonInMuenchen)));
        Assert.StartsWith("Your key may change data in 02 only; this change concerns 09162, 02000", detail);

        var bayern = factory.CreateClientAs(Roles.Coordinator, "09");
        Assert.Equal(HttpStatusCode.Created, (await bayern.PostAsJsonAsync("/v1/services", Service("ja-lkm", "09184", ScopeBoundaries.PolygonInMuenchen))).StatusCode);
        Assert.Contains("concerns 06", await ForbiddenAsync(await bayern.PostAsJsonAsync("/v1/services", Service("ja-lkm", "09184", ScopeBoundaries.PolygonIntoHessen))));
    }

    [Fact]
    public async Task APolygonMayCrossAGeneralisedBorderByLessThanTheTolerance()
    {
        using var factory = new ApiFactory();
        await ScopeBoundaries.ImportAsync(factory);
        var bayern = factory.CreateClientAs(Roles.Coordinator, "09");

        var created = await bayern.PostAsJsonAsync("/v1/services", Service("ja-lkm", "09184", ScopeBoundaries.PolygonOnTheBorder));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    [Fact]
    public async Task AKreisCoordinatorsPolygonStaysInItsKreis()
    {
        using var factory = new ApiFactory();
        await ScopeBoundaries.ImportAsync(factory);
        var muenchen = factory.CreateClientAs(Roles.Coordinator, "09162");
        const string IntoTheLandkreis = """{"type":"Polygon","coordinates":[[[11.2,48.1],[11.6,48.1],[11.6,48.2],[11.2,48.2],[11.2,48.1]]]}""";

        Assert.Equal(HttpStatusCode.Created, (await muenchen.PostAsJsonAsync("/v1/services", Service("ja-muc", "09162", ScopeBoundaries.PolygonInMuenchen))).StatusCode);
        Assert.Contains("concerns 09184", await ForbiddenAsync(await muenchen.PostAsJsonAsync("/v1/services", Service("ja-muc", "09162", IntoTheLandkreis))));
    }

    [Fact]
    public async Task APolygonBeyondTheImportedBoundariesIsForAdmins()
    {
        using var factory = new ApiFactory();
        await ScopeBoundaries.ImportAsync(factory);
        var bayern = factory.CreateClientAs(Roles.Coordinator, "09");
        var admin = factory.CreateClientAs(Roles.Admin);

        var detail = await ForbiddenAsync(await bayern.PostAsJsonAsync("/v1/services", Service("ja-lkm", "09184", ScopeBoundaries.PolygonWhereNothingIsImported)));

        Assert.Contains("concerns DE", detail);
        Assert.Contains("beyond the imported boundaries", detail);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/v1/services", Service("ja-lkm", "09184", ScopeBoundaries.PolygonWhereNothingIsImported))).StatusCode);
    }

    [Fact]
    public async Task WithoutImportedBoundariesOnlyAdminsSetPolygonsUntilBoundariesAreImported()
    {
        using var factory = new ApiFactory();
        var bayern = factory.CreateClientAs(Roles.Coordinator, "09");
        var admin = factory.CreateClientAs(Roles.Admin);

        Assert.Contains("concerns DE", await ForbiddenAsync(await bayern.PostAsJsonAsync("/v1/services", Service("ja-lkm", "09184", ScopeBoundaries.PolygonInMuenchen))));
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/v1/services", Service("ja-lkm", "09184", ScopeBoundaries.PolygonInMuenchen))).StatusCode);

        // The boundaries kept for the check are read again after an import.
        await ScopeBoundaries.ImportAsync(factory);
        Assert.Equal(HttpStatusCode.Created, (await bayern.PostAsJsonAsync("/v1/services", Service("ja-lkm", "09184", ScopeBoundaries.PolygonInMuenchen))).StatusCode);
    }

    [Fact]
    public async Task UsingAnotherLandsScheduleIsRefusedAndDoesNotTakeTheScheduleAway()
    {
        using var factory = new ApiFactory();
        var hamburg = factory.CreateClientAs(Roles.Coordinator, "02");
        var bayern = factory.CreateClientAs(Roles.Coordinator, "09");
        var admin = factory.CreateClientAs(Roles.Admin);
        var contact = new { agencyId = "ja-hh", kind = "office", channel = "phone", value = "+494099998101", visibility = "public", scheduleId = "sch-office" };

        Assert.Contains("concerns 09", await ForbiddenAsync(await hamburg.PostAsJsonAsync("/v1/contacts", contact)));

        // An admin may link them; the schedule stays Bayern's, and Bayern's coordinator keeps it.
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/v1/contacts", contact)).StatusCode);
        var schedule = await bayern.GetAsync("/v1/schedules/sch-office");
        var patch = new HttpRequestMessage(HttpMethod.Patch, "/v1/schedules/sch-office")
        {
            Content = new StringContent("""{"label":"Bürozeiten (neu)"}""", Encoding.UTF8, "application/merge-patch+json"),
        };
        patch.Headers.TryAddWithoutValidation("If-Match", schedule.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, (await bayern.SendAsync(patch)).StatusCode);
    }

    [Fact]
    public async Task AContactMayUseASchedulOfItsLandOrANationwideOne()
    {
        using var factory = new ApiFactory();
        var muenchen = factory.CreateClientAs(Roles.Coordinator, "09162");
        var admin = factory.CreateClientAs(Roles.Admin);
        var nationwide = await HttpAssert.OkAsync(await admin.PostAsJsonAsync("/v1/schedules", new { label = "Bundesweit", alwaysOpen = true }));
        Assert.Equal("DE", nationwide.GetProperty("data").GetProperty("regionKey").GetString());

        foreach (var schedule in new[] { "sch-office", nationwide.GetProperty("id").GetString() })
        {
            var created = await muenchen.PostAsJsonAsync("/v1/contacts", new { agencyId = "ja-muc", kind = "office", channel = "phone", value = "+498999998102", visibility = "public", scheduleId = schedule });
            Assert.True(created.StatusCode == HttpStatusCode.Created, $"{schedule}: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
        }
    }

    [Fact]
    public async Task ANewScheduleBelongsToItsCreatorsRegion()
    {
        using var factory = new ApiFactory();
        var bayern = factory.CreateClientAs(Roles.Coordinator, "09");
        var north = factory.CreateClientAs(Roles.Coordinator, "02", "04");

        var created = await HttpAssert.OkAsync(await bayern.PostAsJsonAsync("/v1/schedules", new { label = "Bayern", alwaysOpen = true }));
        Assert.Equal("09", created.GetProperty("data").GetProperty("regionKey").GetString());

        Assert.Contains("several regions", await HttpAssert.InvalidAsync(await north.PostAsJsonAsync("/v1/schedules", new { label = "Nord", alwaysOpen = true }), "regionKey"));
        Assert.Equal(HttpStatusCode.Created, (await north.PostAsJsonAsync("/v1/schedules", new { label = "Nord", alwaysOpen = true, regionKey = "04" })).StatusCode);
    }

    [Fact]
    public async Task AnotherLandsAgencyInOnesNetworkNeedsBothScopes()
    {
        using var factory = new ApiFactory();
        var bayern = factory.CreateClientAs(Roles.Coordinator, "09");
        var both = factory.CreateClientAs(Roles.Coordinator, "09", "02");
        var admin = factory.CreateClientAs(Roles.Admin);

        Assert.Contains("concerns 02000", await ForbiddenAsync(await Patch(bayern, "/v1/networks/net-by", """{"coordinatingAgencyId":"ja-hh"}""")));
        var withHamburg = """{"members":[{"agencyId":"fbs-by","role":"coordinator"},{"agencyId":"ja-hh","role":"member"}]}""";
        Assert.Contains("concerns 02000", await ForbiddenAsync(await Patch(bayern, "/v1/networks/net-by", withHamburg)));
        Assert.Equal(HttpStatusCode.OK, (await Patch(both, "/v1/networks/net-by", withHamburg)).StatusCode);

        // Once linked, Bayern's coordinator still keeps its network, and may drop the member.
        Assert.Equal(HttpStatusCode.OK, (await Patch(bayern, "/v1/networks/net-by", """{"description":"Neu"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Patch(bayern, "/v1/networks/net-by", """{"members":[{"agencyId":"fbs-by","role":"coordinator"}]}""")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Patch(admin, "/v1/networks/net-by", """{"coordinatingAgencyId":"ja-hh"}""")).StatusCode);
    }

    private static async Task<HttpResponseMessage> Patch(HttpClient client, string url, string patch)
    {
        var current = await client.GetAsync(url + "/data");
        var request = new HttpRequestMessage(HttpMethod.Patch, url) { Content = new StringContent(patch, Encoding.UTF8, "application/merge-patch+json") };
        request.Headers.TryAddWithoutValidation("If-Match", current.Headers.ETag!.Tag);
        return await client.SendAsync(request);
    }

    [Fact]
    public void TheMigrationGivesEverySchedulePreviouslyStoredARegion()
    {
        var path = Path.Combine(Path.GetTempPath(), $"nd-migrate-{Guid.NewGuid():N}.db");
        try
        {
            var connections = new SqliteConnectionFactory(path);
            connections.EnsureCreated();
            var migrator = new Migrator(connections, NullLogger<Migrator>.Instance);
            var all = Migrator.BundledMigrations();
            var index = all.ToList().FindIndex(s => s.Name.StartsWith("0007", StringComparison.Ordinal));
            migrator.Migrate(all.Take(index).ToList());
            using (var connection = connections.Open())
            {
                connection.Execute("""
                    INSERT INTO regions (key, level, name, parent_key) VALUES ('09162', 'kreis', 'München', '09');
                    INSERT INTO agencies (id, name, kind_code, region_key, created_at, updated_at) VALUES
                      ('a-hh', 'HH', 'youth_welfare_office', '02', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
                      ('a-by', 'BY', 'youth_welfare_office', '09', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
                      ('a-muc', 'MUC', 'youth_welfare_office', '09162', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
                    INSERT INTO schedules (id, label, always_open, holiday_region_key) VALUES
                      ('s-hh', 'HH', 1, '02'), ('s-muc', 'MUC', 1, NULL), ('s-by', 'BY', 1, NULL), ('s-shared', 'geteilt', 1, NULL), ('s-unused', 'frei', 1, NULL);
                    INSERT INTO contacts (id, agency_id, kind_code, channel_code, value, visibility, schedule_id) VALUES
                      ('c1', 'a-muc', 'office', 'phone', '+498999998101', 'public', 's-muc'),
                      ('c2', 'a-muc', 'office', 'phone', '+498999998102', 'public', 's-by'), ('c3', 'a-by', 'office', 'phone', '+498999998103', 'public', 's-by'),
                      ('c4', 'a-hh', 'office', 'phone', '+494099998101', 'public', 's-shared'), ('c5', 'a-by', 'office', 'phone', '+498999998104', 'public', 's-shared');
                    """);
            }

            migrator.Migrate(all);

            using var check = connections.Open();
            var regions = check.Query<(string Id, string Region)>("SELECT id, region_key FROM schedules ORDER BY id").ToDictionary(r => r.Id, r => r.Region);
            // The holiday region; else the one seat of its users; else their one Land; else nationwide.
            Assert.Equal("02", regions["s-hh"]);
            Assert.Equal("09162", regions["s-muc"]);
            Assert.Equal("09", regions["s-by"]);
            Assert.Equal("DE", regions["s-shared"]);
            Assert.Equal("DE", regions["s-unused"]);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(path + suffix);
        }
    }
}
