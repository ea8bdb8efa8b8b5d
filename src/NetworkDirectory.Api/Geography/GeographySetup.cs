
namespace NetworkDirectory.Api.Geography;

/// <summary>Bound from the <c>Geography</c> configuration section.</summary>
public sealed class GeographyOptions
{
    public const string Section = "Geography";

    /// <summary>Boundaries to import at first start (no boundary stored yet): a path or URL of the BKG files.</summary>
    public string? BoundarySource { get; set; }

    /// <summary>Postal-code table to import at first start (table empty): a path or URL of a CSV.</summary>
    public string? PostalCodeSource { get; set; }
}

public static class GeographySetup
{
    public static IServiceCollection AddGeography(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<GeographyOptions>(configuration.GetSection(GeographyOptions.Section));
        services.AddSingleton<RegionIndex>();
        services.AddSingleton<IPointLocator>(sp => sp.GetRequiredService<RegionIndex>());
        services.AddSingleton<PostalCodeDirectory>();
        services.AddSingleton<IPostalCodeDirectory>(sp => sp.GetRequiredService<PostalCodeDirectory>());
        services.AddSingleton<CoverageAreaParser>(_ => CoveragePolygon.Parse);
        services.AddSingleton<BoundaryImporter>();
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
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<GeographyOptions>>().Value;
        index.ReloadAsync().GetAwaiter().GetResult();
        postalCodes.ReloadAsync().GetAwaiter().GetResult();

        if (!index.IsLoaded && options.BoundarySource is { Length: > 0 } boundaries)
        {
            TryImport(app, "boundaries", boundaries, () => GeographyCommands.ImportBoundariesAsync(app.Services, boundaries, null, TextWriter.Null));
        }
        if (!postalCodes.IsLoaded && options.PostalCodeSource is { Length: > 0 } codes)
        {
            TryImport(app, "postal codes", codes, () => GeographyCommands.ImportPostalCodesAsync(app.Services, codes, TextWriter.Null));
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
