using System.Net.Http.Json;
using Dapper;

namespace NetworkDirectory.Tests.Schedules;

/// <summary>PUT /v1/admin/holiday-rules/{rule}: an admin replaces a Gemeinde list; audited; lookups follow at once.</summary>
public sealed class HolidayRuleAdminTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task AnAdminReplacesAListAndLookupsFollowIt()
    {
        var anonymous = factory.CreateSeededClient();
        RegionalHolidayLookupTests.Seed(factory);
        Assert.True((await RegionalHolidayLookupTests.OfficeAsync(anonymous, "09564000", "2025-08-15T10:00")).GetProperty("reachableNow").GetBoolean());

        var admin = factory.CreateClientAs("admin");
        var response = await admin.PutAsJsonAsync("/v1/admin/holiday-rules/mariae-himmelfahrt-by", new
        {
            defaultHoliday = false,
            entries = new[] { new { keyPrefix = "09564", holiday = true, source = "test: Nürnberg counted in" } },
        });
        var body = await HttpAssert.OkAsync(response);
        Assert.Equal((false, "09564", true), (body.GetProperty("defaultHoliday").GetBoolean(),
            body.GetProperty("entries")[0].GetProperty("keyPrefix").GetString(), body.GetProperty("entries")[0].GetProperty("holiday").GetBoolean()));

        var nuernberg = await RegionalHolidayLookupTests.OfficeAsync(anonymous, "09564000", "2025-08-15T10:00");
        Assert.False(nuernberg.GetProperty("reachableNow").GetBoolean());
        Assert.EndsWith("the holiday list counts this place in)", nuernberg.GetProperty("reason").GetString());
        // Oberbayern is no longer listed and the default is now "not a holiday": München is open, and says what it assumed.
        var muenchen = await RegionalHolidayLookupTests.OfficeAsync(anonymous, "09162000", "2025-08-15T10:00");
        Assert.True(muenchen.GetProperty("reachableNow").GetBoolean());
        Assert.EndsWith("the holiday list does not name this Gemeinde, so it is assumed not to be one)", muenchen.GetProperty("reason").GetString());

        using var connection = factory.OpenDatabase();
        var audit = connection.QuerySingle<(string Action, string EntityId, string Before, string After)>(
            "SELECT action, entity_id, before_json, after_json FROM audit WHERE entity_type = 'holiday_rule'");
        Assert.Equal(("replace", "mariae-himmelfahrt-by"), (audit.Action, audit.EntityId));
        Assert.Contains("\"keyPrefix\":\"091\"", audit.Before);
        Assert.Contains("\"keyPrefix\":\"09564\"", audit.After);
    }

    [Fact]
    public async Task AnEntryOutsideTheRulesLandIsRefusedByName()
    {
        var admin = factory.CreateClientAs("admin");
        var response = await admin.PutAsJsonAsync("/v1/admin/holiday-rules/fronleichnam-sn", new
        {
            entries = new[] { new { keyPrefix = "09564", holiday = true, source = "wrong Land" } },
        });
        Assert.Contains("not 2–8 digits of an official key in Land 14", await HttpAssert.InvalidAsync(response, "entries[0].keyPrefix"));
    }

    [Fact]
    public async Task AnUnknownRuleIsNotFound()
    {
        var admin = factory.CreateClientAs("admin");
        var response = await admin.PutAsJsonAsync("/v1/admin/holiday-rules/reformationstag-by", new { entries = Array.Empty<object>() });
        await HttpAssert.ProblemAsync(response, 404);
    }
}
