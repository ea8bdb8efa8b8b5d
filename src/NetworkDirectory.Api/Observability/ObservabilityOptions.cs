using Microsoft.Extensions.Options;

namespace NetworkDirectory.Api.Observability;

/// <summary>The Metrics section, and the standard OTEL_EXPORTER_OTLP_ENDPOINT.</summary>
public sealed class ObservabilityOptions
{
    public const string Section = "Metrics";

    /// <summary>The standard OpenTelemetry variable; when set, metrics and traces are sent there over OTLP.</summary>
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public PrometheusScrapeOptions Prometheus { get; set; } = new();

    /// <summary>Read from <see cref="OtlpEndpointKey"/>, not from this section.</summary>
    public string? OtlpEndpoint { get; set; }
}

public sealed class PrometheusScrapeOptions
{
    /// <summary>Off by default: nothing is served until an operator switches it on.</summary>
    public bool Enabled { get; set; }

    public string Path { get; set; } = "/metrics";
}

/// <summary>Checks the settings at start; each failure is one line naming the setting and the fix.</summary>
public sealed class ObservabilityOptionsValidation : IValidateOptions<ObservabilityOptions>
{
    public ValidateOptionsResult Validate(string? name, ObservabilityOptions options)
    {
        var failures = new List<string>();
        var path = options.Prometheus.Path;
        if (string.IsNullOrWhiteSpace(path) || !path.StartsWith('/') || path.Contains('?') || path.StartsWith("/v1", StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"Metrics:Prometheus:Path: '{path}' is not a path of its own; set a path such as /metrics (not under /v1) or remove it (default /metrics).");
        }
        if (!string.IsNullOrWhiteSpace(options.OtlpEndpoint)
            && !(Uri.TryCreate(options.OtlpEndpoint, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
        {
            failures.Add($"{ObservabilityOptions.OtlpEndpointKey}: '{options.OtlpEndpoint}' is not an absolute http(s) URL; set the collector's address (e.g. http://collector:4317) or remove it.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
