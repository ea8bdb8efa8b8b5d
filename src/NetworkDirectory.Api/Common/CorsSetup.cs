namespace NetworkDirectory.Api.Common;

public static class CorsSetup
{
    /// <summary>
    /// Partner websites read the public directory from the browser: any origin may GET, with or
    /// without a partner key in X-Api-Key (whose own origin list is checked by the API, not here, so
    /// the refusal reaches the page as a readable problem). The quota headers are readable by scripts.
    /// </summary>
    public static IServiceCollection AddPartnerCors(this IServiceCollection services) =>
        services.AddCors(options => options.AddDefaultPolicy(policy => policy
            .AllowAnyOrigin()
            .WithMethods("GET", "HEAD", "POST")
            .WithHeaders("Content-Type", "If-None-Match", "X-Api-Key")
            .WithExposedHeaders("ETag", "RateLimit", "RateLimit-Policy", "Retry-After")));
}
