using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Net.Http.Headers;
using NetworkDirectory.Api.Auth;

namespace NetworkDirectory.Api.Reports;

/// <summary>
/// How many reports one sender may make (FieldReports:PerHour, default 10): anonymous senders per
/// client address, key holders per key. A fixed hourly window: enough for an honest reporter, a
/// wall for a script. Its own policy, so the rejection names the report budget, not the write budget.
/// </summary>
internal sealed class FieldReportRateLimit(IConfiguration configuration) : IRateLimiterPolicy<string>
{
    public const string Name = "field-reports";
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);

    private int PerHour => Math.Max(1, configuration.GetValue("FieldReports:PerHour", 10));

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        RateLimitPartition.GetFixedWindowLimiter(
            Caller.From(httpContext.User).Name is { } name ? "key:" + name : "ip:" + httpContext.Connection.RemoteIpAddress,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = PerHour, Window = Window, QueueLimit = 0 });

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (context, _) =>
    {
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : Window;
        var seconds = (int)Math.Ceiling(retryAfter.TotalSeconds);
        context.HttpContext.Response.Headers[HeaderNames.RetryAfter] = seconds.ToString(CultureInfo.InvariantCulture);
        await AuthProblems.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, "Too many reports",
            $"At most {PerHour} reports per hour are accepted from one sender. Retry after {seconds} seconds.");
    };
}
