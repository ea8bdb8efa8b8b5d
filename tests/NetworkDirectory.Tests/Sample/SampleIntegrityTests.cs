using Dapper;

namespace NetworkDirectory.Tests.Sample;

/// <summary>The bundled sample loads through the real start-up path and is complete and consistent.</summary>
public sealed class SampleIntegrityTests(SampleDatabase db) : IClassFixture<SampleDatabase>
{
    [Fact]
    public void SampleLoadsIntoAnEmptyDatabase() => Assert.True(db.Loaded);

    [Fact]
    public void LoadingAgainDoesNotDuplicate()
    {
        using var connection = db.Open();
        var before = connection.ExecuteScalar<long>("SELECT count(*) FROM agencies");

        Assert.False(db.NewLoader().LoadIfEmpty());
        Assert.Equal(before, connection.ExecuteScalar<long>("SELECT count(*) FROM agencies"));
    }

    [Theory]
    [InlineData("agencies", 40)]
    [InlineData("contacts", 100)]
    [InlineData("services", 60)]
    [InlineData("schedules", 5)]
    [InlineData("networks", 3)]
    [InlineData("instruments", 6)]
    public void SampleHasAtLeast(string table, long minimum)
    {
        using var connection = db.Open();
        Assert.InRange(connection.ExecuteScalar<long>($"SELECT count(*) FROM {table}"), minimum, long.MaxValue);
    }

    [Theory]
    [InlineData("agency_kinds", "SELECT kind_code FROM agencies")]
    [InlineData("responsibilities", "SELECT responsibility_code FROM services")]
    [InlineData("exploitation_forms", "SELECT form_code FROM service_exploitation_forms UNION SELECT form_code FROM instrument_exploitation_forms")]
    [InlineData("instrument_types", "SELECT type_code FROM instruments")]
    [InlineData("member_roles", "SELECT role_code FROM network_members")]
    [InlineData("contact_kinds", "SELECT kind_code FROM contacts")]
    [InlineData("contact_channels", "SELECT channel_code FROM contacts")]
    public void EveryTaxonomyCodeIsUsed(string taxonomy, string usedCodes)
    {
        using var connection = db.Open();
        var unused = connection.Query<string>($"SELECT code FROM {taxonomy} WHERE code NOT IN ({usedCodes})");
        Assert.Empty(unused);
    }

    [Theory]
    [InlineData("networks", "scope", "land,regional,cross_land")]
    [InlineData("networks", "status", "planned,active,dormant")]
    [InlineData("instruments", "target_group", "minors,adults,both")]
    [InlineData("contacts", "visibility", "public,professional,internal")]
    public void EveryEnumeratedValueIsUsed(string table, string column, string values)
    {
        using var connection = db.Open();
        var used = connection.Query<string>($"SELECT DISTINCT {column} FROM {table}").ToHashSet();
        Assert.All(values.Split(','), value => Assert.Contains(value, used));
    }

    [Fact]
    public void ForeignKeysHold()
    {
        using var connection = db.Open();
        Assert.Empty(connection.Query("PRAGMA foreign_key_check"));
    }

    [Fact]
    public void EveryServiceHasCoverage()
    {
        using var connection = db.Open();
        var uncovered = connection.Query<string>("""
            SELECT id FROM services s
            WHERE coverage_geojson IS NULL AND NOT EXISTS (SELECT 1 FROM service_coverage c WHERE c.service_id = s.id)
            """);
        Assert.Empty(uncovered);
    }

    [Fact]
    public void EveryAgencyHasAServiceAndAContact()
    {
        using var connection = db.Open();
        Assert.Empty(connection.Query<string>("""
            SELECT id FROM agencies a
            WHERE NOT EXISTS (SELECT 1 FROM services s WHERE s.agency_id = a.id)
               OR NOT EXISTS (SELECT 1 FROM contacts c WHERE c.agency_id = a.id)
            """));
    }

