using System.Runtime.CompilerServices;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NetworkDirectory.Tests.Browser;

/// <summary>What the tests do with the widget, in the words of a user (Playwright's CSS locators pierce its open shadow root).</summary>
internal static class WidgetPage
{
    public static async Task<IPage> OpenPartnerAsync(this BrowserFixture fixture, string locale = "de-DE")
    {
        var page = await fixture.NewPageAsync(locale);
        await page.GotoAsync(fixture.Partner.ToString());
        // The acute responsibilities come from /v1/taxonomies: once their boxes show, the widget is ready.
        await Expect(page.Locator("#nd-r-taking_into_care")).ToBeCheckedAsync();
        return page;
    }

    public static async Task SearchAsync(this IPage page, string text)
    {
        await page.Locator("#nd-q").FillAsync(text);
        await page.Locator("#nd-search").ClickAsync();
        await Expect(page.Locator("#nd-status")).ToContainTextAsync(new System.Text.RegularExpressions.Regex("found|gefunden"));
    }

    public static ILocator Result(this IPage page, string responsibility) => page.Locator($"article[data-responsibility='{responsibility}']");

    public static ILocator AnswerFor(this IPage page) => page.Locator(".nd-answer-for");

    /// <summary>The Content-Security-Policy violations the page reported (none, or the widget does something the policy forbids).</summary>
    public static async Task AssertNoCspViolationsAsync(this IPage page) =>
        Assert.Empty(await page.EvaluateAsync<string[]>("window.__csp"));

    public static async Task ScreenshotAsync(this IPage page, string name, [CallerFilePath] string source = "")
    {
        var folder = Path.Combine(Path.GetDirectoryName(source)!, "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name), FullPage = true });
    }
}
