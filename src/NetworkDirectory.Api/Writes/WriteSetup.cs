namespace NetworkDirectory.Api.Writes;

public static class WriteSetup
{
    /// <summary>Largest request body accepted: a coverage polygon of 10,000 vertices fits well within it.</summary>
    public const long MaxRequestBodyBytes = 1024 * 1024;

    /// <summary>The write pipeline every writable feature uses; each feature registers its own <see cref="WritableResource{T}"/>.</summary>
    public static IServiceCollection AddWrites(this IServiceCollection services)
    {
        services.AddSingleton<WritePipeline>();
        services.AddSingleton<WriteMetrics>();
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(options => options.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        return services;
    }

    /// <summary>Registers a feature's resource both as itself and as the <see cref="WritableResource{T}"/> the generic handlers ask for.</summary>
    public static IServiceCollection AddWritable<TResource, T>(this IServiceCollection services)
        where TResource : WritableResource<T> where T : class
    {
        services.AddSingleton<TResource>();
        services.AddSingleton<WritableResource<T>>(sp => sp.GetRequiredService<TResource>());
        return services;
    }
}
