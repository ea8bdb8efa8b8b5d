using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace NetworkDirectory.Api.Auth;

public static class RateLimitPolicies
{
    /// <summary>
    /// Token bucket per caller (Auth:WritesPerMinute) for the requests that change data; reads on the
    /// same routes (a write shape's GET, to learn its ETag) spend nothing. Use with <c>.RequireRateLimiting(RateLimitPolicies.Writes)</c>.
    /// </summary>
    public const string Writes = "writes";
}

/// <summary>
/// The write budget of each caller. The platform's rate limiter enforces it; the buckets are created
/// here so that answers can carry what is left in the draft IETF <c>RateLimit-Policy</c> and
/// <c>RateLimit</c> headers (draft-ietf-httpapi-ratelimit-headers), which the platform does not expose.
/// </summary>
internal sealed class WriteBudget(IOptions<AuthOptions> auth, TimeProvider clock)
{
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, (TokenBucketRateLimiter Bucket, DateTimeOffset Created)> _buckets = new();

    public int PerMinute => Math.Max(1, auth.Value.WritesPerMinute);

    /// <summary>Who a request's budget belongs to: the authenticated caller, else the client address.</summary>
    public static string CallerOf(HttpContext context) => Caller.From(context.User).Name ?? "ip:" + context.Connection.RemoteIpAddress;

    public static bool IsWrite(HttpContext context) => !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method));

    /// <summary>A new full bucket; the limiter asks again after it dropped an idle (full) one, so the newest is the one in use.</summary>
    public RateLimiter Create(string caller)
    {
        var bucket = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = PerMinute,
            TokensPerPeriod = PerMinute,
            ReplenishmentPeriod = Period,
            QueueLimit = 0,
        });
        _buckets[caller] = (bucket, clock.GetUtcNow());
        return bucket;
    }

    /// <summary>Sets <c>RateLimit-Policy: "writes";q=60;w=60</c> and <c>RateLimit: "writes";r=59;t=42</c> (r: writes left, t: seconds until the bucket refills).</summary>
    public void WriteHeaders(HttpContext context)
    {
        var remaining = PerMinute;
        var seconds = (int)Period.TotalSeconds;
        if (_buckets.TryGetValue(CallerOf(context), out var entry))
        {
            remaining = (int)(entry.Bucket.GetStatistics()?.CurrentAvailablePermits ?? remaining);
            var age = clock.GetUtcNow() - entry.Created;
            seconds = (int)Math.Ceiling((Period - TimeSpan.FromTicks(age.Ticks % Period.Ticks)).TotalSeconds);
        }
        context.Response.Headers["RateLimit-Policy"] = $"\"{RateLimitPolicies.Writes}\";q={PerMinute};w={(int)Period.TotalSeconds}";
        context.Response.Headers["RateLimit"] = string.Create(CultureInfo.InvariantCulture, $"\"{RateLimitPolicies.Writes}\";r={remaining};t={seconds}");
    }
}

internal static class WriteRateLimits
{
    public static IServiceCollection AddWriteRateLimits(this IServiceCollection services)
    {
        services.AddSingleton<WriteBudget>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<WriteBudget>((options, budget) =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers[HeaderNames.RetryAfter] = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                budget.WriteHeaders(context.HttpContext);
                await AuthProblems.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, "Too many requests",
                    $"At most {budget.PerMinute} writes per minute are accepted from one caller. Retry after {Math.Ceiling(retryAfter.TotalSeconds)} seconds.");
            };
            options.AddPolicy(RateLimitPolicies.Writes, context => WriteBudget.IsWrite(context)
                ? RateLimitPartition.Get(WriteBudget.CallerOf(context), budget.Create)
                : RateLimitPartition.GetNoLimiter("reads"));
        });
        return services;
    }

    /// <summary>After the limiter let a write through: tell the caller what is left of its budget.</summary>
    public static IApplicationBuilder UseWriteBudgetHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (WriteBudget.IsWrite(context)
                && context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == RateLimitPolicies.Writes)
            {
                var budget = context.RequestServices.GetRequiredService<WriteBudget>();
                context.Response.OnStarting(() =>
                {
                    budget.WriteHeaders(context);
                    return Task.CompletedTask;
                });
            }
            await next(context);
        });
}
