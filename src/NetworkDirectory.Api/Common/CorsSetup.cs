namespace NetworkDirectory.Api.Common;

public static class CorsSetup
{
    /// <summary>Partner websites read the public directory from the browser: any origin may GET.</summary>
    public static IServiceCollection AddPartnerCors(this IServiceCollection services) =>
        services.AddCors(options => options.AddDefaultPolicy(policy => policy
            .AllowAnyOrigin()
            .WithMethods("GET", "HEAD", "POST")
            .WithHeaders("Content-Type", "If-None-Match")
            .WithExposedHeaders("ETag")));
}
