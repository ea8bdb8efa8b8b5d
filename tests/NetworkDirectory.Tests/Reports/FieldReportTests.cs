using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dapper;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace NetworkDirectory.Tests.Reports;

/// <summary>Reports from the field on the test network: 'fr-test' is an open report about Jugendamt München (09162000) with a reply address.</summary>
public sealed class FieldReportTests : IDisposable
{
    private const string ReplyTo = "melder@example.org";
    private readonly ApiFactory _factory = new();

    private static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

    private static HttpRequestMessage Status(string id, string json, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/reports/{id}/status") { Content = Body(json) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        return request;
    }

    [Fact]
    public async Task AnAnonymousReporterGetsA201WithTheIdOnlyAndTheCoordinatorSeesTheReport()
    {
        var anonymous = _factory.CreateSeededClient();
        var response = await anonymous.PostAsync("/v1/reports", Body("""{"kind":"wrong_number","contactId":"c-ja-muc-office","message":"Kein Anschluss unter dieser Nummer","replyTo":"jemand@example.org"}"""));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var receipt = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = receipt.GetProperty("id").GetString()!;
        Assert.Equal(["id"], receipt.EnumerateObject().Select(p => p.Name));
        Assert.EndsWith($"/v1/reports/{id}", response.Headers.Location!.ToString());

        var coordinator = _factory.CreateClientAs("coordinator", "09");
        var report = await HttpAssert.OkAsync(await coordinator.GetAsync($"/v1/reports/{id}"));
        Assert.Equal(("ja-muc", "09162000", "open", "jemand@example.org"),
            (report.GetProperty("agencyId").GetString(), report.GetProperty("regionKey").GetString(), report.GetProperty("status").GetString(), report.GetProperty("replyTo").GetString()));
        Assert.Equal(JsonValueKind.Null, report.GetProperty("reporter").ValueKind);
    }

    [Fact]
    public async Task AReportWithAKeyRecordsTheReporter()
    {
        var professional = _factory.CreateClientAs("professional");
        var response = await professional.PostAsync("/v1/reports", Body("""{"kind":"agency_closed","agencyId":"ja-lkm","message":"Seit Montag geschlossen"}"""));
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var report = await HttpAssert.OkAsync(await _factory.CreateClientAs("admin").GetAsync($"/v1/reports/{id}"));
        Assert.Equal("Test professional", report.GetProperty("reporter").GetString());
    }

    [Theory]
    [InlineData("""{"kind":"spam","agencyId":"ja-muc","message":"x"}""", "kind")]
    [InlineData("""{"kind":"other","agencyId":"ja-muc","message":""}""", "message")]
    [InlineData("""{"kind":"other","agencyId":"ja-muc"}""", "message")]
    [InlineData("""{"kind":"other","message":"x"}""", "agencyId")]
    [InlineData("""{"kind":"other","agencyId":"nope","message":"x"}""", "agencyId")]
    [InlineData("""{"kind":"other","contactId":"nope","message":"x"}""", "contactId")]
    [InlineData("""{"kind":"other","agencyId":"ja-lkm","contactId":"c-ja-muc-office","message":"x"}""", "contactId")]
    [InlineData("""{"kind":"other","agencyId":"ja-muc","message":"x","replyTo":"not-an-address"}""", "replyTo")]
    public async Task AnInvalidReportNamesTheField(string json, string field) =>
        await HttpAssert.InvalidAsync(await _factory.CreateSeededClient().PostAsync("/v1/reports", Body(json)), field);

    [Fact]
    public async Task AMessageLongerThanTheBoundIsRefused()
    {
        var json = JsonSerializer.Serialize(new { kind = "other", agencyId = "ja-muc", message = new string('x', 1001) });
        var reason = await HttpAssert.InvalidAsync(await _factory.CreateSeededClient().PostAsync("/v1/reports", Body(json)), "message");
        Assert.Contains("1000", reason);
    }

