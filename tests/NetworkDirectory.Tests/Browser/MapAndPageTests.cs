using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace NetworkDirectory.Tests.Browser;

/// <summary>The map view (Leaflet, loaded on demand) and the frontline page at /.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MapAndPageTests(BrowserFixture fixture, ITestOutputHelper output)
{
    [BrowserFact]
    public async Task TheMapDrawsTheCoverageAndTheAgenciesWithoutTilesAndWithinTheCsp()
    {
        var page = await fixture.OpenPartnerAsync();
        var tiles = 0;
        page.Request += (_, request) => tiles += request.Url.Contains(fixture.Api.Authority) || request.Url.Contains(fixture.Partner.Authority) ? 0 : 1;
        await page.SearchAsync("Traunstein");

        await page.Locator("#nd-map-toggle").ClickAsync();

        // Bayern's Kreise of the sample with a boundary (four squares) and the sample's agencies as points.
        await Expect(page.Locator("path.nd-area")).ToHaveCountAsync(4);
        Assert.True(await page.Locator("path.nd-point").CountAsync() > 0);
        await Expect(page.Locator(".leaflet-control-attribution")).ToContainTextAsync("NetworkDirectory");
        await Expect(page.Locator("#nd-map-title")).ToContainTextAsync("Bayern");
        await Expect(page.Locator("#nd-map-list li[data-key='09189']")).ToContainTextAsync("Traunstein");
        await Expect(page.Locator("#nd-map-toggle")).ToHaveAttributeAsync("aria-expanded", "true");
        await page.ScreenshotAsync("map.png");
        await page.AssertNoCspViolationsAsync();
        Assert.Equal(0, tiles);
    }

    [BrowserFact]
    public async Task TheFrontlinePageAnswersTheReadmes2amExample()
    {
        // README: who takes a child into care in München at 2 a.m. on a Sunday (the fixture's clock)?
        var page = await fixture.NewPageAsync(width: 390);
        await page.GotoAsync(fixture.Api.ToString());
        await page.SearchAsync("München");
        await page.Locator(".nd-candidates button[data-key='09162']").ClickAsync();
        await Expect(page.AnswerFor()).ToContainTextAsync("09162");
        var care = page.Result("taking_into_care");
        await Expect(care.Locator(".nd-agency-name").First).ToHaveTextAsync("Kinder- und Jugendnotdienst München (Beispiel)");
        await Expect(care.Locator(".nd-now a.nd-contact").First).ToHaveAttributeAsync("href", "tel:110");
        await page.AssertNoCspViolationsAsync();
    }

    [BrowserFact]
    public async Task TheFrontlinePageIsSmallStrictAndInstallable()
    {
        var page = await fixture.NewPageAsync(width: 390);
        var urls = new List<string>();
        page.RequestFinished += (_, request) => urls.Add(request.Url);
        var response = await page.GotoAsync(fixture.Api.ToString());
        Assert.NotNull(response);
        Assert.StartsWith("default-src 'self'", await response.HeaderValueAsync("content-security-policy"));
        Assert.Equal("nosniff", await response.HeaderValueAsync("x-content-type-options"));
        await Expect(page.Locator("#nd-r-taking_into_care")).ToBeCheckedAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Hilfe bei Verdacht auf Menschenhandel und Ausbeutung Minderjähriger");
        await Expect(page.Locator("link[rel='manifest']")).ToHaveAttributeAsync("href", "/manifest.webmanifest");
        // What crossed the wire for the page, its scripts and styles, the manifest and /v1/taxonomies.
        var sizes = await page.EvaluateAsync<long[]>("performance.getEntriesByType('resource').concat(performance.getEntriesByType('navigation')).map(e => e.transferSize || e.encodedBodySize)");
        var bytes = sizes.Sum();
        output.WriteLine($"frontline first load: {bytes} bytes in {sizes.Length} responses");
        Assert.True(bytes < 100_000, $"first load is {bytes} bytes");
        Assert.DoesNotContain(urls, url => url.Contains("leaflet"));

        await page.SearchAsync("Traunstein");
        await Expect(page.Locator(".nd-sample")).ToBeVisibleAsync();
        await page.ScreenshotAsync("frontline-mobile.png");
        await page.AssertNoCspViolationsAsync();
    }
}
