using Microsoft.Extensions.Options;
using NetworkDirectory.Api.Auth;
using NetworkDirectory.Api.Lookup;
using NetworkDirectory.Api.Writes;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace NetworkDirectory.Api.Observability;

/// <summary>
/// OpenTelemetry metrics and traces. Each feature owns the meter it records on; this only names them,
/// next to the platform's: request rate and latency per route (http.server.request.duration, from
/// Microsoft.AspNetCore.Hosting) and the write budget's rejections (aspnetcore.rate_limiting.requests).
/// Nothing leaves the process unless an operator asks: OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set,
/// the Prometheus scrape endpoint when Metrics:Prometheus:Enabled is true.
/// </summary>
public static class ObservabilitySetup
{
    public const string ServiceName = "networkdirectory";

    private static readonly string[] Meters =
    [
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.RateLimiting",
        LookupMetrics.MeterName,
        WriteMetrics.MeterName,
        AuthMetrics.MeterName,
    ];

    /// <param name="configuration">Read now for OTEL_EXPORTER_OTLP_ENDPOINT only: whether an exporter exists is decided while services are registered.</param>
    public static IServiceCollection AddObservability(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ObservabilityOptions>().BindConfiguration(ObservabilityOptions.Section)
            .Configure<IConfiguration>((options, config) => options.OtlpEndpoint = config[ObservabilityOptions.OtlpEndpointKey])
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ObservabilityOptions>, ObservabilityOptionsValidation>();

        var otlp = !string.IsNullOrWhiteSpace(configuration[ObservabilityOptions.OtlpEndpointKey]);
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(Meters);
                // A pull reader: it only collects when the scrape endpoint (mapped only when enabled) is asked.
                // Fresh on every scrape, so two scrapes in a row never show different counts for one state.
                metrics.AddPrometheusExporter(options => options.ScrapeResponseCacheDurationMilliseconds = 0);
                if (otlp)
                {
                    metrics.AddOtlpExporter();
                }
            })
            .WithTracing(tracing =>
            {
                // The server span is the request's Activity, whose Id every problem body shows as correlationId.
                tracing.AddAspNetCoreInstrumentation();
                if (otlp)
                {
                    tracing.AddOtlpExporter();
                }
            });
        return services;
    }

    /// <summary>
    /// The Prometheus scrape endpoint, when Metrics:Prometheus:Enabled is true; it answers admin API keys
    /// only (Prometheus sends one with <c>authorization: { type: ApiKey, credentials_file: … }</c>).
    /// </summary>
    public static WebApplication MapMetricsScraping(this WebApplication app)
    {
        var prometheus = app.Services.GetRequiredService<IOptions<ObservabilityOptions>>().Value.Prometheus;
        if (prometheus.Enabled)
        {
            app.MapPrometheusScrapingEndpoint(prometheus.Path)
                .RequireAuthorization(Policies.Admin)
                .ExcludeFromDescription();
        }
        return app;
    }
}
