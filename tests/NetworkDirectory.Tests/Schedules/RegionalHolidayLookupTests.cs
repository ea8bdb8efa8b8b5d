using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using NetworkDirectory.Api.Lookup;

namespace NetworkDirectory.Tests.Schedules;

/// <summary>
/// Holidays that hold only in some Gemeinden, through GET /v1/lookup with the shipped lists (migration
/// 0009). Each test agency keeps office hours Mon–Fri 08:00–16:00, closed on public holidays, and is
/// the Jugendamt of its place. 15 August 2025 and 8 August 2025 are Fridays; Fronleichnam 2025 is 19 June.
/// </summary>
public sealed class RegionalHolidayLookupTests : IClassFixture<ApiFactory>
{
    internal const string Sql = """
        INSERT OR IGNORE INTO regions (key, level, name, designation, parent_key) VALUES
          ('095', 'regierungsbezirk', 'Mittelfranken', 'Regierungsbezirk', '09'),
          ('09564', 'kreis', 'Nürnberg', 'Kreisfreie Stadt', '095'), ('09564000', 'gemeinde', 'Nürnberg', 'Stadt', '09564'),
          ('09574', 'kreis', 'Nürnberger Land', 'Landkreis', '095'),
          ('097', 'regierungsbezirk', 'Schwaben', 'Regierungsbezirk', '09'),
          ('09761', 'kreis', 'Augsburg', 'Kreisfreie Stadt', '097'), ('09761000', 'gemeinde', 'Augsburg', 'Stadt', '09761'),
          ('146', 'regierungsbezirk', 'Dresden', NULL, '14'),
          ('14612', 'kreis', 'Dresden', 'Kreisfreie Stadt', '146'), ('14612000', 'gemeinde', 'Dresden', 'Stadt', '14612'),
          ('14625', 'kreis', 'Bautzen', 'Landkreis', '146'), ('14625080', 'gemeinde', 'Crostwitz', 'Gemeinde', '14625');
        INSERT OR IGNORE INTO schedules (id, label, always_open, closed_on_public_holidays, valid_from, valid_until, sample, region_key) VALUES
          ('sch-weekdays', 'Mo–Fr', 0, 1, NULL, NULL, 1, 'DE');
        INSERT OR IGNORE INTO schedule_windows (schedule_id, start_day, start_time, end_day, end_time) VALUES
          ('sch-weekdays', 1, '08:00', 1, '16:00'), ('sch-weekdays', 2, '08:00', 2, '16:00'), ('sch-weekdays', 3, '08:00', 3, '16:00'),
          ('sch-weekdays', 4, '08:00', 4, '16:00'), ('sch-weekdays', 5, '08:00', 5, '16:00');
        """;

    private static readonly (string Id, string Seat, string Coverage)[] Agencies =
    [
        ("ja-nbg", "09564000", "09564"), ("ja-lnbg", "09574", "09574"), ("ja-aug", "09761000", "09761"),
        ("ja-dd", "14612000", "14612"), ("ja-crost", "14625080", "14625080"),
        // Gemeinde coverage: more specific than the fixture's Jugendamt München (Kreis 09162).
        ("ja-muc-g", "09162000", "09162000"),
    ];

    private readonly HttpClient _client;

    public RegionalHolidayLookupTests(ApiFactory factory)
    {
        _client = factory.CreateSeededClient();
        Seed(factory);
    }

    internal static void Seed(ApiFactory factory)
    {
        using (var connection = factory.OpenDatabase())
        {
            connection.Execute(Sql);
            foreach (var (id, seat, coverage) in Agencies)
            {
                connection.Execute($"""
                    INSERT OR IGNORE INTO agencies (id, name, kind_code, region_key, sample, created_at, updated_at)
                      VALUES ('{id}', 'Jugendamt {id} (Test)', 'youth_welfare_office', '{seat}', 1, '2026-01-15T09:00:00Z', '2026-01-15T09:00:00Z');
                    INSERT OR IGNORE INTO services (id, agency_id, responsibility_code, all_exploitation_forms, minors_only, unaccompanied_only, priority)
                      VALUES ('s-{id}', '{id}', 'taking_into_care', 1, 0, 0, 10);
                    INSERT OR IGNORE INTO service_coverage (service_id, region_key) VALUES ('s-{id}', '{coverage}');
                    INSERT OR IGNORE INTO contacts (id, agency_id, service_id, kind_code, channel_code, value, visibility, schedule_id, sort_order, sample)
                      VALUES ('c-{id}', '{id}', NULL, 'office', 'phone', '+498999998101', 'public', 'sch-weekdays', 1, 1);
                    """);
            }
        }
        factory.Services.GetRequiredService<DirectorySnapshotHolder>().ReloadAsync().GetAwaiter().GetResult();
    }

