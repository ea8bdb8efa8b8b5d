using NetworkDirectory.Api.Auth;

namespace NetworkDirectory.Tests.Auth;

public sealed class JwtAuthenticationTests(AuthApiFactory factory) : IClassFixture<AuthApiFactory>
{
    [Fact]
    public async Task CoordinatorTokenMapsRoleAndRegionScope()
    {
        var token = AuthApiFactory.Token(new()
        {
            ["sub"] = "user-17", ["name"] = "Koordination Bayern", ["role"] = "coordinator", ["region_scope"] = new[] { "09", "09162" },
        });

        var me = await HttpAssert.OkAsync(await factory.CreateClientWithToken(token).GetAsync("/v1/me"));

        Assert.Equal("Koordination Bayern", me.GetProperty("name").GetString());
        Assert.Equal("coordinator", me.GetProperty("role").GetString());
        Assert.Equal(["09", "09162"], me.GetProperty("scope").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("user-17", me.GetProperty("id").GetString());
        Assert.Equal("Bearer", me.GetProperty("authenticatedBy").GetString());
    }

    [Fact]
    public async Task RolesArrayKeepsOnlyKnownRolesAndAStringScopeIsSplit()
    {
        var token = AuthApiFactory.Token(new() { ["sub"] = "svc", ["roles"] = new[] { "reader", "admin" }, ["region_scope"] = "02 04" });

        var client = factory.CreateClientWithToken(token);

        var me = await HttpAssert.OkAsync(await client.GetAsync("/v1/me"));
        Assert.Equal("admin", me.GetProperty("role").GetString());
        Assert.Equal(["02", "04"], me.GetProperty("scope").EnumerateArray().Select(s => s.GetString()));
        await HttpAssert.OkAsync(await client.GetAsync("/v1/admin/api-keys"));
    }

    [Fact]
    public async Task CoordinatorTokenOnAnAdminEndpointGets403()
    {
        var token = AuthApiFactory.Token(new() { ["sub"] = "c", ["role"] = "coordinator", ["region_scope"] = "09" });

        var problem = await HttpAssert.ProblemAsync(await factory.CreateClientWithToken(token).GetAsync("/v1/admin/api-keys"), 403);

        Assert.Contains("Your role 'coordinator'", problem.GetProperty("detail").GetString());
    }

    public static TheoryData<string, string> BadTokens => new()
    {
        { AuthApiFactory.Token(new() { ["sub"] = "x", ["role"] = "admin" }, signingKey: "another-signing-key-of-at-least-32-bytes!!"), "not valid" },
        { AuthApiFactory.Token(new() { ["sub"] = "x", ["role"] = "admin" }, audience: "someone-else"), "not valid" },
        { AuthApiFactory.Token(new() { ["sub"] = "x", ["role"] = "admin" }, expires: DateTime.UtcNow.AddHours(-1)), "expired" },
        { AuthApiFactory.Token(new() { ["sub"] = "x", ["role"] = "superuser" }), "names no role" },
        { AuthApiFactory.Token(new() { ["sub"] = "x", ["role"] = "coordinator" }), "needs a region_scope" },
        { AuthApiFactory.Token(new() { ["sub"] = "x", ["role"] = "coordinator", ["region_scope"] = "Bayern" }), "not a Land" },
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task BadTokensGet401WithABearerChallenge(string token, string expected)
    {
        var response = await factory.CreateClientWithToken(token).GetAsync("/v1/me");

        var problem = await HttpAssert.ProblemAsync(response, 401);
        Assert.Contains(expected, problem.GetProperty("detail").GetString());
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer" && h.Parameter!.Contains("invalid_token"));
    }

    [Fact]
    public async Task WithoutJwtConfigurationBearerTokensAreRefused()
    {
        using var plain = new ApiFactory();
        var client = plain.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", AuthApiFactory.Token(new() { ["sub"] = "x", ["role"] = "admin" }));

        var problem = await HttpAssert.ProblemAsync(await client.GetAsync("/v1/me"), 401);

        Assert.Contains("does not accept bearer tokens", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=", 32)]
    [InlineData("plain-text-key-that-is-long-enough-0123", 39)]
    public void SigningKeyIsBase64OrPlainText(string configured, int bytes)
    {
        Assert.Equal(bytes, JwtClaimMapping.KeyBytes(configured).Length);
    }

    [Fact]
    public void ShortSigningKeyIsRefused()
    {
        Assert.Throws<InvalidOperationException>(() => JwtClaimMapping.KeyBytes("too-short"));
    }
}
