using Microsoft.Extensions.Configuration;
using NetworkDirectory.Api.Common;

namespace NetworkDirectory.Tests.Api;

public sealed class CommandLineTests
{
    private static IConfiguration Configuration(params string[] args) =>
        new ConfigurationBuilder().AddCommandLine(CommandLine.HostArguments(args)).Build();

    [Theory]
    [InlineData("boundaries", "import", "/srv/bkg/vg1000.zip", "--Database:Path=/tmp/nd.db")]
    [InlineData("boundaries", "import", "/srv/bkg/gemeinden.geojson", "--as-of", "2021-01-01", "--Database:Path", "/tmp/nd.db")]
    [InlineData("postalcodes", "import", "/srv/plz.csv", "--Database:Path=/tmp/nd.db")]
    [InlineData("keys", "revoke", "/abc", "--Database:Path=/tmp/nd.db")]
    public void ACommandsAbsolutePathDoesNotSwallowTheDatabaseSetting(params string[] args)
    {
        var configuration = Configuration(args);
        Assert.Equal("/tmp/nd.db", configuration["Database:Path"]);
        Assert.DoesNotContain(configuration.AsEnumerable(), setting => setting.Key.StartsWith("srv", StringComparison.Ordinal));
    }

    [Fact]
    public void TheServersCommandLinePassesThroughUnchanged()
    {
        string[] args = ["--urls", "http://127.0.0.1:5080", "--Database:LoadSample=false"];
        Assert.Same(args, CommandLine.HostArguments(args));
        Assert.Equal("false", Configuration(args)["Database:LoadSample"]);
    }
}
