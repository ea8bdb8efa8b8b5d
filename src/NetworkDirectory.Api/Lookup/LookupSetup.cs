using Microsoft.Extensions.DependencyInjection.Extensions;
using NetworkDirectory.Api.Common;

namespace NetworkDirectory.Api.Lookup;

public static class LookupSetup
{
    public static IServiceCollection AddLookup(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DirectorySnapshotHolder>();
        services.AddSingleton<IDirectoryChanges>(sp => sp.GetRequiredService<DirectorySnapshotHolder>());
        services.AddSingleton<PlaceResolver>();
        services.AddSingleton<AnswerCache>();
        services.AddSingleton<LookupMetrics>();
        // IPointLocator, IPostalCodeDirectory and CoverageAreaParser come from AddGeography.
        return services;
    }

    /// <summary>
    /// Starts reading the directory into memory, alongside the rest of the start-up (at national size
    /// it takes as long as the boundaries and the host together). <see cref="UseLoadedLookup"/> holds
    /// every request until it is done, so nothing ever answers from an empty directory and /readyz
    /// answers 200 only when lookups are right. A failed read stops the server.
    /// </summary>
    public static Task LoadLookupInBackground(this WebApplication app)
    {
        // Created now, so that the snapshot's gauges report from the start rather than after the first lookup.
        app.Services.GetRequiredService<LookupMetrics>();
        var loading = Task.Run(() => app.Services.GetRequiredService<DirectorySnapshotHolder>().ReloadAsync());
        loading.ContinueWith(failed =>
        {
            app.Logger.LogCritical(failed.Exception, "Could not read the directory into memory; the server stops");
            app.Lifetime.StopApplication();
        }, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        return loading;
    }

    /// <summary>Holds each request until the directory is in memory (a completed task costs nothing after that).</summary>
    public static IApplicationBuilder UseLoadedLookup(this IApplicationBuilder app, Task loaded) =>
        app.Use(async (context, next) =>
        {
            if (!loaded.IsCompletedSuccessfully)
            {
                await loaded.WaitAsync(context.RequestAborted);
            }
            await next(context);
        });
}
