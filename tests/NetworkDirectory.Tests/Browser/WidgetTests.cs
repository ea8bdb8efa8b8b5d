using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NetworkDirectory.Tests.Browser;

/// <summary>The widget embedded on a partner page of another origin, under a strict CSP, at 2 a.m. on a Sunday.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WidgetTests(BrowserFixture fixture)
{
    [BrowserFact]
    public async Task SearchByNameShowsTheAgencyInChargeItsTelLinkAnd110And112()
    {
        var page = await fixture.OpenPartnerAsync();
        await Expect(page.Locator(".nd-emergency a[href='tel:110']")).ToBeVisibleAsync();
        await Expect(page.Locator(".nd-emergency a[href='tel:112']")).ToBeVisibleAsync();

        await page.SearchAsync("Traunstein");

        var care = page.Result("taking_into_care");
        await Expect(care.Locator(".nd-agency").First).ToContainTextAsync("Kreisjugendamt Traunstein (Beispiel)");
        var now = care.Locator(".nd-now a.nd-contact").First;
        await Expect(now).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^tel:"));
        await Expect(page.Locator(".nd-sample")).ToContainTextAsync("Beispieldaten");
        await Expect(page.Locator(".nd-emergency a[href='tel:110']")).ToBeVisibleAsync();
        await page.ScreenshotAsync("widget.png");
        await page.AssertNoCspViolationsAsync();
    }

    [BrowserFact]
    public async Task AnAmbiguousNameListsCandidatesAndChoosingOneAsksAgainForIt()
    {
        var page = await fixture.OpenPartnerAsync();
        await page.SearchAsync("München");
        var candidates = page.Locator(".nd-candidates button");
        await Expect(candidates).ToHaveCountAsync(3);

        await page.Locator(".nd-candidates button[data-key='09184']").ClickAsync();

        await Expect(page.AnswerFor()).ToContainTextAsync("09184");
        await Expect(page.Locator(".nd-candidates button[data-key='09184']")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(page.Result("taking_into_care").Locator(".nd-agency-name").First).ToHaveTextAsync("Kreisjugendamt München – Sozialer Dienst (Beispiel)");
        await page.AssertNoCspViolationsAsync();
    }

    [BrowserFact]
    public async Task APostalCodeAnswersForItsKreisAndThePartnerPageHearsOfResultsAndErrors()
    {
        var page = await fixture.OpenPartnerAsync();
        var result = page.EvaluateAsync<string>(Once("nd-result", "e.detail.location.regions[0].key"));
        await page.SearchAsync("83278");
        await Expect(page.AnswerFor()).ToContainTextAsync("09189");
        await Expect(page.Result("taking_into_care")).ToContainTextAsync("Kreisjugendamt Traunstein (Beispiel)");
        Assert.Equal("09189", await result);

        // A place the directory does not know: the API's problem reaches the user and the partner page.
        var error = page.EvaluateAsync<int>(Once("nd-error", "e.detail.problem.status"));
        await page.Locator("#nd-q").FillAsync("Kiel");
        await page.Locator("#nd-search").ClickAsync();
        Assert.Equal(404, await error);
        await Expect(page.Locator("#nd-status")).ToContainTextAsync("Die Abfrage ist fehlgeschlagen");
    }

    [BrowserFact]
    public async Task MyLocationAsksWithTheBrowsersCoordinates()
    {
        var page = await fixture.OpenPartnerAsync();
        await page.Context.SetGeolocationAsync(new() { Latitude = 48.2f, Longitude = 11.5f });
        await page.Locator("#nd-locate").ClickAsync();
        await Expect(page.AnswerFor()).ToContainTextAsync("09162");
        await Expect(page.Result("taking_into_care").Locator(".nd-agency-name").First).ToHaveTextAsync("Kinder- und Jugendnotdienst München (Beispiel)");
    }

    [BrowserFact]
    public async Task ARegionNobodyCoversIsShownAsAGapWithItsFallbacksInBothLanguages()
    {
        var page = await fixture.OpenPartnerAsync();
        await page.SearchAsync("Nürnberg");
        var care = page.Result("taking_into_care");
        await Expect(care).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("nd-gap"));
        await Expect(care.Locator(".nd-badge")).ToHaveTextAsync("Niemand zuständig gefunden");
        await Expect(care.Locator(".nd-agency")).ToHaveCountAsync(0);

        await page.Locator("#nd-lang").ClickAsync();

        await Expect(care.Locator(".nd-badge")).ToHaveTextAsync("No agency found");
        await page.ScreenshotAsync("gap-en.png");
    }

    [BrowserFact]
    public async Task TheLanguageSwitchTurnsTheWholeWidgetIntoEnglishAndBack()
    {
        var page = await fixture.OpenPartnerAsync();
        await page.SearchAsync("Traunstein");
        await page.Locator("#nd-lang").ClickAsync();
        await Expect(page.Locator("#nd-title")).ToHaveTextAsync("Who handles it here?");
        await Expect(page.Locator("label[for='nd-q']")).ToHaveTextAsync("Place or postal code");
        await Expect(page.Locator("#nd-h-taking_into_care")).ToContainTextAsync("Taking into care");
        await Expect(page.Locator(".nd")).ToHaveAttributeAsync("lang", "en");
        // The switch keeps the focus, so a keyboard user can switch back at once.
        await Expect(page.Locator("#nd-lang")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#nd-title")).ToHaveTextAsync("Wer ist hier zuständig?");
    }

    [BrowserFact]
    public async Task EverythingWorksWithTheKeyboardAloneAndTheFocusIsVisible()
    {
        var page = await fixture.OpenPartnerAsync();
        await TabToAsync(page, "#nd-q");
        Assert.NotEqual("none", await page.Locator("#nd-q").EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle"));
        await page.Keyboard.TypeAsync("München");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator(".nd-candidates button")).ToHaveCountAsync(3);

        await TabToAsync(page, ".nd-candidates button[data-key='09184']");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.AnswerFor()).ToContainTextAsync("09184");

        await TabToAsync(page, "#nd-h-taking_into_care ~ ul a.nd-contact, article[data-responsibility='taking_into_care'] a.nd-contact");
        await TabToAsync(page, "article[data-responsibility='taking_into_care'] summary");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Result("taking_into_care").Locator("details")).ToHaveAttributeAsync("open", "");
    }

    /// <summary>A promise for one value of the next event of that name the widget sends to the partner page.</summary>
    private static string Once(string name, string value) =>
        $"() => new Promise(resolve => document.querySelector('network-directory-lookup').addEventListener('{name}', e => resolve({value}), {{ once: true }}))";

    /// <summary>Presses Tab (at most 60 times) until the element matching the selector has the focus.</summary>
    private static async Task TabToAsync(IPage page, string selector)
    {
        var target = page.Locator(selector).First;
        for (var i = 0; i < 60; i++)
        {
            if (await target.EvaluateAsync<bool>("e => e.getRootNode().activeElement === e"))
            {
                return;
            }
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Fail($"Tab never reached {selector}");
    }
}
