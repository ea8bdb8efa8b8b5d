using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NetworkDirectory.Api.Auth;

namespace NetworkDirectory.Tests.Auth;

public sealed class ApiKeyAuthenticationTests(AuthApiFactory factory) : IClassFixture<AuthApiFactory>
{
    [Fact]
    public async Task AdminKeyListsKeys()
    {
        factory.CreateSeededClient();
        var key = await factory.CreateApiKeyAsync(Roles.Admin);

        var list = await HttpAssert.OkAsync(await factory.CreateClientWithKey(key).GetAsync("/v1/admin/api-keys"));

        ApiKeySecret.TryParse(key, out var id, out _);
        Assert.Contains(list.EnumerateArray(), k => k.GetProperty("id").GetString() == id && k.GetProperty("role").GetString() == "admin");
    }

    [Fact]
    public async Task XApiKeyHeaderAuthenticates()
    {
        factory.CreateSeededClient();
        var key = await factory.CreateApiKeyAsync(Roles.Coordinator, "09", "02");
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);

        var me = await HttpAssert.OkAsync(await client.GetAsync("/v1/me"));

        Assert.Equal("coordinator", me.GetProperty("role").GetString());
        Assert.Equal(["02", "09"], me.GetProperty("scope").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("ApiKey", me.GetProperty("authenticatedBy").GetString());
    }

    [Theory]
    [InlineData("ApiKey nd_0123456789abcdef_wrongsecretwrongsecretwrongsecretwrongsecr", "not valid")]
    [InlineData("ApiKey not-a-key", "malformed")]
    [InlineData("ApiKey", "malformed")]
    [InlineData("Basic dXNlcjpwYXNz", "'Basic' is not supported")]
    [InlineData("Bearer a.b.c", "not valid")]
    public async Task BadCredentialsOnAProtectedEndpointGet401ProblemWithChallenge(string authorization, string expected)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);

        var response = await client.GetAsync("/v1/admin/api-keys");

        var problem = await HttpAssert.ProblemAsync(response, 401);
        Assert.Contains(expected, problem.GetProperty("detail").GetString());
        Assert.NotEmpty(response.Headers.WwwAuthenticate);
    }

    [Fact]
    public async Task WrongSecretForAnExistingKeyIsRejected()
    {
        factory.CreateSeededClient();
        var key = await factory.CreateApiKeyAsync(Roles.Admin);

        var response = await factory.CreateClientWithKey(key[..^4] + "AAAA").GetAsync("/v1/me");

        var problem = await HttpAssert.ProblemAsync(response, 401);
        Assert.Contains("not valid", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ExpiredKeyIsRejected()
    {
        factory.CreateSeededClient();
        var key = await factory.CreateApiKeyAsync(Roles.Admin, DateTimeOffset.UtcNow.AddMinutes(-1));

        var problem = await HttpAssert.ProblemAsync(await factory.CreateClientWithKey(key).GetAsync("/v1/me"), 401);

        Assert.Contains("expired", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task RevokedKeyStopsWorkingWithTheNextRequest()
    {
        factory.CreateSeededClient();
        var admin = factory.CreateClientWithKey(await factory.CreateApiKeyAsync(Roles.Admin));
        var key = await factory.CreateApiKeyAsync(Roles.Professional);
        ApiKeySecret.TryParse(key, out var id, out _);
        await HttpAssert.OkAsync(await factory.CreateClientWithKey(key).GetAsync("/v1/me"));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/v1/admin/api-keys/{id}")).StatusCode);

        var problem = await HttpAssert.ProblemAsync(await factory.CreateClientWithKey(key).GetAsync("/v1/me"), 401);
        Assert.Contains("revoked", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task NoCredentialsOnAnAdminEndpointSaysHowToSendAKey()
    {
        var response = await factory.CreateClient().GetAsync("/v1/admin/api-keys");

        var problem = await HttpAssert.ProblemAsync(response, 401);
        Assert.Contains("Send Authorization: ApiKey <key>", problem.GetProperty("detail").GetString());
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "ApiKey");
    }

    [Fact]
    public async Task CoordinatorOnAnAdminEndpointGets403NamingTheRole()
    {
        factory.CreateSeededClient();
        var key = await factory.CreateApiKeyAsync(Roles.Coordinator, "09");

        var problem = await HttpAssert.ProblemAsync(await factory.CreateClientWithKey(key).GetAsync("/v1/admin/api-keys"), 403);

        Assert.Contains("Your role 'coordinator' may not", problem.GetProperty("detail").GetString());
        Assert.Contains("admin", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AnonymousReadOfThePublicDirectoryStillWorks()
    {
        var response = await factory.CreateSeededClient().GetAsync("/v1/agencies");

        var page = await HttpAssert.OkAsync(response);
        Assert.True(page.GetProperty("total").GetInt32() > 0);
    }

    [Fact]
    public async Task InvalidKeyOnAPublicEndpointGets401()
    {
        factory.CreateSeededClient();

        var response = await factory.CreateClientWithKey("nd_0123456789abcdef_nope").GetAsync("/v1/agencies");

        await HttpAssert.ProblemAsync(response, 401);
        Assert.NotEmpty(response.Headers.WwwAuthenticate);
    }

    [Fact]
    public async Task ValidKeyOnAPublicEndpointWorks()
    {
        factory.CreateSeededClient();
        var key = await factory.CreateApiKeyAsync(Roles.Professional);

        var response = await factory.CreateClientWithKey(key).GetFromJsonAsync<JsonElement>("/v1/agencies");

        Assert.True(response.GetProperty("total").GetInt32() > 0);
    }
}
