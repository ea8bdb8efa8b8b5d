using System.Text;
using Dapper;
using NetworkDirectory.Api.Auth;

namespace NetworkDirectory.Tests.Auth;

public sealed class ApiKeyStorageTests(AuthApiFactory factory) : IClassFixture<AuthApiFactory>
{
    [Fact]
    public async Task OnlyASaltedHashOfTheSecretIsStored()
    {
        factory.CreateSeededClient();
        var key = await factory.CreateApiKeyAsync(Roles.Coordinator, "09");
        ApiKeySecret.TryParse(key, out var id, out var secret);

        using var connection = factory.OpenDatabase();
        var row = connection.QuerySingle<(string Prefix, byte[] Salt, byte[] Hash)>(
            "SELECT prefix, salt, hash FROM api_keys WHERE id = @id", new { id });
        var everyColumn = string.Join("|", connection.Query<string>(
            "SELECT id || name || role || prefix || hex(salt) || hex(hash) || created_at || expires_at || created_by FROM api_keys"));

        Assert.DoesNotContain(secret, everyColumn);
        Assert.DoesNotContain(Convert.ToHexString(Encoding.UTF8.GetBytes(secret)), everyColumn);
        Assert.Equal(32, row.Hash.Length);
        Assert.Equal(16, row.Salt.Length);
        Assert.Equal(ApiKeySecret.Hash(row.Salt, secret), row.Hash);
        Assert.StartsWith($"nd_{id}_", row.Prefix);
        Assert.True(row.Prefix.Length < key.Length / 2);
        Assert.Equal(["09"], connection.Query<string>("SELECT region_key FROM api_key_scopes WHERE key_id = @id", new { id }));
    }

    [Fact]
    public async Task TwoKeysWithTheSameRoleGetDifferentSaltsAndSecrets()
    {
        factory.CreateSeededClient();
        var first = await factory.CreateApiKeyAsync(Roles.Professional);
        var second = await factory.CreateApiKeyAsync(Roles.Professional);

        using var connection = factory.OpenDatabase();
        var salts = connection.Query<byte[]>("SELECT salt FROM api_keys").Select(Convert.ToHexString).ToList();

        Assert.NotEqual(first, second);
        Assert.Equal(salts.Count, salts.Distinct().Count());
    }

    [Theory]
    [InlineData("nd_0123456789abcdef_secret", true)]
    [InlineData("nd_0123456789ABCDEF_secret", false)]
    [InlineData("nd_0123456789abcde_secret", false)]
    [InlineData("xx_0123456789abcdef_secret", false)]
    [InlineData("nd_0123456789abcdef_", false)]
    [InlineData("nd_0123456789abcdef_sec ret", false)]
    public void KeyFormatIsParsedStrictly(string key, bool valid)
    {
        Assert.Equal(valid, ApiKeySecret.TryParse(key, out _, out _));
    }

    [Fact]
    public void GeneratedKeysParseAndCarry256RandomBits()
    {
        var (id, key) = ApiKeySecret.Generate();

        Assert.True(ApiKeySecret.TryParse(key, out var parsedId, out var secret));
        Assert.Equal(id, parsedId);
        Assert.Equal(32, System.Buffers.Text.Base64Url.DecodeFromChars(secret).Length);
    }
}
