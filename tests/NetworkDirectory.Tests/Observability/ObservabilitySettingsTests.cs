using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NetworkDirectory.Api.Common;
using NetworkDirectory.Api.Observability;

namespace NetworkDirectory.Tests.Observability;

/// <summary>A bad metrics or OTLP setting stops the start with one line naming it, like every other setting.</summary>
public sealed class ObservabilitySettingsTests
{
    private static IReadOnlyList<string> Problems(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddObservability(configuration);
        using var provider = services.BuildServiceProvider();
        return StartupSettings.Problems(provider);
    }

    [Theory]
    [InlineData("Metrics:Prometheus:Path", "metrics", "Metrics:Prometheus:Path: 'metrics' is not a path of its own")]
    [InlineData("Metrics:Prometheus:Path", "/v1/metrics", "Metrics:Prometheus:Path: '/v1/metrics' is not a path of its own")]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", "collector:4317", "OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4317' is not an absolute http(s) URL")]
    public void ABadSettingIsOneLineNamingIt(string key, string value, string expected)
    {
        Assert.StartsWith(expected, Assert.Single(Problems((key, value))));
    }

    [Fact]
    public void TheDefaultsAndAnEnabledScrapeWithAnOtlpCollectorAreValid()
    {
        Assert.Empty(Problems());
        Assert.Empty(Problems(("Metrics:Prometheus:Enabled", "true"), ("Metrics:Prometheus:Path", "/internal/metrics"),
            ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317")));
    }
}
