using Microsoft.Extensions.Configuration;
using NetworkDirectory.Api.Commands;

namespace NetworkDirectory.Tests.Commands;

public sealed class HostSettingsTests
{
    private static IConfiguration Configuration(params string[] args) =>
        new ConfigurationBuilder().AddCommandLine(HostSettings.Split(args).Settings).Build();

    [Theory]
    [InlineData("boundaries", "import", "/srv/bkg/vg1000.zip", "--Database:Path=/tmp/nd.db")]
    [InlineData("boundaries", "import", "/srv/bkg/gemeinden.geojson", "--as-of", "2021-01-01", "--Database:Path", "/tmp/nd.db")]
    [InlineData("--Database:Path=/tmp/nd.db", "postalcodes", "import", "/srv/plz.csv")]
    [InlineData("keys", "revoke", "/abc", "--Database:Path=/tmp/nd.db")]
    public void ACommandsAbsolutePathDoesNotSwallowTheDatabaseSetting(params string[] args)
    {
        var configuration = Configuration(args);
        Assert.Equal("/tmp/nd.db", configuration["Database:Path"]);
        Assert.DoesNotContain(configuration.AsEnumerable(), setting => setting.Key.StartsWith("srv", StringComparison.Ordinal));
    }

    [Fact]
    public void CommandWordsAndTheirOptionsAreLeftForTheParser()
    {
        var (settings, words) = HostSettings.Split(
            ["--contentRoot", "/src/api", "boundaries", "import", "/srv/x.geojson", "--as-of", "2021-01-01", "--Database:Path", "/tmp/nd.db"]);

        Assert.Equal(["--contentRoot", "/src/api", "--Database:Path", "/tmp/nd.db"], settings);
        Assert.Equal(["boundaries", "import", "/srv/x.geojson", "--as-of", "2021-01-01"], words);
    }

    [Theory]
    [InlineData(true, "keys", "list")]
    [InlineData(true, "--Database:Path", "/tmp/nd.db", "boundaries", "import", "x")]
    [InlineData(true, "--contentRoot", "/src/api", "postalcodes", "--help")]
    [InlineData(false)]
    [InlineData(false, "--urls", "http://localhost:5080")]
    [InlineData(false, "key", "list")]
    public void OnlyACommandWordMakesACommand(bool expected, params string[] args)
    {
        Assert.Equal(expected, Cli.IsCommand(args));
    }
}