    [Fact]
    public void ContactsForAServiceBelongToThatServicesAgency()
    {
        using var connection = db.Open();
        Assert.Empty(connection.Query<string>(
            "SELECT c.id FROM contacts c JOIN services s ON s.id = c.service_id WHERE s.agency_id <> c.agency_id"));
    }

    [Fact]
    public void CoverageUsesEveryKindOfKey()
    {
        using var connection = db.Open();
        var levels = connection.Query<string>("""
            SELECT DISTINCT r.level FROM service_coverage c JOIN regions r ON r.key = c.region_key
            """).ToHashSet();
        Assert.Equal(["country", "gemeinde", "kreis", "land", "regierungsbezirk"], levels.Order());
        Assert.True(connection.ExecuteScalar<long>("SELECT count(*) FROM service_coverage WHERE custom_region_key IS NOT NULL") > 0);
        Assert.Empty(connection.Query<string>("""
            SELECT key FROM custom_regions cr WHERE NOT EXISTS (SELECT 1 FROM custom_region_members m WHERE m.custom_region_key = cr.key)
            """));
    }

    [Theory]
    [InlineData("09162", "München", "Kreisfreie Stadt", "091")]
    [InlineData("09184", "München", "Landkreis", "091")]
    [InlineData("02000", "Hamburg", "Kreisfreie Stadt", "02")]
    [InlineData("09761", "Augsburg", "Kreisfreie Stadt", "097")]
    [InlineData("09162000", "München", "Stadt", "09162")]
    public void SampleRegionsCarryOfficialNames(string key, string name, string designation, string parent)
    {
        using var connection = db.Open();
        var row = connection.QuerySingle<(string Name, string Designation, string Parent)>(
            "SELECT name, designation, parent_key FROM regions WHERE key = @key", new { key });
        Assert.Equal((name, designation, parent), row);
    }

    [Fact]
    public void RegionKeysNestInTheirParents()
    {
        using var connection = db.Open();
        var misfits = connection.Query<string>("""
            SELECT key FROM regions
            WHERE level IN ('kreis', 'gemeinde', 'regierungsbezirk')
              AND NOT (substr(key, 1, length(parent_key)) = parent_key)
            """);
        Assert.Empty(misfits);
    }

    [Fact]
    public void ServiceAgeRangesMatchTheirFlags()
    {
        using var connection = db.Open();
        // minors_only services end at 17; an adults-only service (min_age >= 18) cannot be minors_only
        Assert.Empty(connection.Query<string>("SELECT id FROM services WHERE minors_only = 1 AND (max_age IS NULL OR max_age > 17)"));
        Assert.Empty(connection.Query<string>("SELECT id FROM services WHERE minors_only = 1 AND min_age >= 18"));
        Assert.True(connection.ExecuteScalar<long>("SELECT count(*) FROM services WHERE min_age >= 18") > 0, "some services are for adults only");
        Assert.True(connection.ExecuteScalar<long>("SELECT count(*) FROM services WHERE unaccompanied_only = 1") > 0);
        Assert.True(connection.ExecuteScalar<long>("SELECT count(*) FROM services WHERE all_exploitation_forms = 0") > 0);
        Assert.Empty(connection.Query<string>("""
            SELECT id FROM services s WHERE all_exploitation_forms = 0
              AND NOT EXISTS (SELECT 1 FROM service_exploitation_forms f WHERE f.service_id = s.id)
            """));
    }

    [Fact]
    public void VerificationDatesVaryAndSomeAreStale()
    {
        using var connection = db.Open();
        var dates = connection.Query<string>("SELECT last_verified_on FROM agencies WHERE sample = 1").ToList();
        Assert.All(dates, d => Assert.Matches(@"^202[56]-\d\d-\d\d$", d));
        // fixed reference date, not the wall clock: the sample was written in November 2026
        Assert.Contains(dates, d => string.CompareOrdinal(d, "2025-11-28") < 0);
        Assert.Contains(dates, d => string.CompareOrdinal(d, "2026-06-01") > 0);
    }
}
