using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using NetworkDirectory.Api.Lookup;

namespace NetworkDirectory.Tests.Api;

/// <summary>
/// nextChange is searched a year ahead, and nextChangeStatus tells a null apart: open for good (24/7)
/// or no change within the horizon. The fixture's hotline becomes 24/7 and the counselling mailbox gets
/// office hours that start only in 2028.
/// </summary>
public sealed class LookupHorizonTests : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client;

    public LookupHorizonTests(ApiFactory factory)
    {
        _client = factory.CreateSeededClient();
        using (var connection = factory.OpenDatabase())
        {
            connection.Execute("""
                INSERT OR IGNORE INTO schedules (id, label, always_open, closed_on_public_holidays, valid_from, valid_until, sample, region_key) VALUES
                  ('sch-24-7', 'rund um die Uhr', 1, 0, NULL, NULL, 1, 'DE'),
                  ('sch-2028', 'ab 2028', 0, 1, '2028-01-01', NULL, 1, '09');
                INSERT OR IGNORE INTO schedule_windows (schedule_id, start_day, start_time, end_day, end_time) VALUES ('sch-2028', 1, '08:00', 1, '16:00');
                UPDATE contacts SET schedule_id = 'sch-24-7' WHERE id = 'c-hotline';
                UPDATE contacts SET schedule_id = 'sch-2028' WHERE id = 'c-fbs-mail';
                """);
        }
        factory.Services.GetRequiredService<DirectorySnapshotHolder>().ReloadAsync().GetAwaiter().GetResult();
    }

    private async Task<(JsonElement Body, JsonElement Agency)> AgencyAsync(string responsibility, string at)
    {
        var body = await HttpAssert.OkAsync(await _client.GetAsync($"/v1/lookup?regionKey=09162000&responsibility={responsibility}&at={Uri.EscapeDataString(at)}"));
        var result = body.GetProperty("results").EnumerateArray().Single();
        return (body, result.GetProperty("agencies").EnumerateArray().First());
    }

    [Fact]
    public async Task TheAnswerStatesItsHorizonAYearAndADayAhead()
    {
        var (body, _) = await AgencyAsync("medical_examination", "2026-11-30T10:00");
        Assert.Equal("2026-11-30T10:00:00+01:00", body.GetProperty("at").GetString());
        Assert.Equal("2027-12-01T10:00:00+01:00", body.GetProperty("nextChangeHorizon").GetString());
    }

    [Fact]
    public async Task TwentyFourSevenSaysAlwaysOpen()
    {
        var (_, agency) = await AgencyAsync("medical_examination", "2026-11-30T10:00");
        var contact = agency.GetProperty("contact");
        Assert.Equal(("c-hotline", true, JsonValueKind.Null, "always_open", "open: 24/7"), (contact.GetProperty("id").GetString(),
            contact.GetProperty("reachableNow").GetBoolean(), contact.GetProperty("nextChange").ValueKind,
            contact.GetProperty("nextChangeStatus").GetString(), contact.GetProperty("reason").GetString()));
        Assert.Equal((JsonValueKind.Null, "always_open"), (agency.GetProperty("nextChange").ValueKind, agency.GetProperty("nextChangeStatus").GetString()));
    }

    [Fact]
    public async Task NoChangeWithinTheHorizonSaysSoDistinctly()
    {
        var (body, agency) = await AgencyAsync("consultation", "2026-11-30T10:00");
        var fbs = body.GetProperty("results")[0].GetProperty("fallbacks").EnumerateArray().Concat(body.GetProperty("results")[0].GetProperty("agencies").EnumerateArray())
            .Single(a => a.GetProperty("agencyId").GetString() == "fbs-by");
        var mail = fbs.GetProperty("contacts").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "c-fbs-mail");
        Assert.Equal((false, JsonValueKind.Null, "none_within_horizon"),
            (mail.GetProperty("reachableNow").GetBoolean(), mail.GetProperty("nextChange").ValueKind, mail.GetProperty("nextChangeStatus").GetString()));
        Assert.Equal("none_within_horizon", fbs.GetProperty("nextChangeStatus").GetString());
        Assert.Equal("scheduled", agency.GetProperty("nextChangeStatus").GetString());
    }

    [Fact]
    public async Task OfficeHoursAreScheduled()
    {
        var (_, agency) = await AgencyAsync("taking_into_care", "2026-11-30T10:00");
        Assert.Equal(("2026-11-30T16:00:00+01:00", "scheduled"), (agency.GetProperty("nextChange").GetString(), agency.GetProperty("nextChangeStatus").GetString()));
    }
}
