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

    /// <summary>The quota of a partner key over all of its requests (the global limiter, <see cref="PartnerQuota"/>).</summary>
    public const string Partner = "partner";
}

/// <summary>
/// Per-minute token buckets, one per partition. The platform's rate limiter enforces them; they are
/// created here so that answers can carry what is left in the draft IETF <c>RateLimit-Policy</c> and
/// <c>RateLimit</c> headers (draft-ietf-httpapi-ratelimit-headers), which the platform does not expose.
/// </summary>
internal sealed class MinuteBudgets(string policy, TimeProvider clock)
{
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, (TokenBucketRateLimiter Bucket, DateTimeOffset Created)> _buckets = new();

    /// <summary>A new full bucket; the limiter asks again after it dropped an idle (full) one, so the newest is the one in use.</summary>
    public RateLimiter Create(string partition, int perMinute)
    {
        var bucket = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = perMinute,
            TokensPerPeriod = perMinute,
            ReplenishmentPeriod = Period,
            QueueLimit = 0,
        });
        _buckets[partition] = (bucket, clock.GetUtcNow());
        return bucket;
    }

    /// <summary>Sets <c>RateLimit-Policy: "writes";q=60;w=60</c> and <c>RateLimit: "writes";r=59;t=42</c> (r: requests left, t: seconds until the bucket refills).</summary>
    public void WriteHeaders(HttpContext context, string partition, int perMinute)
    {
        var remaining = perMinute;
        var seconds = (int)Period.TotalSeconds;
        if (_buckets.TryGetValue(partition, out var entry))
        {
            remaining = (int)(entry.Bucket.GetStatistics()?.CurrentAvailablePermits ?? remaining);
            var age = clock.GetUtcNow() - entry.Created;
            seconds = (int)Math.Ceiling((Period - TimeSpan.FromTicks(age.Ticks % Period.Ticks)).TotalSeconds);
        }
        context.Response.Headers["RateLimit-Policy"] = $"\"{policy}\";q={perMinute};w={(int)Period.TotalSeconds}";
        context.Response.Headers["RateLimit"] = string.Create(CultureInfo.InvariantCulture, $"\"{policy}\";r={remaining};t={seconds}");
    }
}

/// <summary>The write budget of each caller (Auth:WritesPerMinute).</summary>
internal sealed class WriteBudget(IOptions<AuthOptions> auth, TimeProvider clock)
{
    private readonly MinuteBudgets _budgets = new(RateLimitPolicies.Writes, clock);

    public int PerMinute => Math.Max(1, auth.Value.WritesPerMinute);

    /// <summary>Who a request's budget belongs to: the authenticated caller, else the client address.</summary>
    public static string CallerOf(HttpContext context) => Caller.From(context.User).Name ?? "ip:" + context.Connection.RemoteIpAddress;

    public static bool IsWrite(HttpContext context) => !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method));

    public RateLimiter Create(string caller) => _budgets.Create(caller, PerMinute);

    public void WriteHeaders(HttpContext context) => _budgets.WriteHeaders(context, CallerOf(context), PerMinute);
}

internal static class WriteRateLimits
{
    public static IServiceCollection AddWriteRateLimits(this IServiceCollection services)
    {
        services.AddSingleton<WriteBudget>();
        services.AddSingleton<PartnerQuota>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<WriteBudget, PartnerQuota>((options, budget, quota) =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                var seconds = Math.Ceiling(retryAfter.TotalSeconds);
                context.HttpContext.Response.Headers[HeaderNames.RetryAfter] = seconds.ToString(CultureInfo.InvariantCulture);
                if (PartnerKey.Of(context.HttpContext.User) is { } partner)
                {
                    quota.WriteHeaders(context.HttpContext, partner);
                    await AuthProblems.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, "Too many requests",
                        $"This partner key's quota is {partner.RequestsPerMinute} requests per minute. Retry after {seconds} seconds.");
                    return;
                }
                budget.WriteHeaders(context.HttpContext);
                await AuthProblems.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, "Too many requests",
                    $"At most {budget.PerMinute} writes per minute are accepted from one caller. Retry after {seconds} seconds.");
            };
            // Every request of a partner key, whatever its endpoint; nobody else is limited here.
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => PartnerKey.Of(context.User) is { } partner
                ? RateLimitPartition.Get(partner.Partition, _ => quota.Create(partner))
                : RateLimitPartition.GetNoLimiter(""));
            options.AddPolicy(RateLimitPolicies.Writes, context => WriteBudget.IsWrite(context)
                ? RateLimitPartition.Get(WriteBudget.CallerOf(context), budget.Create)
                : RateLimitPartition.GetNoLimiter("reads"));
        });
        return services;
    }

    /// <summary>After the limiter let a request through: tell the caller what is left of its budget or quota.</summary>
    public static IApplicationBuilder UseWriteBudgetHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (PartnerKey.Of(context.User) is { } partner)
            {
                var quota = context.RequestServices.GetRequiredService<PartnerQuota>();
                context.Response.OnStarting(() =>
                {
                    quota.WriteHeaders(context, partner);
                    return Task.CompletedTask;
                });
            }
            else if (WriteBudget.IsWrite(context)
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
