using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace NetworkDirectory.Api.Geography;

/// <summary>Bound from the <c>Geography</c> configuration section.</summary>
public sealed class GeographyOptions
{
    public const string Section = "Geography";

    /// <summary>Boundaries to import at first start (no boundary stored yet): a path or URL of the BKG files.</summary>
    public string? BoundarySource { get; set; }

    /// <summary>Postal-code table to import at first start (table empty): a path or URL of a CSV.</summary>
    public string? PostalCodeSource { get; set; }

    /// <summary>How often a running server checks its database for an import made by the command line.</summary>
    public int ImportPollSeconds { get; set; } = 5;
}

/// <summary>What runs after a boundary import is committed: the server swaps in the new boundaries; a command does nothing.</summary>
public delegate Task AfterBoundaryImport(CancellationToken cancellationToken);

public static class GeographySetup
{
    /// <summary>The server's geography: the region index, postal codes, imports, and the watcher that picks up a command's import.</summary>
    public static IServiceCollection AddGeography(this IServiceCollection services)
    {
        // Before AddGeographyImports, whose do-nothing AfterBoundaryImport is only the commands' default.
        services.AddSingleton<AfterBoundaryImport>(sp => cancellationToken => ImportWatcher.ReloadBoundariesAsync(sp, cancellationToken));
        services.AddGeographyImports();
        services.AddSingleton<IPointLocator>(sp => sp.GetRequiredService<RegionIndex>());
        services.AddSingleton<IPostalCodeDirectory>(sp => sp.GetRequiredService<PostalCodeDirectory>());
        services.AddSingleton<CoverageAreaParser>(_ => CoveragePolygon.Parse);
        services.AddHostedService<ImportWatcher>();
        return services;
    }

    /// <summary>What the import commands need: the importers, without loading anything.</summary>
    public static IServiceCollection AddGeographyImports(this IServiceCollection services)
    {
        services.AddOptions<GeographyOptions>()
            .BindConfiguration(GeographyOptions.Section)
            .Validate(options => options.ImportPollSeconds >= 1,
                "Geography:ImportPollSeconds: must be at least 1; set the number of seconds between checks for a new import (default 5).")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<RegionIndex>();
        services.AddSingleton<PostalCodeDirectory>();
        services.AddSingleton<BoundaryImporter>();
        services.AddSingleton<PolygonReach>();
        // A command's import is picked up by the running server's ImportWatcher.
        services.TryAddSingleton<AfterBoundaryImport>(_ => _ => Task.CompletedTask);
        return services;
    }

    /// <summary>
    /// Loads the stored boundaries and postal codes; on a first start imports them from the
    /// configured sources. An unreachable source is logged and the service starts anyway: lookups by
    /// coordinates then answer 503 with the command to import.
    /// </summary>
    public static void PrepareGeography(this WebApplication app)
    {
        var index = app.Services.GetRequiredService<RegionIndex>();
        var postalCodes = app.Services.GetRequiredService<PostalCodeDirectory>();
        var options = app.Services.GetRequiredService<IOptions<GeographyOptions>>().Value;
        index.ReloadAsync().GetAwaiter().GetResult();
        postalCodes.ReloadAsync().GetAwaiter().GetResult();

        if (!index.IsLoaded && options.BoundarySource is { Length: > 0 } boundaries)
        {
            TryImport(app, "boundaries", boundaries, () => GeographyImports.ImportBoundariesAsync(app.Services, boundaries, null));
        }
        if (!postalCodes.IsLoaded && options.PostalCodeSource is { Length: > 0 } codes)
        {
            TryImport(app, "postal codes", codes, () => GeographyImports.ImportPostalCodesAsync(app.Services, codes));
        }
        if (!index.IsLoaded)
        {
            app.Logger.LogWarning("No boundaries imported: lookups by coordinates answer 503 until you run 'boundaries import <source>' (see README).");
        }
    }

    private static void TryImport(WebApplication app, string what, string source, Func<Task> import)
    {
        try
        {
            import().GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or HttpRequestException or TaskCanceledException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            app.Logger.LogWarning("Could not import {What} from {Source}: {Error}. The service starts without them.", what, source, ex.Message);
        }
    }
}
