using NetworkDirectory.Api.Writes;

namespace NetworkDirectory.Api.Contacts;

/// <summary>Contacts are read as part of their agency (<c>/v1/agencies/{id}</c>) and written here.</summary>
public static class ContactEndpoints
{
    public static IServiceCollection AddContacts(this IServiceCollection services) =>
        services.AddWritable<ContactResource, ContactData>();

    public static IEndpointRouteBuilder MapContacts(this IEndpointRouteBuilder app)
    {
        app.MapWritable<ContactResource, ContactData>("/v1/contacts", "Contacts", "Contact");
        return app;
    }
}
