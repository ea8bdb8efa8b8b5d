using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using NetworkDirectory.Api.Geography;
using static NetworkDirectory.Tests.Geography.Squares;

namespace NetworkDirectory.Tests.Browser;

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}

/// <summary>
/// The API with the sample network on a real loopback port (Kestrel), square boundaries for four Kreise of
/// Bayern, a postal-code table, the clock at the README's 2 a.m. on a Sunday, a partner site on a second
/// origin, and one headless chromium for all browser tests.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Sunday 29 November 2026, 02:00 in Berlin: offices closed, on-call duties answer.</summary>
    public static readonly DateTimeOffset At = new(2026, 11, 29, 2, 0, 0, TimeSpan.FromHours(1));

    private const string PostalCodes = """
        country_code,zipcode,place,state,community_code,latitude,longitude
        DE,83278,Traunstein,Bayern,09189,47.87,12.64
        DE,80331,München,Bayern,09162,48.137,11.575
        """;

    private Factory? _api;
    private PartnerSite? _partner;
    private IPlaywright? _playwright;

    public Uri Api { get; private set; } = null!;
    public Uri Partner => _partner!.Address;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (Chromium.Path is null)
        {
            return;
        }
        _api = new Factory();
        _api.UseKestrel();
        _api.StartServer();
        var addresses = _api.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        Api = new Uri(addresses.Addresses.First());
        await _api.Services.GetRequiredService<PostalCodeDirectory>().ImportAsync(new StringReader(PostalCodes), "browser-test.csv");
        var path = WriteTemp(Collection(
            Feature("09", "Bayern", "Freistaat", Box(10, 47, 14, 50)),
            Feature("09162", "München", "Kreisfreie Stadt", Box(11.3, 48.05, 11.8, 48.3)),
            Feature("09184", "München", "Landkreis", Box(11.3, 47.8, 11.8, 48.05)),
            Feature("09189", "Traunstein", "Landkreis", Box(12.2, 47.6, 13.0, 48.1)),
            Feature("09564", "Nürnberg", "Kreisfreie Stadt", Box(10.9, 49.3, 11.3, 49.6))));
        try
        {
            await _api.Services.GetRequiredService<BoundaryImporter>().ImportAsync(BoundaryReader.Read(path, new DateOnly(2024, 12, 31)));
        }
        finally
        {
            File.Delete(path);
        }
        _partner = await PartnerSite.StartAsync(Api);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium.Path,
            Headless = true,
            // Chromium 142+ asks before a page reaches a loopback address of another origin; the test partner is one.
            Args = ["--disable-features=LocalNetworkAccessChecks", "--disable-gpu"],
        });
    }

    /// <summary>A fresh context (no shared state), German locale, Berlin time, geolocation allowed for both origins.</summary>
    public async Task<IPage> NewPageAsync(string locale = "de-DE", int width = 800)
    {
        var context = await Browser.NewContextAsync(new()
        {
            Locale = locale,
            TimezoneId = "Europe/Berlin",
            ViewportSize = new() { Width = width, Height = 1000 },
            Geolocation = new() { Latitude = 47.87f, Longitude = 12.64f },
        });
        await context.GrantPermissionsAsync(["geolocation"], new() { Origin = Partner.GetLeftPart(UriPartial.Authority) });
        await context.GrantPermissionsAsync(["geolocation"], new() { Origin = Api.GetLeftPart(UriPartial.Authority) });
        var page = await context.NewPageAsync();
        // Registered by the browser, not by the page, so the page's own CSP does not apply to it.
        await page.AddInitScriptAsync("window.__csp = []; document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));");
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        if (_partner is not null)
        {
            await _partner.DisposeAsync();
        }
        _api?.Dispose();
    }

    private sealed class Factory() : ApiFactory(loadSample: true)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseUrls("http://127.0.0.1:0");
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(new FakeTimeProvider(At)));
        }
    }
}