    [Fact]
    public async Task AnonymousReportsAreRateLimitedPerSenderWithRetryAfter()
    {
        using var limited = _factory.WithWebHostBuilder(b => b.UseSetting("FieldReports:PerHour", "3"));
        var client = limited.CreateClient();
        _ = limited.Services; // started
        using (var connection = _factory.OpenDatabase())
        {
            connection.Execute(TestNetwork.Sql);
        }
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/v1/reports", Body("""{"kind":"other","agencyId":"ja-muc","message":"x"}"""))).StatusCode);
        }
        var refused = await client.PostAsync("/v1/reports", Body("""{"kind":"other","agencyId":"ja-muc","message":"x"}"""));
        var problem = await HttpAssert.ProblemAsync(refused, 429);
        Assert.Contains("3 reports per hour", problem.GetProperty("detail").GetString());
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
    }

    [Fact]
    public async Task AnonymousCallersAndProfessionalsCannotList()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await _factory.CreateSeededClient().GetAsync("/v1/reports")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _factory.CreateSeededClient().GetAsync("/v1/reports/fr-test")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _factory.CreateClientAs("professional").GetAsync("/v1/reports")).StatusCode);
    }

    [Fact]
    public async Task ACoordinatorOfAnotherLandNeitherSeesNorChangesTheReport()
    {
        var hamburg = _factory.CreateClientAs("coordinator", "02");
        var list = await HttpAssert.OkAsync(await hamburg.GetAsync("/v1/reports"));
        Assert.Equal(0, list.GetProperty("total").GetInt32());
        await HttpAssert.ProblemAsync(await hamburg.GetAsync("/v1/reports?region=09"), 403);
        await HttpAssert.ProblemAsync(await hamburg.GetAsync("/v1/reports/fr-test"), 403);
        await HttpAssert.ProblemAsync(await hamburg.SendAsync(Status("fr-test", """{"status":"rejected"}""", "*")), 403);
        using var connection = _factory.OpenDatabase();
        Assert.Equal("open", connection.QuerySingle<string>("SELECT status FROM field_reports WHERE id = 'fr-test'"));
    }

    [Fact]
    public async Task TheReplyAddressIsShownToTheRegionsCoordinatorsOnly()
    {
        var bayern = _factory.CreateClientAs("coordinator", "09");
        var list = await HttpAssert.OkAsync(await bayern.GetAsync("/v1/reports?region=09&status=open"));
        Assert.Equal(ReplyTo, Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("replyTo").GetString());

        // Nowhere else: not in the freshness report, the agency, the lookup, nor the audit after a decision.
        var etag = (await bayern.GetAsync("/v1/reports/fr-test")).Headers.ETag!.Tag;
        Assert.Equal(HttpStatusCode.OK, (await bayern.SendAsync(Status("fr-test", """{"status":"accepted","note":"Nummer geprüft"}""", etag))).StatusCode);
        foreach (var url in new[] { "/v1/regions/09/freshness", "/v1/agencies/ja-muc", "/v1/lookup?regionKey=09162", "/v1/audit", "/v1/audit/field_report/fr-test" })
        {
            var body = await (await bayern.GetAsync(url)).Content.ReadAsStringAsync();
            Assert.DoesNotContain(ReplyTo, body);
        }
        Assert.DoesNotContain(ReplyTo, await (await _factory.CreateClient().GetAsync("/v1/agencies/ja-muc")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ACoordinatorSetsTheStatusWithIfMatchAndTheChangeIsAudited()
    {
        var bayern = _factory.CreateClientAs("coordinator", "09162");
        await HttpAssert.ProblemAsync(await bayern.SendAsync(Status("fr-test", """{"status":"accepted"}""", null)), 428);
        await HttpAssert.ProblemAsync(await bayern.SendAsync(Status("fr-test", """{"status":"accepted"}""", "\"99\"")), 412);
        await HttpAssert.InvalidAsync(await bayern.SendAsync(Status("fr-test", """{"status":"done"}""", "*")), "status");

        var read = await bayern.GetAsync("/v1/reports/fr-test");
        var changed = await HttpAssert.OkAsync(await bayern.SendAsync(Status("fr-test", """{"status":"rejected","note":"Nummer ist korrekt"}""", read.Headers.ETag!.Tag)));
        Assert.Equal(("rejected", "Nummer ist korrekt"), (changed.GetProperty("status").GetString(), changed.GetProperty("statusNote").GetString()));
        await HttpAssert.ProblemAsync(await bayern.SendAsync(Status("fr-test", """{"status":"open"}""", read.Headers.ETag!.Tag)), 412);

        using var connection = _factory.OpenDatabase();
        var audit = connection.QuerySingle<(string Action, string Region, string After)>(
            "SELECT action, region_key, after_json FROM audit WHERE entity_type = 'field_report' AND entity_id = 'fr-test'");
        Assert.Equal(("patch", "09162000"), (audit.Action, audit.Region));
        Assert.Contains("rejected", audit.After);
    }

    [Fact]
    public async Task TheFreshnessReportCountsOpenReportsPerNetwork()
    {
        var admin = _factory.CreateClientAs("admin");
        await admin.PostAsync("/v1/reports", Body("""{"kind":"agency_closed","agencyId":"ja-lkm","message":"zu"}"""));
        var report = await HttpAssert.OkAsync(await admin.GetAsync("/v1/regions/09/freshness"));
        var networks = report.GetProperty("networks").EnumerateArray().ToDictionary(n => n.GetProperty("name").GetString()!, n => n.GetProperty("openReports").GetInt32());
        Assert.Equal(1, networks["Netzwerk Bayern (Test)"]);
        Assert.Equal(1, networks["Agencies not in any network"]);
    }

    public void Dispose() => _factory.Dispose();
}
