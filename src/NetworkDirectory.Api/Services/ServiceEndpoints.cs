using NetworkDirectory.Api.Writes;

namespace NetworkDirectory.Api.Services;

/// <summary>Services are read as part of their agency (<c>/v1/agencies/{id}</c>) and written here.</summary>
public static class ServiceEndpoints
{
    public static IServiceCollection AddServices(this IServiceCollection services) =>
        services.AddWritable<ServiceResource, ServiceData>();

    public static IEndpointRouteBuilder MapServices(this IEndpointRouteBuilder app)
    {
        app.MapWritable<ServiceResource, ServiceData>("/v1/services", "Services", "Service");
        return app;
    }
}
