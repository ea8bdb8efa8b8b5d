using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dapper;

namespace NetworkDirectory.Tests.Writes;

public sealed class AgencyWriteTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _anonymous = factory.CreateSeededClient();
    private readonly HttpClient _bayern = factory.CreateClientAs("coordinator", "09");
    private readonly HttpClient _hamburg = factory.CreateClientAs("coordinator", "02");

    private static object NewAgency(string name = "Jugendamt Testkreis", string region = "09184") => new
    {
        name, kind = "youth_welfare_office", @operator = "Landkreis", address = new { street = "Weg 1", postalCode = "82008", city = "Unterhaching" },
        regionKey = region, location = new { latitude = 48.07, longitude = 11.61 }, website = "https://ja-test.example.org",
        email = "ja@example.org", languages = new[] { "de", "en" }, accessibility = (string?)null, internalNotes = "nur intern",
    };

    private long AuditRows(string entityId)
    {
        using var connection = factory.OpenDatabase();
        return connection.ExecuteScalar<long>("SELECT count(*) FROM audit WHERE entity_id = @entityId", new { entityId });
    }

    private async Task<(string Id, string ETag)> CreateAsync(object? body = null)
    {
        var response = await _bayern.PostAsJsonAsync("/v1/agencies", body ?? NewAgency());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (created.GetProperty("id").GetString()!, response.Headers.ETag!.Tag);
    }

    private static HttpRequestMessage WithIfMatch(HttpMethod method, string url, string? etag, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        }
        return request;
    }

    [Fact]
    public async Task CoordinatorCreatesAnAgencyInTheirRegion()
    {
        var response = await _bayern.PostAsJsonAsync("/v1/agencies", NewAgency());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetString()!;
        Assert.StartsWith("jugendamt-testkreis-", id);
        Assert.Equal($"/v1/agencies/{id}", response.Headers.Location!.AbsolutePath);
        Assert.Equal("\"1\"", response.Headers.ETag!.Tag);
        Assert.Equal(1, body.GetProperty("version").GetInt32());

        var detail = await HttpAssert.OkAsync(await _bayern.GetAsync($"/v1/agencies/{id}"));
        Assert.False(detail.GetProperty("sample").GetBoolean());
        Assert.Equal("nur intern", detail.GetProperty("internalNotes").GetString());
        var publicDetail = await HttpAssert.OkAsync(await _anonymous.GetAsync($"/v1/agencies/{id}"));
        Assert.Equal(JsonValueKind.Null, publicDetail.GetProperty("internalNotes").ValueKind);

        using var connection = factory.OpenDatabase();
        var audit = connection.QuerySingle<(string Action, string Actor, string? Before, string After)>(
            "SELECT action, actor, before_json, after_json FROM audit WHERE entity_id = @id", new { id });
        Assert.Equal("create", audit.Action);
        Assert.Contains("coordinator", audit.Actor);
        Assert.Null(audit.Before);
        Assert.Contains("Jugendamt Testkreis", audit.After);
    }

    [Fact]
    public async Task CoordinatorOfAnotherLandIsForbiddenAndNothingIsStored()
    {
        var response = await _hamburg.PostAsJsonAsync("/v1/agencies", NewAgency("Fremdes Jugendamt"));

        var problem = await HttpAssert.ProblemAsync(response, 403);
        Assert.Contains("02", problem.GetProperty("detail").GetString());
        using var connection = factory.OpenDatabase();
        Assert.Equal(0, connection.ExecuteScalar<long>("SELECT count(*) FROM agencies WHERE name = 'Fremdes Jugendamt'"));
        Assert.Equal(0, connection.ExecuteScalar<long>("SELECT count(*) FROM audit WHERE after_json LIKE '%Fremdes Jugendamt%'"));
    }

    [Theory]
    [InlineData("name", "\"name\": \"\"", "name is required")]
    [InlineData("kind", "\"kind\": \"police_car\"", "not a known agency kind")]
    [InlineData("regionKey", "\"regionKey\": \"09999\"", "not known")]
    [InlineData("regionKey", "\"regionKey\": \"12x\"", "not a region key")]
    [InlineData("website", "\"website\": \"http://insecure.example.org\"", "https")]
    [InlineData("email", "\"email\": \"not-an-address\"", "e-mail")]
    [InlineData("languages[1]", "\"languages\": [\"de\", \"deutsch!\"]", "BCP 47")]
    [InlineData("location", "\"location\": {\"latitude\": 40.4, \"longitude\": -3.7}", "not in Germany")]
    [InlineData("address.postalCode", "\"address\": {\"postalCode\": \"8033\"}", "5 digits")]
    [InlineData("colour", "\"colour\": \"blue\"", "not a known property")]
    public async Task InvalidFieldsAreNamedAndNothingIsWritten(string field, string json, string reason)
    {
        var body = JsonSerializer.SerializeToNode(NewAgency("Ungültig " + field))!.AsObject();
        var change = System.Text.Json.Nodes.JsonNode.Parse("{" + json + "}")!.AsObject();
        foreach (var (name, value) in change.ToList())
        {
            change.Remove(name);
            body[name] = value;
        }
        var response = await _bayern.PostAsync("/v1/agencies", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));

        Assert.Contains(reason, await HttpAssert.InvalidAsync(response, field));
        using var connection = factory.OpenDatabase();
        Assert.Equal(0, connection.ExecuteScalar<long>("SELECT count(*) FROM audit WHERE after_json LIKE @name", new { name = $"%Ungültig {field}%" }));
    }

    [Fact]
    public async Task ReplaceNeedsTheCurrentETag()
    {
        var (id, etag) = await CreateAsync();
        var body = JsonContent.Create(NewAgency("Jugendamt Testkreis (neu)"));

        await HttpAssert.ProblemAsync(await _bayern.SendAsync(WithIfMatch(HttpMethod.Put, $"/v1/agencies/{id}", null, body)), 428);
        await HttpAssert.ProblemAsync(await _bayern.SendAsync(WithIfMatch(HttpMethod.Put, $"/v1/agencies/{id}", "\"7\"", body)), 412);
        var ok = await _bayern.SendAsync(WithIfMatch(HttpMethod.Put, $"/v1/agencies/{id}", etag, JsonContent.Create(NewAgency("Jugendamt Testkreis (neu)"))));

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("\"2\"", ok.Headers.ETag!.Tag);
        Assert.Equal("Jugendamt Testkreis (neu)", (await HttpAssert.OkAsync(await _anonymous.GetAsync($"/v1/agencies/{id}"))).GetProperty("name").GetString());
        Assert.Equal(2, AuditRows(id));
    }

    [Fact]
    public async Task MergePatchChangesOnlyWhatItNamesAndNullRemoves()
    {
        var (id, etag) = await CreateAsync();
        var patch = new StringContent("""{"email": "neu@example.org", "website": null}""", Encoding.UTF8, "application/merge-patch+json");

        var response = await _bayern.SendAsync(WithIfMatch(HttpMethod.Patch, $"/v1/agencies/{id}", etag, patch));

        var body = await HttpAssert.OkAsync(response);
        var data = body.GetProperty("data");
        Assert.Equal("neu@example.org", data.GetProperty("email").GetString());
        Assert.Equal(JsonValueKind.Null, data.GetProperty("website").ValueKind);
        Assert.Equal("Jugendamt Testkreis", data.GetProperty("name").GetString());
        using var connection = factory.OpenDatabase();
        Assert.Equal("patch", connection.QuerySingle<string>("SELECT action FROM audit WHERE entity_id = @id ORDER BY id DESC LIMIT 1", new { id }));
    }

    [Fact]
    public async Task MergePatchWithAnotherMediaTypeIsUnsupported()
    {
        var (id, etag) = await CreateAsync();
        var response = await _bayern.SendAsync(WithIfMatch(HttpMethod.Patch, $"/v1/agencies/{id}", etag, new StringContent("email=x", Encoding.UTF8, "text/plain")));
        await HttpAssert.ProblemAsync(response, 415);
    }

    [Fact]
    public async Task DeleteRemovesFromReadsAndLookupsWhileTheAuditKeepsIt()
    {
        var (id, etag) = await CreateAsync();
        var deleted = await _bayern.SendAsync(WithIfMatch(HttpMethod.Delete, $"/v1/agencies/{id}", etag));

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await HttpAssert.ProblemAsync(await _anonymous.GetAsync($"/v1/agencies/{id}"), 404);
        using var connection = factory.OpenDatabase();
        var before = connection.QuerySingle<string>("SELECT before_json FROM audit WHERE entity_id = @id AND action = 'delete'", new { id });
        Assert.Contains("Jugendamt Testkreis", before);
    }

    [Fact]
    public async Task AgencyThatCoordinatesANetworkCannotBeDeleted()
    {
        var response = await _bayern.SendAsync(WithIfMatch(HttpMethod.Delete, "/v1/agencies/fbs-by", "*"));
        var problem = await HttpAssert.ProblemAsync(response, 409);
        Assert.Contains("net-by", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task VerifySetsTodayAndWhoVerified()
    {
        var (id, etag) = await CreateAsync();
        var response = await _bayern.SendAsync(WithIfMatch(HttpMethod.Post, $"/v1/agencies/{id}/verify", etag));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var detail = await HttpAssert.OkAsync(await _anonymous.GetAsync($"/v1/agencies/{id}"));
        Assert.Equal(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).DateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            detail.GetProperty("lastVerifiedOn").GetString());
        using var connection = factory.OpenDatabase();
        var after = connection.QuerySingle<string>("SELECT after_json FROM audit WHERE entity_id = @id AND action = 'verify'", new { id });
        Assert.Contains("lastVerifiedOn", after);
    }

    [Fact]
    public async Task TwoCoordinatorsEditingTheSameAgencyExactlyOneWins()
    {
        var (id, etag) = await CreateAsync();
        var colleague = factory.CreateClientAs("coordinator", "09184");

        var results = await Task.WhenAll(
            _bayern.SendAsync(WithIfMatch(HttpMethod.Put, $"/v1/agencies/{id}", etag, JsonContent.Create(NewAgency("Version A")))),
            colleague.SendAsync(WithIfMatch(HttpMethod.Put, $"/v1/agencies/{id}", etag, JsonContent.Create(NewAgency("Version B")))));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.PreconditionFailed], results.Select(r => r.StatusCode).Order());
        var winner = results.Single(r => r.StatusCode == HttpStatusCode.OK);
        var winnerName = (await winner.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data").GetProperty("name").GetString();
        var stored = await HttpAssert.OkAsync(await _anonymous.GetAsync($"/v1/agencies/{id}"));
        Assert.Equal(winnerName, stored.GetProperty("name").GetString());
        Assert.Equal(2, stored.GetProperty("version").GetInt32());
        Assert.Equal(2, AuditRows(id));
    }
}
