using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace NetworkDirectory.Api.Auth;

/// <summary>
/// Counts failed authentications per client IP (a fixed one-minute window). Successful and
/// anonymous requests are never counted.
/// </summary>
public sealed class FailedAuthenticationLimiter(IOptions<AuthOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(ip =>
        RateLimitPartition.GetFixedWindowLimiter(ip, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, options.Value.FailedAttemptsPerMinute),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    /// <returns>False when the client has used up its failed attempts for this minute.</returns>
    public bool TryCountFailure(HttpContext context)
    {
        using var lease = _limiter.AttemptAcquire(context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}

/// <summary>
/// Answers every request whose credentials fail with 401, on public endpoints too (a client with a
/// bad key must learn about it), and with 429 once its IP has failed too often this minute.
/// </summary>
internal sealed class FailedAuthenticationMiddleware(RequestDelegate next, FailedAuthenticationLimiter limiter, AuthMetrics metrics, ILogger<FailedAuthenticationMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var result = await context.AuthenticateAsync();
        if (result.Failure is null)
        {
            await next(context);
            return;
        }
        if (!limiter.TryCountFailure(context))
        {
            logger.LogWarning("Too many failed authentications from {RemoteIp}", context.Connection.RemoteIpAddress);
            metrics.FailedAuthenticationRejected();
            context.Response.Headers[HeaderNames.RetryAfter] = 60.ToString(CultureInfo.InvariantCulture);
            await AuthProblems.WriteAsync(context, StatusCodes.Status429TooManyRequests, "Too many failed authentications",
                "This client sent invalid credentials too often. Wait a minute, then send a valid key.");
            return;
        }
        await context.ChallengeAsync();
    }
}
