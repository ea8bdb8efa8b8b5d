using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NetworkDirectory.Api.Data;

namespace NetworkDirectory.Api.Health;

public static class HealthSetup
{
    private const string Ready = "ready";

    public static IServiceCollection AddApiHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: [Ready]);
        return services;
    }

    /// <summary>/healthz: the process answers. /readyz: the database is reachable and fully migrated.</summary>
    public static IEndpointRouteBuilder MapApiHealthChecks(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(Ready),
            // "Healthy", or "Unhealthy: " and what to fix, so that an operator reading the probe knows why.
            ResponseWriter = (context, report) =>
            {
                context.Response.ContentType = "text/plain; charset=utf-8";
                return context.Response.WriteAsync(report.Status == HealthStatus.Healthy
                    ? report.Status.ToString()
                    : $"{report.Status}: {string.Join(" ", report.Entries.Values.Select(e => e.Description))}");
            },
        });
        return app;
    }

    private sealed class DatabaseReadyCheck(SqliteConnectionFactory connections) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                await using var connection = await connections.OpenAsync(cancellationToken);
                if (ReadOnlyDatabase.IsReadOnly(connection))
                {
                    return HealthCheckResult.Unhealthy(ReadOnlyDatabase.Reason(connections.DatabasePath));
                }
                return Migrator.IsUpToDate(connection)
                    ? HealthCheckResult.Healthy("database reachable, migrations applied")
                    : HealthCheckResult.Unhealthy("migrations pending");
            }
            catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or IOException or InvalidOperationException)
            {
                return HealthCheckResult.Unhealthy("database unreachable", ex);
            }
        }
    }
}
