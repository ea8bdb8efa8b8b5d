using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace NetworkDirectory.Api.Auth;

public static class AuthSetup
{
    /// <summary>The default scheme: forwards to Bearer for <c>Authorization: Bearer</c> when JWT is configured, else to ApiKey.</summary>
    public const string DefaultScheme = "ApiKeyOrBearer";

    /// <summary>
    /// API keys always; JWT bearer tokens when Auth:Jwt:Authority or Auth:Jwt:SigningKey is set. The
    /// configuration is read when the options are first used, so test hosts may set it late; a bad
    /// value stops the start (<see cref="AuthOptionsValidation"/>).
    /// </summary>
    public static IServiceCollection AddApiAuthentication(this IServiceCollection services)
    {
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidation>();
        services.AddApiKeyStore();
        services.AddSingleton<FailedAuthenticationLimiter>();
        services.AddSingleton<AuthMetrics>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuthorizationProblems>();

        services.AddAuthentication(DefaultScheme)
            .AddPolicyScheme(DefaultScheme, "API key or bearer token", options => options.ForwardDefaultSelector = context =>
                PresentedCredential.Read(context.Request).Kind == CredentialKind.Bearer
                && context.RequestServices.GetRequiredService<IOptions<AuthOptions>>().Value.Jwt.Enabled
                    ? JwtBearerDefaults.AuthenticationScheme
                    : ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>>((options, auth) => JwtClaimMapping.Configure(options, auth.Value.Jwt));

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Professional, policy => policy.RequireRole(Roles.All))
            .AddPolicy(Policies.Coordinator, policy => policy.RequireRole(Roles.Coordinator, Roles.Admin))
            .AddPolicy(Policies.Admin, policy => policy.RequireRole(Roles.Admin));
        services.AddWriteRateLimits();
        services.AddSingleton<PartnerUsage>();
        services.AddHostedService<PartnerUsageFlusher>();
        return services;
    }

    /// <summary>The key store alone, for the `keys` commands.</summary>
    public static IServiceCollection AddApiKeyStore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ApiKeyStore>();
        return services;
    }

    /// <summary>
    /// Authentication, the 401/429 answer to failed credentials, the partner keys' origin check and
    /// usage count, authorization, then rate limiting (partner quota, write budget).
    /// </summary>
    public static WebApplication UseApiAuthentication(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseMiddleware<FailedAuthenticationMiddleware>();
        app.UseMiddleware<PartnerTrafficMiddleware>();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseWriteBudgetHeaders();
        return app;
    }
}
