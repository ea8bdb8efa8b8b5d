using NetworkDirectory.Api.Auth;

namespace NetworkDirectory.Tests.Auth;

public sealed class ApiKeyCommandTests(AuthApiFactory factory) : IClassFixture<AuthApiFactory>
{
    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        factory.CreateSeededClient();
        var output = new StringWriter();
        var error = new StringWriter();
        var command = ApiKeyCommands.TryRun(args, factory.Services, output, error);
        Assert.NotNull(command);
        return (await command, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task CreateListAndRevokeAKey()
    {
        var (code, output, _) = await RunAsync("keys", "create", "--name", "Koordination Bayern", "--role", "coordinator",
            "--scope", "09", "--scope", "09162", "--expires", "2099-12-31");

        Assert.Equal(0, code);
        var key = output.Split('\n', StringSplitOptions.TrimEntries).Single(l => l.StartsWith("nd_", StringComparison.Ordinal));
        Assert.True(ApiKeySecret.TryParse(key, out var id, out var secret));
        Assert.Contains("works through 2099-12-31", output);
        await HttpAssert.OkAsync(await factory.CreateClientWithKey(key).GetAsync("/v1/me"));

        var (_, list, _) = await RunAsync("keys", "list");
        var line = list.Split('\n').Single(l => l.StartsWith(id, StringComparison.Ordinal));
        Assert.Contains("Koordination Bayern\tcoordinator\t09,09162", line);
        Assert.EndsWith("active", line.TrimEnd());
        Assert.DoesNotContain(secret, list);

        var (revoked, revokeOutput, _) = await RunAsync("keys", "revoke", id);
        Assert.Equal(0, revoked);
        Assert.Contains(id, revokeOutput);
        await HttpAssert.ProblemAsync(await factory.CreateClientWithKey(key).GetAsync("/v1/me"), 401);
        Assert.EndsWith("revoked", (await RunAsync("keys", "list")).Output.Split('\n').Single(l => l.StartsWith(id, StringComparison.Ordinal)).TrimEnd());
    }

    [Theory]
    [InlineData("keys", "create", "--name", "X", "--role", "coordinator")]
    [InlineData("keys", "create", "--name", "X", "--role", "admin", "--expires", "31.12.2027")]
    [InlineData("keys", "create", "--name", "X", "--role", "admin", "--scope", "99")]
    [InlineData("keys", "create", "--name")]
    [InlineData("keys", "revoke", "0000000000000000")]
    [InlineData("keys", "rotate")]
    public async Task BadCommandsFailWithAMessage(params string[] args)
    {
        var (code, output, error) = await RunAsync(args);

        Assert.NotEqual(0, code);
        Assert.False(string.IsNullOrWhiteSpace(error));
        Assert.DoesNotContain("nd_", output);
    }

    [Fact]
    public async Task HostSettingsOnTheCommandLineAreIgnored()
    {
        var (code, output, _) = await RunAsync("keys", "create", "--Database:Path", "/tmp/ignored.db", "--name", "Leitung", "--role", "admin", "--Database:LoadSample=false");
        Assert.Equal(0, code);
        var id = output.Split(' ')[2];

        var (revoked, _, error) = await RunAsync("keys", "revoke", id, "--Database:Path=/tmp/ignored.db");

        Assert.True(revoked == 0, error);
    }

    [Theory]
    [InlineData]
    [InlineData("--urls", "http://localhost:5080")]
    [InlineData("key", "list")]
    public void OtherArgumentsAreNotAKeysCommand(params string[] args)
    {
        Assert.Null(ApiKeyCommands.TryRun(args, factory.Services));
    }
}
