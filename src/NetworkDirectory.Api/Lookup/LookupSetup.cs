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
        // IPointLocator, IPostalCodeDirectory and CoverageAreaParser come from AddGeography.
        return services;
    }

    /// <summary>Starts reading the directory into memory; await it before the first request.</summary>
    public static Task LoadLookupAsync(this WebApplication app) =>
        Task.Run(() => app.Services.GetRequiredService<DirectorySnapshotHolder>().ReloadAsync());
}
