using Microsoft.Extensions.DependencyInjection.Extensions;

namespace NetworkDirectory.Api.Lookup;

public static class LookupSetup
{
    public static IServiceCollection AddLookup(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DirectorySnapshotHolder>();
        services.AddSingleton<PlaceResolver>();
        // The geography feature replaces these with the imported boundaries and postal codes.
        services.TryAddSingleton<IPointLocator, NoGeography>();
        services.TryAddSingleton<IPostalCodeDirectory, NoGeography>();
        services.TryAddSingleton<CoverageAreaParser>(_ => _ => null);
        return services;
    }

    /// <summary>Reads the directory into memory before the first request.</summary>
    public static void PrepareLookup(this WebApplication app) =>
        app.Services.GetRequiredService<DirectorySnapshotHolder>().ReloadAsync().GetAwaiter().GetResult();
}
