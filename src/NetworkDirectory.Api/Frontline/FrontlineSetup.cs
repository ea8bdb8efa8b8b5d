using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;
using NetworkDirectory.Api.Common;

namespace NetworkDirectory.Api.Frontline;

/// <summary>
/// The frontline page at / and the embeddable widget under /widget/v1/, served from wwwroot before
/// routing (a static file never reaches the API's caching or authentication). The widget's path is
/// versioned, so its files are immutable for a year; the page may change with a deployment, so a
/// browser revalidates it. Partner pages load the widget as a module script from another origin,
/// which is a CORS request: the widget's files say any origin may read them.
/// </summary>
public static class FrontlineSetup
{
    public const string WidgetPath = "/widget/v1";

    /// <summary>The page's policy: everything from this origin, nothing inline, nothing evaluated.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "font-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseFrontline(this IApplicationBuilder app)
    {
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".webmanifest"] = "application/manifest+json";
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions { ContentTypeProvider = types, OnPrepareResponse = Prepare });
        return app;
    }

    private static void Prepare(StaticFileResponseContext context)
    {
        var request = context.Context.Request;
        var headers = context.Context.Response.Headers;
        headers[HeaderNames.XContentTypeOptions] = "nosniff";
        if (request.Path.StartsWithSegments(WidgetPath))
        {
            headers[HeaderNames.CacheControl] = CacheHeaders.ImmutableCacheControl;
            headers[HeaderNames.AccessControlAllowOrigin] = "*";
            return;
        }
        headers[HeaderNames.CacheControl] = "public, max-age=300, must-revalidate";
        if (context.File.Name.EndsWith(".html", StringComparison.OrdinalIgnoreCase))
        {
            headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy;
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "geolocation=(self), camera=(), microphone=()";
        }
    }
}
