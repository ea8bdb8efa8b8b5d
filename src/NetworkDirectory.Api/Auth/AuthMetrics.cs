using System.Diagnostics.Metrics;

namespace NetworkDirectory.Api.Auth;

/// <summary>
/// The 429s of the failed-credentials limiter (<see cref="FailedAuthenticationMiddleware"/>), which is not
/// the platform's rate limiter and so is not counted by its meter (aspnetcore.rate_limiting.requests counts the write budget).
/// </summary>
public sealed class AuthMetrics(IMeterFactory meters)
{
    public const string MeterName = "NetworkDirectory.Auth";

    private readonly Counter<long> _failedAuthenticationRejections = meters.Create(MeterName).CreateCounter<long>(
        "networkdirectory.auth.failed_authentication_rejections", "{request}",
        "Requests refused with 429 because their client sent invalid credentials too often.");

    public void FailedAuthenticationRejected() => _failedAuthenticationRejections.Add(1);
}
