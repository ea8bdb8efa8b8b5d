using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NetworkDirectory.Tests.Browser;

/// <summary>axe-core (WCAG 2.1 A and AA) finds nothing on the partner page and the frontline page, in every state that matters.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture fixture)
{
    private static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    private static async Task AssertNoViolationsAsync(IPage page, string state)
    {
        var result = await page.RunAxe(Wcag21AA);
        Assert.NotEmpty(result.Passes);
        var found = string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}"));
        Assert.True(result.Violations.Length == 0, $"{state}:\n{found}");
    }

    [BrowserFact]
    public async Task ThePartnerPageWithCandidatesResultsAndTheMapHasNoViolations()
    {
        // One axe run (they take seconds) over the widget with everything shown at once.
        var page = await fixture.OpenPartnerAsync();
        await page.SearchAsync("München");
        await Expect(page.Locator(".nd-candidates button")).ToHaveCountAsync(3);
        await page.Locator("article[data-responsibility='taking_into_care'] summary").ClickAsync();
        await page.Locator("#nd-map-toggle").ClickAsync();
        await Expect(page.Locator("path.nd-area")).ToHaveCountAsync(4);
        await AssertNoViolationsAsync(page, "candidates, results with an explanation open, map open");
    }

    [BrowserFact]
    public async Task TheFrontlinePageWithAGapInEnglishHasNoViolations()
    {
        var page = await fixture.NewPageAsync("en-GB", width: 390);
        await page.GotoAsync(fixture.Api.ToString());
        await Expect(page.Locator("#nd-title")).ToHaveTextAsync("Who handles it here?");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Help when a minor may be trafficked or exploited");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await page.SearchAsync("Nürnberg");
        await AssertNoViolationsAsync(page, "frontline gap");
    }
}
