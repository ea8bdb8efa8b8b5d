using NetworkDirectory.Tests.Audit;

namespace NetworkDirectory.Tests.Api;

/// <summary>A cached answer for "now" must not outlive the moment its reachability changes.</summary>
public sealed class LookupCachingTests(ClockedApiFactory factory) : IClassFixture<ClockedApiFactory>
{
    private const string Lookup = "/v1/lookup?regionKey=09162&responsibility=taking_into_care";

    [Fact]
    public async Task AnAnswerForNowIsCachedOnlyUntilTheNextChange()
    {
        var client = factory.CreateSeededClient();
        // Monday 2026-11-30 07:59:40 in Berlin: the on-call duty ends and the office opens at 08:00.
        factory.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 6, 59, 40, TimeSpan.Zero));

        var now = await client.GetAsync(Lookup);
        await HttpAssert.OkAsync(now);
        Assert.Equal("public, max-age=20", now.Headers.CacheControl?.ToString());

        // An answer for a given time stays true whatever the clock says: the usual minute.
        var fixedTime = await client.GetAsync(Lookup + "&at=2026-11-30T07:59:40");
        await HttpAssert.OkAsync(fixedTime);
        Assert.Equal("public, max-age=60", fixedTime.Headers.CacheControl?.ToString());

        // Far from any change, the usual minute as well.
        factory.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal("public, max-age=60", (await client.GetAsync(Lookup)).Headers.CacheControl?.ToString());
    }
}
