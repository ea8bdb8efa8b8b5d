using Microsoft.AspNetCore.Http.Features;

namespace NetworkDirectory.Api.Auth;

/// <summary>
/// Runs after authentication for partner keys only: names the key in log scopes and in the
/// request-duration metric (tag <c>partner_key</c>), refuses a browser origin the key does not list
/// (403; a request without Origin is server to server and allowed), and counts the answer for the
/// usage report. The quota itself is the rate limiter's (<see cref="PartnerQuota"/>).
/// </summary>
internal sealed class PartnerTrafficMiddleware(RequestDelegate next, PartnerUsage usage, ILogger<PartnerTrafficMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (PartnerKey.Of(context.User) is not { } partner)
        {
            await next(context);
            return;
        }
        context.Features.Get<IHttpMetricsTagsFeature>()?.Tags.Add(new("partner_key", partner.Id));
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["PartnerKey"] = partner.Id });

        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length > 0 && !partner.AllowedOrigins.Contains(origin, StringComparer.Ordinal))
        {
            usage.Count(partner.Id, PartnerOutcome.RefusedOrigin);
            logger.LogInformation("Partner key {KeyId} refused: origin {Origin} is not in its list", partner.Id, origin);
            await AuthProblems.WriteAsync(context, StatusCodes.Status403Forbidden, "Origin not allowed for this key",
                $"This partner key may not be used from the origin '{Truncate(origin)}'. An admin can add it to the key's allowed origins.");
            return;
        }
        try
        {
            await next(context);
        }
        finally
        {
            usage.Count(partner.Id, context.Response.StatusCode == StatusCodes.Status429TooManyRequests
                ? PartnerOutcome.RefusedQuota
                : PartnerOutcomes.Answered(context.Response.StatusCode));
        }
    }

    private static string Truncate(string value) => value.Length <= 100 ? value : value[..100];
}
