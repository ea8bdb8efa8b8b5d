using Microsoft.AspNetCore.Hosting;
using static NetworkDirectory.Tests.Geography.Squares;

namespace NetworkDirectory.Tests.Geography;

/// <summary>The optional import at first start from a configured source, and a source that cannot be reached.</summary>
public sealed class FirstStartImportTests
{
    private sealed class ConfiguredFactory(string boundarySource) : ApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Geography:BoundarySource", boundarySource);
        }
    }

    [Fact]
    public async Task ConfiguredBoundariesAreImportedAtFirstStart()
    {
        var file = WriteTemp(Thueringen());
        try
        {
            using var factory = new ConfiguredFactory(file);
            var client = factory.CreateSeededClient();
            var body = await HttpAssert.OkAsync(await client.GetAsync("/v1/lookup?lat=51.5&lon=10.5&responsibility=medical_examination"));
            Assert.Equal("16056", body.GetProperty("location").GetProperty("regions")[0].GetProperty("key").GetString());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task UnreachableSourceStillStartsAndLookupsSayHowToImport()
    {
        using var factory = new ConfiguredFactory("http://127.0.0.1:9/vg1000.zip");
        var client = factory.CreateSeededClient();

        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
        var problem = await HttpAssert.ProblemAsync(await client.GetAsync("/v1/lookup?lat=51.5&lon=10.5"), 503);
        Assert.Contains("boundaries import", problem.GetProperty("detail").GetString());
        await HttpAssert.OkAsync(await client.GetAsync("/v1/lookup?regionKey=09162"));
    }
}
