using NetworkDirectory.Api.Schedules;
using static NetworkDirectory.Tests.Schedules.TestSchedules;

namespace NetworkDirectory.Tests.Schedules;

public class ScheduleEvaluatorTests
{
    [Theory]
    [InlineData("2026-10-05T09:00+02:00", true, "2026-10-05T16:00+02:00", "open: weekly window Mon 08:00–16:00")]
    [InlineData("2026-10-05T08:00+02:00", true, "2026-10-05T16:00+02:00", "open: weekly window Mon 08:00–16:00")]
    [InlineData("2026-10-05T07:59+02:00", false, "2026-10-05T08:00+02:00", "closed: outside weekly windows")]
    [InlineData("2026-10-05T16:00+02:00", false, "2026-10-06T08:00+02:00", "closed: outside weekly windows")]
    [InlineData("2026-10-09T13:00+02:00", false, "2026-10-12T08:00+02:00", "closed: outside weekly windows")]
    [InlineData("2025-10-02T15:00+02:00", true, "2025-10-02T16:00+02:00", "open: weekly window Thu 08:00–16:00")]
    [InlineData("2025-10-03T10:00+02:00", false, "2025-10-06T08:00+02:00", "closed: public holiday Tag der Deutschen Einheit")]
    [InlineData("2026-10-05T07:00Z", true, "2026-10-05T16:00+02:00", "open: weekly window Mon 08:00–16:00")]
    public void OfficeFollowsWeeklyWindowsAndHolidays(string at, bool open, string? next, string reason) =>
        Assert.Equal(new Reachability(open, AtOrNull(next), reason), Evaluator.Evaluate(Office(), At(at), "09162"));

    [Theory]
    [InlineData("2026-10-05T22:00+02:00", true, "2026-10-06T08:00+02:00", "open: weekly window Mon 16:00–Tue 08:00")]
    [InlineData("2026-10-06T07:59+02:00", true, "2026-10-06T08:00+02:00", "open: weekly window Mon 16:00–Tue 08:00")]
    [InlineData("2026-10-06T12:00+02:00", false, "2026-10-06T16:00+02:00", "closed: outside weekly windows")]
    [InlineData("2026-10-10T12:00+02:00", true, "2026-10-12T08:00+02:00", "open: weekly window Fri 13:00–Mon 08:00")]
    [InlineData("2026-10-09T13:00+02:00", true, "2026-10-12T08:00+02:00", "open: weekly window Fri 13:00–Mon 08:00")]
    [InlineData("2025-10-03T07:00+02:00", true, "2025-10-03T08:00+02:00", "open: weekly window Thu 16:00–Fri 08:00")]
    [InlineData("2025-10-03T14:00+02:00", true, "2025-10-06T08:00+02:00", "open: weekly window Fri 13:00–Mon 08:00")]
    public void OnCallRunsOvernightOverWeekendsAndOnHolidays(string at, bool open, string? next, string reason) =>
        Assert.Equal(new Reachability(open, AtOrNull(next), reason), Evaluator.Evaluate(OnCall(), At(at), "09162"));

    [Fact]
    public void HolidayClosesOfficeButNotOnCall()
    {
        var at = At("2025-10-03T14:00+02:00");
        Assert.False(Evaluator.Evaluate(Office(), at, "09").Open);
        Assert.True(Evaluator.Evaluate(OnCall(), at, "09").Open);
    }

    [Theory]
    [InlineData("09", null, false)]
    [InlineData("02", null, true)]
    [InlineData("02", "09", false)]
    [InlineData("09", "02", true)]
    [InlineData(null, null, true)]
    public void HolidayRegionIsTheSchedulesOrElseTheAgencySeat(string? agencyKey, string? scheduleKey, bool open) =>
        Assert.Equal(open, Evaluator.Evaluate(Office(scheduleKey), At("2026-06-04T10:00+02:00"), agencyKey).Open);

    [Fact]
    public void DefaultRegionKeyAppliesWhenNeitherScheduleNorAgencyNamesOne()
    {
        var bavarian = new ScheduleEvaluator(new HolidayCalendar(), defaultRegionKey: "09");
        Assert.Equal("closed: public holiday Fronleichnam", bavarian.Evaluate(Office(), At("2026-06-04T10:00+02:00"), null).Reason);
    }

    [Theory]
    [InlineData("09761000", false, "closed: public holiday Augsburger Hohes Friedensfest (8 August: Augsburger Hohes Friedensfest is a holiday only in the city of Augsburg; the holiday list counts this place in)")]
    [InlineData("09162000", true, "open: weekly window Fri 08:00–13:00 (8 August: Augsburger Hohes Friedensfest is a holiday only in the city of Augsburg; the holiday list counts this place out)")]
    public void FriedensfestClosesOnlyAugsburg(string agencyKey, bool open, string reason)
    {
        var result = Evaluator.Evaluate(Office(), At("2025-08-08T10:00+02:00"), agencyKey);
        Assert.Equal((open, reason), (result.Open, result.Reason));
    }

    [Theory]
    [InlineData("2026-06-04T05:00+02:00", true, "open: weekly window Wed 22:00–Thu 06:00")]
    [InlineData("2026-06-04T23:00+02:00", false, "closed: public holiday Fronleichnam")]
    public void OvernightWindowBelongsToTheDayItStarts(string at, bool open, string reason)
    {
        var nights = Weekly("nights", true, "09", [], "3 22:00 4 06:00", "4 22:00 5 06:00");
        var result = Evaluator.Evaluate(nights, At(at), null);
        Assert.Equal((open, reason), (result.Open, result.Reason));
    }

    [Fact]
    public void AdjacentWindowsChangeOnlyAtTheEndOfTheWhole()
    {
        var result = Evaluator.Evaluate(WithWindows("1 08:00 1 16:00", "1 16:00 2 08:00"), At("2026-10-05T09:00+02:00"));
        Assert.Equal(At("2026-10-06T08:00+02:00"), result.NextChange);
    }

    [Fact]
    public void WindowEndingWhereItStartsCoversTheWholeWeek()
    {
        var result = Evaluator.Evaluate(WithWindows("1 08:00 1 08:00"), At("2026-10-08T03:00+02:00"));
        Assert.Equal(new Reachability(true, null, "open: weekly window Mon 08:00–Mon 08:00", NeverChanges: true), result);
    }

    [Fact]
    public void WindowUntilMidnightUses2400()
    {
        var result = Evaluator.Evaluate(WithWindows("7 18:00 7 24:00"), At("2026-10-11T23:59+02:00"));
        Assert.Equal(new Reachability(true, At("2026-10-12T00:00+02:00"), "open: weekly window Sun 18:00–24:00"), result);
    }

    [Fact]
    public void AlwaysOpenNeverChanges() =>
        Assert.Equal(new Reachability(true, null, "open: 24/7", NeverChanges: true), Evaluator.Evaluate(AlwaysOpen(), At("2026-10-03T12:00+02:00"), "09"));

    [Fact]
    public void ScheduleWithoutWindowsIsNeverOpen() =>
        Assert.Equal(new Reachability(false, null, "closed: outside weekly windows"), Evaluator.Evaluate(WithWindows(), At("2026-10-05T12:00+02:00")));
}
