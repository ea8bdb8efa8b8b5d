using Dapper;
using PhoneNumbers;

namespace NetworkDirectory.Tests.Sample;

/// <summary>Fictional rows are flagged and recognisable; the few real rows are only the public short numbers.</summary>
public sealed class SampleFlagTests(SampleDatabase db) : IClassFixture<SampleDatabase>
{
    private static readonly string[] RealShortNumbers = ["110", "112", "116111"];

    [Fact]
    public void SampleAgenciesSayBeispielAndRealOnesDoNot()
    {
        using var connection = db.Open();
        var agencies = connection.Query<(string Name, long Sample)>("SELECT name, sample FROM agencies").ToList();
        Assert.All(agencies.Where(a => a.Sample == 1), a => Assert.EndsWith(" (Beispiel)", a.Name));
        Assert.All(agencies.Where(a => a.Sample == 0), a => Assert.DoesNotContain("Beispiel", a.Name));
    }

    [Fact]
    public void RealAgenciesCarryNoFictionalDetails()
    {
        using var connection = db.Open();
        var fictional = connection.Query<string>("""
            SELECT id FROM agencies
            WHERE sample = 0 AND (website IS NOT NULL OR email IS NOT NULL OR street IS NOT NULL OR internal_notes IS NOT NULL)
            """);
        Assert.Empty(fictional);
    }

    [Fact]
    public void ContactsShareTheirAgencysFlag()
    {
        using var connection = db.Open();
        Assert.Empty(connection.Query<string>("""
            SELECT c.id FROM contacts c JOIN agencies a ON a.id = c.agency_id WHERE c.sample <> a.sample
            """));
    }

    [Fact]
    public void NonSampleContactsAreRealShortNumbersOnly()
    {
        using var connection = db.Open();
        var real = connection.Query<(string Channel, string Value, string? Schedule)>(
            "SELECT channel_code, value, schedule_id FROM contacts WHERE sample = 0").ToList();
        Assert.NotEmpty(real);
        Assert.All(real, c =>
        {
            Assert.Equal("phone", c.Channel);
            Assert.Contains(c.Value, RealShortNumbers);
            // short numbers are not "valid numbers" to libphonenumber; its short-number API knows them
            var number = PhoneNumberUtil.GetInstance().Parse(c.Value, "DE");
            Assert.True(ShortNumberInfo.GetInstance().IsValidShortNumberForRegion(number, "DE"), $"{c.Value} is no German short number");
        });
        // a real contact never hangs on a fictional schedule
        Assert.Empty(connection.Query<string>("""
            SELECT c.id FROM contacts c JOIN schedules s ON s.id = c.schedule_id WHERE c.sample = 0 AND s.sample = 1
            """));
    }

    [Fact]
    public void RealShortNumbersAppearOnlyOnRealAgencies()
    {
        using var connection = db.Open();
        var misplaced = connection.Query<string>("""
            SELECT id FROM contacts WHERE channel_code = 'phone' AND value IN ('110', '112', '116111') AND sample = 1
            """);
        Assert.Empty(misplaced);
    }

    [Theory]
    [InlineData("networks")]
    [InlineData("instruments")]
    [InlineData("custom_regions")]
    public void FictionalTablesAreFullyFlagged(string table)
    {
        using var connection = db.Open();
        Assert.Equal(0, connection.ExecuteScalar<long>($"SELECT count(*) FROM {table} WHERE sample = 0"));
    }

    [Fact]
    public void OnlyTheRealEmergencyScheduleIsUnflagged()
    {
        using var connection = db.Open();
        var unflagged = connection.Query<(string Id, long AlwaysOpen)>("SELECT id, always_open FROM schedules WHERE sample = 0").ToList();
        Assert.All(unflagged, s => Assert.Equal(1, s.AlwaysOpen));
        Assert.True(connection.ExecuteScalar<long>("SELECT count(*) FROM schedules WHERE sample = 1") >= 5);
    }

    [Fact]
    public void TimestampsAreFixed()
    {
        using var connection = db.Open();
        var stamps = connection.Query<string>("""
            SELECT created_at FROM agencies UNION SELECT updated_at FROM agencies
            UNION SELECT created_at FROM networks UNION SELECT updated_at FROM networks
            """).ToList();
        Assert.All(stamps, s => Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", s));
    }

    [Fact]
    public void NamedPersonsAreFictionalAndNeverPublic()
    {
        using var connection = db.Open();
        var persons = connection.Query<(string Label, string Visibility)>(
            "SELECT label, visibility FROM contacts WHERE kind_code = 'named_person'").ToList();
        Assert.NotEmpty(persons);
        Assert.All(persons, p =>
        {
            Assert.Contains("Beispiel", p.Label);
            Assert.NotEqual("public", p.Visibility);
        });
    }
}
