using Dapper;

namespace NetworkDirectory.Tests.Sample;

/// <summary>The sample shows the shapes the product must handle: networks of every scope, schedules that wrap.</summary>
public sealed class SampleNetworkAndScheduleTests(SampleDatabase db) : IClassFixture<SampleDatabase>
{
    [Theory]
    [InlineData("02")]
    [InlineData("09")]
    public void LandHasAnActiveNetworkWithCoordinatorAndInstruments(string land)
    {
        using var connection = db.Open();
        var networks = connection.Query<string>("""
            SELECT DISTINCT n.id FROM networks n
            JOIN network_regions r ON r.network_id = n.id
            JOIN network_members m ON m.network_id = n.id AND m.agency_id = n.coordinating_agency_id AND m.role_code = 'coordinator'
            WHERE n.status = 'active' AND substr(r.region_key, 1, 2) = @land
              AND (SELECT count(*) FROM instruments i WHERE i.network_id = n.id) >= 2
            """, new { land }).ToList();
        Assert.NotEmpty(networks);
    }

    [Fact]
    public void CrossLandNetworkSpansTwoLaender()
    {
        using var connection = db.Open();
        var laender = connection.Query<long>("""
            SELECT count(DISTINCT substr(r.region_key, 1, 2)) FROM networks n JOIN network_regions r ON r.network_id = n.id
            WHERE n.scope = 'cross_land' GROUP BY n.id
            """).ToList();
        Assert.NotEmpty(laender);
        Assert.All(laender, count => Assert.True(count >= 2));
    }

    [Fact]
    public void EveryNetworkHasAnAreaAndItsCoordinatorIsAMember()
    {
        using var connection = db.Open();
        Assert.Empty(connection.Query<string>("""
            SELECT id FROM networks n WHERE NOT EXISTS (SELECT 1 FROM network_regions r WHERE r.network_id = n.id)
               OR coordinating_agency_id IS NULL
               OR NOT EXISTS (SELECT 1 FROM network_members m WHERE m.network_id = n.id AND m.agency_id = n.coordinating_agency_id)
            """));
    }

    [Fact]
    public void InstrumentsAreUrlExactlyWhenPublished()
    {
        using var connection = db.Open();
        var instruments = connection.Query<(string Id, long Binding, long Published, string? Url)>(
            "SELECT id, binding, published, url FROM instruments").ToList();
        Assert.All(instruments, i => Assert.Equal(i.Published == 1, i.Url is not null));
        Assert.Contains(instruments, i => i.Binding == 1 && i.Published == 1);
        Assert.Contains(instruments, i => i.Binding == 1 && i.Published == 0);
        Assert.Contains(instruments, i => i.Binding == 0 && i.Published == 1);
        Assert.Contains(instruments, i => i.Binding == 0 && i.Published == 0);
        Assert.Empty(connection.Query<string>("""
            SELECT id FROM instruments i WHERE all_exploitation_forms = 0
              AND NOT EXISTS (SELECT 1 FROM instrument_exploitation_forms f WHERE f.instrument_id = i.id)
            """));
    }

    [Theory]
    [InlineData("overnight", "start_day <> end_day AND end_day = start_day + 1")]
    [InlineData("weekend", "start_day = 5 AND end_day = 1")]
    [InlineData("until midnight", "end_time = '24:00'")]
    public void SchedulesIncludeWindowsThatWrap(string shape, string condition)
    {
        using var connection = db.Open();
        Assert.True(connection.ExecuteScalar<long>($"SELECT count(*) FROM schedule_windows WHERE {condition}") > 0, $"no {shape} window");
    }

    [Fact]
    public void OnCallSchedulesRunThroughHolidaysAndOfficesCloseOnThem()
    {
        using var connection = db.Open();
        Assert.Empty(connection.Query<string>("""
            SELECT DISTINCT s.id FROM schedules s JOIN schedule_windows w ON w.schedule_id = s.id
            WHERE w.start_day <> w.end_day AND s.closed_on_public_holidays = 1
            """));
        Assert.True(connection.ExecuteScalar<long>("SELECT count(*) FROM schedules WHERE closed_on_public_holidays = 1") > 0);
    }

    [Fact]
    public void AlwaysOpenSchedulesHaveNoWindowsAndOthersHaveSome()
    {
        using var connection = db.Open();
        Assert.Empty(connection.Query<string>(
            "SELECT DISTINCT schedule_id FROM schedule_windows w JOIN schedules s ON s.id = w.schedule_id WHERE s.always_open = 1"));
        Assert.Empty(connection.Query<string>(
            "SELECT id FROM schedules s WHERE always_open = 0 AND NOT EXISTS (SELECT 1 FROM schedule_windows w WHERE w.schedule_id = s.id)"));
    }

    [Fact]
    public void SchedulesHaveExceptionsAndAValidityPeriod()
    {
        using var connection = db.Open();
        Assert.True(connection.ExecuteScalar<long>("SELECT count(*) FROM schedule_exceptions WHERE closed = 1 AND date = '2026-12-24'") > 0);
        Assert.True(connection.ExecuteScalar<long>("SELECT count(*) FROM schedule_exceptions WHERE closed = 0 AND date = '2026-12-31'") > 0);
        Assert.True(connection.ExecuteScalar<long>("SELECT count(*) FROM schedules WHERE valid_from IS NOT NULL AND valid_until IS NOT NULL") > 0);
    }

    [Fact]
    public void AugsburgOfficeHoursFollowTheCitysHolidays()
    {
        using var connection = db.Open();
        var schedules = connection.Query<string>("""
            SELECT DISTINCT s.holiday_region_key FROM contacts c JOIN agencies a ON a.id = c.agency_id
            JOIN schedules s ON s.id = c.schedule_id
            WHERE a.region_key = '09761000' AND s.closed_on_public_holidays = 1
            """).ToList();
        Assert.Equal(["09761000"], schedules);
    }
}
