using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dapper;

namespace NetworkDirectory.Tests.Writes;

/// <summary>Every kind of write leaves exactly one audit row with the right before and after; a refused write leaves none.</summary>
public sealed class AuditTrailTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClientAs("coordinator", "09");

    public static TheoryData<string, string, string, string> Entities => new()
    {
        { "/v1/services", "service", """{"agencyId":"ja-muc","responsibility":"interpreting","coverage":{"regionKeys":["09162"]},"notes":"A"}""", """{"notes":"B"}""" },
        { "/v1/contacts", "contact", """{"agencyId":"ja-muc","kind":"hotline","channel":"phone","value":"+498999998444","visibility":"public","label":"A"}""", """{"label":"B"}""" },
        { "/v1/schedules", "schedule", """{"label":"A","holidayRegionKey":"09","alwaysOpen":true}""", """{"label":"B"}""" },
        { "/v1/networks", "network", """{"name":"A","scope":"regional","status":"planned","regionKeys":["09162"]}""", """{"name":"B"}""" },
        { "/v1/instruments", "instrument", """{"networkId":"net-by","type":"decree","title":"A","targetGroup":"both"}""", """{"title":"B"}""" },
        { "/v1/agencies", "agency", """{"name":"A","kind":"other","regionKey":"09162"}""", """{"name":"B"}""" },
    };

    private List<(string Action, string? Before, string? After)> Audit(string type, string id)
    {
        using var connection = factory.OpenDatabase();
        return connection.Query<(string, string?, string?)>(
            "SELECT action, before_json, after_json FROM audit WHERE entity_type = @type AND entity_id = @id ORDER BY id", new { type, id }).ToList();
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, string? body, string? etag, string mediaType = "application/json")
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, mediaType);
        if (etag is not null) request.Headers.TryAddWithoutValidation("If-Match", etag);
        return await _client.SendAsync(request);
    }

    [Theory]
    [MemberData(nameof(Entities))]
    public async Task CreatePatchReplaceDeleteEachLeaveOneRow(string collection, string type, string create, string patch)
    {
        var created = await SendAsync(HttpMethod.Post, collection, create, null);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var patched = await SendAsync(HttpMethod.Patch, $"{collection}/{id}", patch, "\"1\"", "application/merge-patch+json");
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var replaced = await SendAsync(HttpMethod.Put, $"{collection}/{id}", create, "\"2\"");
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var refused = await SendAsync(HttpMethod.Put, $"{collection}/{id}", "{}", "\"3\"");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var deleted = await SendAsync(HttpMethod.Delete, $"{collection}/{id}", null, "\"3\"");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        var rows = Audit(type, id);
        Assert.Equal(["create", "patch", "replace", "delete"], rows.Select(r => r.Action));
        Assert.Null(rows[0].Before);
        Assert.Contains("\"A\"", rows[0].After);
        Assert.Contains("\"A\"", rows[1].Before);
        Assert.Contains("\"B\"", rows[1].After);
        Assert.Contains("\"B\"", rows[2].Before);
        Assert.Contains("\"A\"", rows[2].After);
        Assert.Contains("\"version\":3", rows[3].Before);
        Assert.Null(rows[3].After);
    }

    [Fact]
    public async Task AWriteRefusedForScopeOrPreconditionLeavesNoRow()
    {
        var before = Count();
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(HttpMethod.Post, "/v1/agencies", """{"name":"X","kind":"other","regionKey":"02000"}""", null)).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await SendAsync(HttpMethod.Patch, "/v1/agencies/ja-muc", """{"name":"X"}""", "\"99\"", "application/merge-patch+json")).StatusCode);
        Assert.Equal((HttpStatusCode)428, (await SendAsync(HttpMethod.Delete, "/v1/agencies/ja-muc", null, null)).StatusCode);
        Assert.Equal(before, Count());
    }

    private long Count()
    {
        using var connection = factory.OpenDatabase();
        return connection.ExecuteScalar<long>("SELECT count(*) FROM audit");
    }
}
