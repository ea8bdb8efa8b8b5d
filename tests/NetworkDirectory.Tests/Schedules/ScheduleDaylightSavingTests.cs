using NetworkDirectory.Api.Schedules;
using static NetworkDirectory.Tests.Schedules.TestSchedules;

namespace NetworkDirectory.Tests.Schedules;

/// <summary>Europe/Berlin 2026: 29 March 02:00 → 03:00 (01:00Z); 25 October 03:00 → 02:00 (01:00Z).</summary>
public class ScheduleDaylightSavingTests
{
    [Theory]
    // Overnight on-call across the short night: 20:00 CET to 08:00 CEST is 11 hours.
    [InlineData("6 20:00 7 08:00", "2026-03-28T23:00+01:00", true, "2026-03-29T08:00+02:00")]
    // A start inside the gap opens when the gap ends.
    [InlineData("7 02:30 7 05:00", "2026-03-29T01:30+01:00", false, "2026-03-29T03:00+02:00")]
    [InlineData("7 02:30 7 05:00", "2026-03-29T03:00+02:00", true, "2026-03-29T05:00+02:00")]
    // An end inside the gap closes when the gap ends.
    [InlineData("6 22:00 7 02:30", "2026-03-29T01:59+01:00", true, "2026-03-29T03:00+02:00")]
    [InlineData("7 01:00 7 03:00", "2026-03-29T01:30+01:00", true, "2026-03-29T03:00+02:00")]
    // A window entirely inside the gap does not happen that night.
    [InlineData("7 02:10 7 02:50", "2026-03-29T01:30+01:00", false, "2026-04-05T02:10+02:00")]
    // NextChange over the weekend of the change carries the summer offset.
    [InlineData("5 08:00 5 16:00", "2026-03-27T17:00+01:00", false, "2026-04-03T08:00+02:00")]
    [InlineData("1 08:00 1 16:00", "2026-03-27T17:00+01:00", false, "2026-03-30T08:00+02:00")]
    public void SpringForward(string window, string at, bool open, string next)
    {
        var result = Evaluator.Evaluate(WithWindows(window), At(at));
        Assert.Equal((open, At(next)), (result.Open, result.NextChange));
        Assert.Equal(At(next).Offset, result.NextChange!.Value.Offset);
    }

    [Theory]
    // Overnight on-call across the long night: 20:00 CEST to 08:00 CET is 13 hours.
    [InlineData("6 20:00 7 08:00", "2026-10-24T23:00+02:00", true, "2026-10-25T08:00+01:00")]
    // Both occurrences of 02:30 are inside 02:00–03:00, which lasts two hours that night.
    [InlineData("7 02:00 7 03:00", "2026-10-25T01:59+02:00", false, "2026-10-25T02:00+02:00")]
    [InlineData("7 02:00 7 03:00", "2026-10-25T02:30+02:00", true, "2026-10-25T03:00+01:00")]
    [InlineData("7 02:00 7 03:00", "2026-10-25T02:30+01:00", true, "2026-10-25T03:00+01:00")]
    // A start in the repeated hour opens at its first occurrence and stays open through the second.
    [InlineData("7 02:30 7 06:00", "2026-10-25T02:15+02:00", false, "2026-10-25T02:30+02:00")]
    [InlineData("7 02:30 7 06:00", "2026-10-25T02:15+01:00", true, "2026-10-25T06:00+01:00")]
    // An end in the repeated hour closes at its second occurrence ...
    [InlineData("6 22:00 7 02:30", "2026-10-25T02:45+02:00", true, "2026-10-25T02:30+01:00")]
    // ... except an end at 02:00 itself, which the clock last passes in summer time.
    [InlineData("6 22:00 7 02:00", "2026-10-25T01:30+02:00", true, "2026-10-25T02:00+02:00")]
    [InlineData("6 22:00 7 02:00", "2026-10-25T02:30+02:00", false, "2026-10-31T22:00+01:00")]
    // Friday close to Monday opening across the change carries the winter offset.
    [InlineData("1 08:00 1 16:00", "2026-10-23T17:00+02:00", false, "2026-10-26T08:00+01:00")]
    public void FallBack(string window, string at, bool open, string next)
    {
        var result = Evaluator.Evaluate(WithWindows(window), At(at));
        Assert.Equal((open, At(next)), (result.Open, result.NextChange));
        Assert.Equal(At(next).Offset, result.NextChange!.Value.Offset);
    }

    [Theory]
    [InlineData("2026-03-29T00:59Z", "2026-03-29T01:59+01:00")]
    [InlineData("2026-03-29T01:00Z", "2026-03-29T03:00+02:00")]
    [InlineData("2026-10-25T00:30Z", "2026-10-25T02:30+02:00")]
    [InlineData("2026-10-25T01:30Z", "2026-10-25T02:30+01:00")]
    public void OnCallIsOpenThroughBothChangeNights(string at, string expectedLocal)
    {
        Assert.Equal(At(expectedLocal).Offset, TimeZoneInfo.ConvertTime(At(at), LocalInstants.Berlin).Offset);
        var result = Evaluator.Evaluate(OnCall(), At(at), "09");
        Assert.Equal(new Reachability(true, At(at[..10] == "2026-03-29" ? "2026-03-30T08:00+02:00" : "2026-10-26T08:00+01:00"),
            "open: weekly window Fri 13:00–Mon 08:00"), result);
    }

    [Theory]
    [InlineData("2026-03-29T02:30", "2026-03-29T03:00+02:00", "2026-03-29T03:00+02:00")]
    [InlineData("2026-10-25T02:30", "2026-10-25T02:30+02:00", "2026-10-25T02:30+01:00")]
    [InlineData("2026-10-25T02:00", "2026-10-25T02:00+02:00", "2026-10-25T02:00+02:00")]
    [InlineData("2026-10-25T03:00", "2026-10-25T03:00+01:00", "2026-10-25T03:00+01:00")]
    public void LocalTimesMapToInstantsAsDocumented(string local, string start, string end)
    {
        var wallClock = DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(At(start), LocalInstants.Start(wallClock, LocalInstants.Berlin));
        Assert.Equal(At(end), LocalInstants.End(wallClock, LocalInstants.Berlin));
    }
}
