using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NetworkDirectory.Tests.Browser;

/// <summary>
/// A partner's web page on a second origin (localhost, while the API is 127.0.0.1) that embeds the widget
/// with the README's two lines, under a strict Content-Security-Policy that names only the API's origin.
/// </summary>
internal sealed class PartnerSite : IAsyncDisposable
{
    private readonly WebApplication _app;

    private PartnerSite(WebApplication app, Uri address) => (_app, Address) = (app, address);

    public Uri Address { get; }

    public static string Policy(Uri api)
    {
        var origin = api.GetLeftPart(UriPartial.Authority);
        return $"default-src 'self'; script-src 'self' {origin}; style-src 'self' {origin}; img-src 'self' data: {origin}; connect-src 'self' {origin}; object-src 'none'; base-uri 'none'";
    }

    public static async Task<PartnerSite> StartAsync(Uri api)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        // Bound to 127.0.0.1 but addressed as localhost: a different origin from the API at 127.0.0.1.
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var origin = api.GetLeftPart(UriPartial.Authority);
        var page = $$"""
            <!doctype html>
            <html lang="de">
            <head><meta charset="utf-8"><title>Partnerportal (Test)</title>
            <script type="module" src="{{origin}}/widget/v1/network-directory.js"></script>
            </head>
            <body><main><h1>Hilfe in Ihrer Nähe</h1>
            <network-directory-lookup lang="de"></network-directory-lookup>
            </main></body>
            </html>
            """;
        app.MapGet("/", (HttpContext context) =>
        {
            context.Response.Headers.ContentSecurityPolicy = Policy(api);
            return Results.Content(page, "text/html; charset=utf-8");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new PartnerSite(app, new Uri(address.Replace("127.0.0.1", "localhost").Replace("[::1]", "localhost")));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
