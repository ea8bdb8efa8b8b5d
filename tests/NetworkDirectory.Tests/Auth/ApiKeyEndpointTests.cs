using System.Net;
using System.Net.Http.Json;
using NetworkDirectory.Api.Auth;

namespace NetworkDirectory.Tests.Auth;

public sealed class ApiKeyEndpointTests(AuthApiFactory factory) : IClassFixture<AuthApiFactory>
{
    private async Task<HttpClient> AdminAsync()
    {
        factory.CreateSeededClient();
        return factory.CreateClientWithKey(await factory.CreateApiKeyAsync(Roles.Admin));
    }

    [Fact]
    public async Task CreateShowsTheKeyOnceAndTheKeyWorks()
    {
        var admin = await AdminAsync();

        var response = await admin.PostAsJsonAsync("/v1/admin/api-keys",
            new { name = "Koordination Bayern", role = "coordinator", scope = new[] { "09162", "09" }, expiresOn = "2099-12-31" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await HttpAssert.OkAsync(response);
        var key = created.GetProperty("key").GetString()!;
        var id = created.GetProperty("apiKey").GetProperty("id").GetString()!;
        Assert.Equal($"/v1/admin/api-keys/{id}", response.Headers.Location?.AbsolutePath);
        Assert.Equal(["09", "09162"], created.GetProperty("apiKey").GetProperty("scope").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero), created.GetProperty("apiKey").GetProperty("expiresAt").GetDateTimeOffset());

        var me = await HttpAssert.OkAsync(await factory.CreateClientWithKey(key).GetAsync("/v1/me"));
        Assert.Equal("Koordination Bayern", me.GetProperty("name").GetString());
        Assert.Equal(id, me.GetProperty("id").GetString());

        var shown = await admin.GetStringAsync(response.Headers.Location);
        var list = await admin.GetStringAsync("/v1/admin/api-keys");
        ApiKeySecret.TryParse(key, out _, out var secret);
        Assert.DoesNotContain(secret, shown);
        Assert.DoesNotContain(secret, list);
        Assert.DoesNotContain("hash", list);
        Assert.DoesNotContain("salt", list);
    }

    [Theory]
    [InlineData("", "admin", null, null, "name")]
    [InlineData("Leitung", "boss", null, null, "role")]
    [InlineData("Koordination", "coordinator", null, null, "scope")]
    [InlineData("Koordination", "coordinator", "9", null, "scope")]
    [InlineData("Koordination", "coordinator", "99", null, "scope")]
    [InlineData("Leitung", "admin", null, "2020-01-01", "expiresOn")]
    public async Task InvalidRequestsNameTheField(string name, string role, string? scope, string? expiresOn, string field)
    {
        var admin = await AdminAsync();

        var response = await admin.PostAsJsonAsync("/v1/admin/api-keys",
            new { name, role, scope = scope is null ? Array.Empty<string>() : [scope], expiresOn });

        var message = await HttpAssert.InvalidAsync(response, field);
        Assert.False(string.IsNullOrWhiteSpace(message));
    }

    [Fact]
    public async Task RevokingAnUnknownKeyIs404Problem()
    {
        var admin = await AdminAsync();

        var problem = await HttpAssert.ProblemAsync(await admin.DeleteAsync("/v1/admin/api-keys/0000000000000000"), 404);

        Assert.Contains("0000000000000000", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ListMarksRevokedKeys()
    {
        var admin = await AdminAsync();
        var key = await factory.CreateApiKeyAsync(Roles.Professional);
        ApiKeySecret.TryParse(key, out var id, out _);

        await admin.DeleteAsync($"/v1/admin/api-keys/{id}");

        var shown = await HttpAssert.OkAsync(await admin.GetAsync($"/v1/admin/api-keys/{id}"));
        Assert.Equal("revoked", shown.GetProperty("status").GetString());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, shown.GetProperty("revokedAt").ValueKind);
    }
}
