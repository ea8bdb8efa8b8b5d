using Dapper;
using Microsoft.Data.Sqlite;
using NetworkDirectory.Api.Auth;
using NetworkDirectory.Tests.Auth;

namespace NetworkDirectory.Tests.Commands;

/// <summary>The keys commands through the command-line entry point, against the test server's database.</summary>
public sealed class KeysCommandTests(AuthApiFactory factory) : IClassFixture<AuthApiFactory>
{
    private Task<CliRun.Result> RunAsync(params string[] args)
    {
        factory.CreateSeededClient();
        return CliRun.RunAsync([.. args, $"--Database:Path={factory.DatabasePath}"]);
    }

    [Fact]
    public async Task CreateListAndRevokeAKey()
    {
        var created = await RunAsync("keys", "create", "--name", "Koordination Bayern", "--role", "coordinator",
            "--scope", "09", "--scope", "09162", "--expires", "2099-12-31");

        Assert.True(created.Code == 0, created.Error);
        var key = created.OutputLines.Single(l => l.StartsWith("nd_", StringComparison.Ordinal));
        Assert.True(ApiKeySecret.TryParse(key, out var id, out var secret));
        Assert.Contains("works through 2099-12-31", created.Output);
        await HttpAssert.OkAsync(await factory.CreateClientWithKey(key).GetAsync("/v1/me"));

        var list = await RunAsync("keys", "list");
        var line = list.OutputLines.Single(l => l.StartsWith(id, StringComparison.Ordinal));
        Assert.Contains("Koordination Bayern\tcoordinator\t09,09162", line);
        Assert.EndsWith("active", line);
        Assert.DoesNotContain(secret, list.Output);

        var revoked = await RunAsync("keys", "revoke", id);
        Assert.Equal(0, revoked.Code);
        Assert.Equal($"Revoked key {id}.", Assert.Single(revoked.OutputLines));
        await HttpAssert.ProblemAsync(await factory.CreateClientWithKey(key).GetAsync("/v1/me"), 401);
        Assert.EndsWith("revoked", (await RunAsync("keys", "list")).OutputLines.Single(l => l.StartsWith(id, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task CreatingAKeyPrintsOnlyItsThreeLinesAndLoadsNothingElse()
    {
        var database = CliRun.TempDatabase();
        try
        {
            var created = await CliRun.RunAsync("keys", "create", "--name", "Leitung", "--role", "admin", $"--Database:Path={database}");

            Assert.Equal(0, created.Code);
            Assert.Equal("", created.Error);
            Assert.Collection(created.OutputLines,
                first => Assert.Matches(@"^Created key [0-9a-f]{16} 'Leitung' \(admin; scope -; works through \d{4}-\d{2}-\d{2}, UTC\)\.$", first),
                second => Assert.Equal("The key is shown only now; store it safely:", second),
                third => Assert.StartsWith("nd_", third));
            // Migrated, but neither the sample network nor anything else was loaded into the new database.
            using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
            Assert.Equal(0, connection.ExecuteScalar<long>("SELECT count(*) FROM agencies"));
            Assert.Equal(1, connection.ExecuteScalar<long>("SELECT count(*) FROM api_keys"));
        }
        finally
        {
            CliRun.DeleteDatabase(database);
        }
    }

    [Fact]
    public async Task CreateAPartnerKeyWithOriginsAndAQuota()
    {
        var created = await RunAsync("keys", "create", "--name", "Stadtportal", "--role", "partner",
            "--origin", "https://www.stadt.example", "--origin", "http://localhost:8080", "--requests-per-minute", "30");

        Assert.True(created.Code == 0, created.Error);
        Assert.Contains("(partner; origins http://localhost:8080,https://www.stadt.example; 30 requests per minute;", created.Output);
        var key = created.OutputLines.Single(l => l.StartsWith("nd_", StringComparison.Ordinal));
        var me = await HttpAssert.OkAsync(await factory.CreateClientWithKey(key).GetAsync("/v1/me"));
        Assert.Equal("partner", me.GetProperty("role").GetString());
    }

    [Theory]
    [InlineData(2, "--scope", "keys", "create", "--name", "X", "--role", "coordinator")]
    [InlineData(2, "--origin", "keys", "create", "--name", "X", "--role", "partner", "--origin", "https://www.stadt.example/")]
    [InlineData(2, "--origin", "keys", "create", "--name", "X", "--role", "admin", "--origin", "https://www.stadt.example")]
    [InlineData(2, "--requests-per-minute", "keys", "create", "--name", "X", "--role", "partner", "--requests-per-minute", "0")]
    [InlineData(2, "--expires", "keys", "create", "--name", "X", "--role", "admin", "--expires", "31.12.2027")]
    [InlineData(2, "--expires", "keys", "create", "--name", "X", "--role", "admin", "--expires", "2001-01-01")]
    [InlineData(2, "--scope", "keys", "create", "--name", "X", "--role", "admin", "--scope", "99")]
    [InlineData(2, "--role", "keys", "create", "--name", "X", "--role", "boss")]
    [InlineData(2, "--name", "keys", "create", "--name")]
    [InlineData(2, "--name", "keys", "create", "--role", "admin")]
    [InlineData(2, "rotate", "keys", "rotate")]
    [InlineData(1, "0000000000000000", "keys", "revoke", "0000000000000000")]
    public async Task BadCommandsFailWithAMessageNamingWhatIsWrong(int expectedCode, string named, params string[] args)
    {
        var result = await RunAsync(args);

        Assert.Equal(expectedCode, result.Code);
        Assert.Contains(named, result.Error);
        Assert.DoesNotContain("nd_", result.Output);
    }

    [Fact]
    public async Task HostSettingsMayStandAnywhere()
    {
        factory.CreateSeededClient();
        var created = await CliRun.RunAsync("--Database:Path", factory.DatabasePath, "keys", "create", "--name", "Leitung", "--role", "admin", "--Database:LoadSample=false");
        Assert.True(created.Code == 0, created.Error);
        var id = created.Output.Split(' ')[2];

        var revoked = await CliRun.RunAsync("keys", "revoke", id, "--Database:Path", factory.DatabasePath);

        Assert.True(revoked.Code == 0, revoked.Error);
    }

    [Theory]
    [InlineData("Create, list and revoke API keys.", "keys", "--help")]
    [InlineData("--role <partner|professional|coordinator|admin> (REQUIRED)", "keys", "create", "--help")]
    [InlineData("List all keys", "keys", "list", "--help")]
    [InlineData("<id>", "keys", "revoke", "--help")]
    [InlineData("Exit codes: 0 done, 1 failed, 2 usage error.", "--help")]
    public async Task HelpDescribesTheCommand(string expected, params string[] args)
    {
        var result = await CliRun.RunAsync(args);

        Assert.Equal(0, result.Code);
        Assert.Contains(expected, result.Output);
        Assert.Equal("", result.Error);
    }
}