    internal static async Task<JsonElement> OfficeAsync(HttpClient client, string regionKey, string at)
    {
        var body = await HttpAssert.OkAsync(await client.GetAsync($"/v1/lookup?regionKey={regionKey}&responsibility=taking_into_care&at={at}"));
        var agency = body.GetProperty("results")[0].GetProperty("agencies")[0];
        return agency.GetProperty("contacts").EnumerateArray().Single(c => c.GetProperty("kind").GetString() == "office");
    }

    private const string CatholicMajority = "Gemeinden with more Catholic than Protestant residents (as determined by the Bayerisches Landesamt für Statistik)";

    [Fact]
    public async Task NuernbergIsOpenOnMariaeHimmelfahrtAndSaysWhy()
    {
        var office = await OfficeAsync(_client, "09564000", "2025-08-15T10:00");
        Assert.True(office.GetProperty("reachableNow").GetBoolean());
        Assert.Equal($"open: weekly window Fri 08:00–16:00 (15 August: Mariä Himmelfahrt is a holiday only in {CatholicMajority}; the holiday list counts this place out)",
            office.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task MuenchenIsClosedOnMariaeHimmelfahrt()
    {
        var office = await OfficeAsync(_client, "09162000", "2025-08-15T10:00");
        Assert.False(office.GetProperty("reachableNow").GetBoolean());
        Assert.Equal($"closed: public holiday Mariä Himmelfahrt (15 August: Mariä Himmelfahrt is a holiday only in {CatholicMajority}; the holiday list counts this place in)",
            office.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task AnAgencyWhoseGemeindeIsUnknownFollowsTheDefaultAndSaysSo()
    {
        var office = await OfficeAsync(_client, "09574", "2025-08-15T10:00");
        Assert.False(office.GetProperty("reachableNow").GetBoolean());
        Assert.Equal($"closed: public holiday Mariä Himmelfahrt (15 August: Mariä Himmelfahrt is a holiday only in {CatholicMajority}; the seat's Gemeinde is not known, so it is assumed to be one)",
            office.GetProperty("reason").GetString());
    }

    [Theory]
    [InlineData("09761000", false)]
    [InlineData("09564000", true)]
    public async Task TheFriedensfestClosesAugsburgOnly(string regionKey, bool open)
    {
        var office = await OfficeAsync(_client, regionKey, "2025-08-08T10:00");
        Assert.Equal(open, office.GetProperty("reachableNow").GetBoolean());
        Assert.Equal(open
                ? "open: weekly window Fri 08:00–16:00 (8 August: Augsburger Hohes Friedensfest is a holiday only in the city of Augsburg; the holiday list counts this place out)"
                : "closed: public holiday Augsburger Hohes Friedensfest (8 August: Augsburger Hohes Friedensfest is a holiday only in the city of Augsburg; the holiday list counts this place in)",
            office.GetProperty("reason").GetString());
    }

    [Theory]
    [InlineData("14625080", false, "closed: public holiday Fronleichnam (19 June: Fronleichnam is a holiday only in the Gemeinden named by the Saxon Fronleichnam regulation (Catholic Sorbian Gemeinden in the Landkreise Bautzen and Görlitz); the holiday list counts this place in)")]
    [InlineData("14612000", true, "open: weekly window Thu 08:00–16:00 (19 June: Fronleichnam is a holiday only in the Gemeinden named by the Saxon Fronleichnam regulation (Catholic Sorbian Gemeinden in the Landkreise Bautzen and Görlitz); the holiday list counts this place out)")]
    public async Task FronleichnamClosesASorbianGemeindeButNotDresden(string regionKey, bool open, string reason)
    {
        var office = await OfficeAsync(_client, regionKey, "2025-06-19T10:00");
        Assert.Equal((open, reason), (office.GetProperty("reachableNow").GetBoolean(), office.GetProperty("reason").GetString()));
    }
}
