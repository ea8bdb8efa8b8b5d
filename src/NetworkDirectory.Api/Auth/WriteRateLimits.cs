using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace NetworkDirectory.Api.Auth;

public static class RateLimitPolicies
{
    /// <summary>Token bucket per caller (Auth:WritesPerMinute); use with <c>.RequireRateLimiting(RateLimitPolicies.Writes)</c>.</summary>
    public const string Writes = "writes";
}

internal static class WriteRateLimits
{
    public static IServiceCollection AddWriteRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<AuthOptions>>((options, auth) =>
        {
            var perMinute = Math.Max(1, auth.Value.WritesPerMinute);
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers[HeaderNames.RetryAfter] = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await AuthProblems.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, "Too many requests",
                    $"At most {perMinute} writes per minute are accepted from one caller. Retry after {Math.Ceiling(retryAfter.TotalSeconds)} seconds.");
            };
            options.AddPolicy(RateLimitPolicies.Writes, context =>
            {
                var caller = Caller.From(context.User).Name ?? "ip:" + context.Connection.RemoteIpAddress;
                return RateLimitPartition.GetTokenBucketLimiter(caller, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = perMinute,
                    TokensPerPeriod = perMinute,
                    ReplenishmentPeriod = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
        });
        return services;
    }
}
