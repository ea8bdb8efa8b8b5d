using NetworkDirectory.Api.Agencies;
using NetworkDirectory.Api.Contacts;
using NetworkDirectory.Api.Networks;
using NetworkDirectory.Api.Schedules;
using NetworkDirectory.Api.Services;

namespace NetworkDirectory.Api.Writes;

public static class WriteSetup
{
    /// <summary>Largest request body accepted: a coverage polygon of 10,000 vertices fits well within it.</summary>
    public const long MaxRequestBodyBytes = 1024 * 1024;

    public static IServiceCollection AddWrites(this IServiceCollection services)
    {
        services.AddSingleton<WritePipeline>();
        services.AddSingleton<AgencyResource>();
        services.AddSingleton<WritableResource<AgencyData>>(sp => sp.GetRequiredService<AgencyResource>());
        services.AddSingleton<ServiceResource>();
        services.AddSingleton<WritableResource<ServiceData>>(sp => sp.GetRequiredService<ServiceResource>());
        services.AddSingleton<ContactResource>();
        services.AddSingleton<WritableResource<ContactData>>(sp => sp.GetRequiredService<ContactResource>());
        services.AddSingleton<ScheduleResource>();
        services.AddSingleton<WritableResource<ScheduleData>>(sp => sp.GetRequiredService<ScheduleResource>());
        services.AddSingleton<NetworkResource>();
        services.AddSingleton<WritableResource<NetworkData>>(sp => sp.GetRequiredService<NetworkResource>());
        services.AddSingleton<InstrumentResource>();
        services.AddSingleton<WritableResource<InstrumentData>>(sp => sp.GetRequiredService<InstrumentResource>());
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(options => options.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        return services;
    }

    public static IEndpointRouteBuilder MapWrites(this IEndpointRouteBuilder app)
    {
        app.MapAgencyWrites();
        app.MapWritable<ServiceResource, ServiceData>("/v1/services", "Services", "Service");
        app.MapWritable<ContactResource, ContactData>("/v1/contacts", "Contacts", "Contact");
        app.MapWritable<ScheduleResource, ScheduleData>("/v1/schedules", "Schedules", "Schedule");
        app.MapWritable<NetworkResource, NetworkData>("/v1/networks", "Networks", "Network", "/{id}/data");
        app.MapWritable<InstrumentResource, InstrumentData>("/v1/instruments", "Networks", "Instrument");
        return app;
    }
}
