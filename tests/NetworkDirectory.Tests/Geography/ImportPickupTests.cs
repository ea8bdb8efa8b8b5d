using System.Net;
using Microsoft.AspNetCore.Hosting;
using NetworkDirectory.Tests.Commands;
using static NetworkDirectory.Tests.Geography.Squares;

namespace NetworkDirectory.Tests.Geography;

/// <summary>A running server swaps in an import that the command line wrote into its database, without a restart.</summary>
public sealed class ImportPickupTests : IDisposable
{
    private sealed class PollingFactory : ApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Geography:ImportPollSeconds", "1");
        }
    }

    private readonly PollingFactory _factory = new();
    private readonly string _fixture = WriteTemp(Thueringen());

    [Fact]
    public async Task ARunningServerAnswersFromABoundaryImportMadeByTheCommandLine()
    {
        var client = _factory.CreateSeededClient();
        const string lookup = "/v1/lookup?lat=51.5&lon=10.5&responsibility=medical_examination";
        var before = await HttpAssert.ProblemAsync(await client.GetAsync(lookup), 503);
        Assert.Contains("picks up", before.GetProperty("detail").GetString());

        var import = await CliRun.RunAsync("boundaries", "import", _fixture, $"--Database:Path={_factory.DatabasePath}");
        Assert.True(import.Code == 0, import.Error);

        // Bounded: the watcher checks every second; the margin is for a loaded shared machine.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        HttpResponseMessage response;
        while ((response = await client.GetAsync(lookup)).StatusCode == HttpStatusCode.ServiceUnavailable && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
        var body = await HttpAssert.OkAsync(response);
        Assert.Equal("16056", body.GetProperty("location").GetProperty("regions")[0].GetProperty("key").GetString());
    }

    [Fact]
    public async Task ARunningServerAnswersFromADirectoryImportMadeByTheCommandLine()
    {
        var client = _factory.CreateSeededClient();
        Assert.Equal("Jugendamt München (Test)", (await HttpAssert.OkAsync(await client.GetAsync("/v1/agencies/ja-muc"))).GetProperty("name").GetString());
        var file = Path.ChangeExtension(Path.GetTempFileName(), ".csv");
        await File.WriteAllTextAsync(file, "type;id;name\r\nagency;ja-muc;Stadtjugendamt München (Test)\r\n");
        try
        {
            var import = await CliRun.RunAsync("directory", "import", file, "--region", "09", "--if-match", "*", $"--Database:Path={_factory.DatabasePath}");
            Assert.True(import.Code == 0, import.Error);
        }
        finally
        {
            File.Delete(file);
        }

        // The agency's own read comes from the database at once; the lookup answers from the server's snapshot,
        // which the watcher reloads within a second here.
        Assert.Equal("Stadtjugendamt München (Test)", (await HttpAssert.OkAsync(await client.GetAsync("/v1/agencies/ja-muc"))).GetProperty("name").GetString());
        const string lookup = "/v1/lookup?regionKey=09162&responsibility=taking_into_care";
        var deadline = DateTime.UtcNow.AddSeconds(30);
        string answer;
        while (!(answer = (await HttpAssert.OkAsync(await client.GetAsync(lookup))).GetRawText()).Contains("Stadtjugendamt München (Test)", StringComparison.Ordinal)
            && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
        Assert.Contains("Stadtjugendamt München (Test)", answer);
    }

    public void Dispose()
    {
        _factory.Dispose();
        File.Delete(_fixture);
    }
}
