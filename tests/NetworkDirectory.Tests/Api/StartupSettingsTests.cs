using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NetworkDirectory.Api.Auth;
using NetworkDirectory.Api.Common;
using NetworkDirectory.Api.Data;
using NetworkDirectory.Api.Geography;
using NetworkDirectory.Tests.Auth;

namespace NetworkDirectory.Tests.Api;

/// <summary>A bad setting stops the start with one line naming it and the fix, not a stack trace.</summary>
public sealed class StartupSettingsTests
{
    private static IReadOnlyList<string> Problems(string key, string value)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection([new(key, value)]).Build());
        services.AddSingleton<Microsoft.Extensions.Hosting.IHostEnvironment>(
            new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { ContentRootPath = Path.GetTempPath() });
        services.AddDatabase();
        services.AddGeographyImports();
        services.AddApiAuthentication();
        using var provider = services.BuildServiceProvider();
        return StartupSettings.Problems(provider);
    }

    [Theory]
    [InlineData("Auth:Jwt:SigningKey", "short-secret", "Auth:Jwt:SigningKey: the key must be at least 32 bytes (got 12); set a longer key or remove it.")]
    [InlineData("Auth:Jwt:Authority", "http://idp.example.org", "Auth:Jwt:Authority: 'http://idp.example.org' is not an absolute https URL")]
    [InlineData("Auth:Jwt:Authority", "idp.example.org", "Auth:Jwt:Authority: 'idp.example.org' is not an absolute https URL")]
    [InlineData("Auth:WritesPerMinute", "0", "Auth:WritesPerMinute: must be at least 1 (got 0)")]
    [InlineData("Auth:FailedAttemptsPerMinute", "-1", "Auth:FailedAttemptsPerMinute: must be at least 1 (got -1)")]
    [InlineData("Geography:ImportPollSeconds", "0", "Geography:ImportPollSeconds: must be at least 1")]
    [InlineData("Database:Path", " ", "Database:Path: the path is empty")]
    public void ABadSettingIsOneLineNamingIt(string key, string value, string expected)
    {
        Assert.StartsWith(expected, Assert.Single(Problems(key, value)));
    }

    [Theory]
    [InlineData("Auth:Jwt:SigningKey", AuthApiFactory.SigningKey)]
    [InlineData("Auth:Jwt:SigningKey", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=")]
    [InlineData("Auth:Jwt:Authority", "https://login.example.org/realms/nd")]
    [InlineData("Auth:Jwt:Authority", "http://localhost:8081/realms/nd")]
    public void GoodSettingsPass(string key, string value)
    {
        Assert.Empty(Problems(key, value));
    }

    [Fact]
    public void TheTestHostStarts()
    {
        using var factory = new AuthApiFactory();
        factory.CreateClient();
    }

    /// <summary>The real process: exit code 1 and exactly one line on stderr.</summary>
    [Fact]
    public async Task AShortSigningKeyStopsTheServerNamingTheSetting()
    {
        var database = Path.Combine(Path.GetTempPath(), $"nd-start-{Guid.NewGuid():N}.db");
        var (code, output, error) = await ApiProcess.RunAsync($"--Database:Path={database}", "--Auth:Jwt:SigningKey=too-short");

        Assert.Equal(1, code);
        Assert.Equal(["Auth:Jwt:SigningKey: the key must be at least 32 bytes (got 9); set a longer key or remove it."],
            error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Equal("", output);
        Assert.False(File.Exists(database), "the start stopped before the database was prepared");
    }
}
