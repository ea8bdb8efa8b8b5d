using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;

namespace NetworkDirectory.Api.Auth;

/// <summary>What the rate limiter and the origin check need of a partner key, read from its claims.</summary>
internal sealed record PartnerKey(string Id, int RequestsPerMinute, IReadOnlyList<string> AllowedOrigins)
{
    /// <summary>The limiter's partition: a key's quota cannot change, but if it did the new one would apply at once.</summary>
    public string Partition => string.Create(CultureInfo.InvariantCulture, $"{Id}:{RequestsPerMinute}");

    public static PartnerKey? Of(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && user.IsInRole(Roles.Partner)
        && user.FindFirstValue(ClaimTypes.NameIdentifier) is { } id
        && int.TryParse(user.FindFirstValue(ClaimNames.PartnerQuota), NumberStyles.None, CultureInfo.InvariantCulture, out var quota)
            ? new PartnerKey(id, quota, user.FindAll(ClaimNames.PartnerOrigin).Select(c => c.Value).ToList())
            : null;
}

/// <summary>The request quota of each partner key, over every request the key makes.</summary>
internal sealed class PartnerQuota(TimeProvider clock)
{
    /// <summary>Ten requests a second on average: plenty for a directory widget, little enough to notice a runaway client.</summary>
    public const int DefaultRequestsPerMinute = 600;

    public const int MaxRequestsPerMinute = 100_000;

    private readonly MinuteBudgets _budgets = new(RateLimitPolicies.Partner, clock);

    public RateLimiter Create(PartnerKey key) => _budgets.Create(key.Partition, key.RequestsPerMinute);

    public void WriteHeaders(HttpContext context, PartnerKey key) => _budgets.WriteHeaders(context, key.Partition, key.RequestsPerMinute);
}
