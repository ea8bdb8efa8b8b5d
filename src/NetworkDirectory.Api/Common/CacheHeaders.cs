namespace NetworkDirectory.Api.Common;

/// <summary>
/// Reads for anonymous callers are public and may be cached for a minute by browsers and CDNs of
/// partner websites; anything read with credentials may hold professional-only contacts and must
/// never be stored by a shared cache.
/// </summary>
public static class CacheHeaders
{
    public const int PublicMaxAgeSeconds = 60;

    /// <summary>For an asset at a versioned URL (the path changes with the content): kept for a year, never revalidated.</summary>
    public const string ImmutableCacheControl = "public, max-age=31536000, immutable";

    private static readonly object MaxAgeKey = new();
    private static readonly object ImmutableKey = new();

    /// <summary>Marks this response as a versioned asset (<see cref="ImmutableCacheControl"/>); a failure is still not stored.</summary>
    public static void Immutable(HttpContext context) => context.Items[ImmutableKey] = true;

    /// <summary>"public, max-age=0" … "public, max-age=60", formatted once.</summary>
    private static readonly string[] PublicMaxAge = Enumerable.Range(0, PublicMaxAgeSeconds + 1).Select(s => $"public, max-age={s}").ToArray();

    /// <summary>
    /// An answer that is true only until a given instant (a lookup for "now" whose on-call duty takes
    /// over in 20 seconds) must not be served from a cache after it: caps max-age for this response.
    /// </summary>
    public static void ValidUntil(HttpContext context, DateTimeOffset now, DateTimeOffset until)
    {
        var seconds = (int)Math.Clamp(Math.Floor((until - now).TotalSeconds), 0, PublicMaxAgeSeconds);
        if (context.Items[MaxAgeKey] is not int current || seconds < current)
        {
            context.Items[MaxAgeKey] = seconds;
        }
    }

    public static IApplicationBuilder UseCacheHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var response = context.Response;
            if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
            {
                // A write's answer (and a POST read such as the batch) is for this caller, now.
                response.Headers.CacheControl = "no-store";
                return Task.CompletedTask;
            }
            if (response.StatusCode == StatusCodes.Status200OK && context.Items.ContainsKey(ImmutableKey))
            {
                response.Headers.CacheControl = ImmutableCacheControl;
                return Task.CompletedTask;
            }
            response.Headers.Vary = "Authorization, X-Api-Key";
            var authenticated = context.User.Identity?.IsAuthenticated == true
                || context.Request.Headers.ContainsKey("Authorization") || context.Request.Headers.ContainsKey("X-Api-Key");
            response.Headers.CacheControl = authenticated || response.StatusCode >= 400 || !context.Request.Path.StartsWithSegments("/v1")
                ? "private, no-store"
                : PublicMaxAge[context.Items.TryGetValue(MaxAgeKey, out var seconds) && seconds is int capped ? capped : PublicMaxAgeSeconds];
            return Task.CompletedTask;
        });
        await next();
    });
}
