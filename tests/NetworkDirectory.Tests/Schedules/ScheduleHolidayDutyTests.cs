using NetworkDirectory.Api.Schedules;
using static NetworkDirectory.Tests.Schedules.TestSchedules;

namespace NetworkDirectory.Tests.Schedules;

/// <summary>On-call duty that is staffed all day on public holidays (schedules.open_on_public_holidays).</summary>
public class ScheduleHolidayDutyTests
{
    private static Schedule OnCallWithHolidays() => OnCall() with { OpenOnPublicHolidays = true };

    [Theory]
    // Tag der Deutschen Einheit, a Friday: the night before, the holiday and the weekend form one stretch.
    [InlineData("2025-10-03T10:00+02:00", true, "2025-10-06T08:00+02:00", "open: public holiday Tag der Deutschen Einheit, staffed all day")]
    [InlineData("2025-10-02T20:00+02:00", true, "2025-10-06T08:00+02:00", "open: weekly window Thu 16:00–Fri 08:00")]
    // Heilige Drei Könige is a holiday in Bayern, not in Hamburg.
    [InlineData("2026-01-06T11:00+01:00", true, "2026-01-07T08:00+01:00", "open: public holiday Heilige Drei Könige, staffed all day")]
    // An ordinary Tuesday: the weekly windows alone decide.
    [InlineData("2026-10-06T12:00+02:00", false, "2026-10-06T16:00+02:00", "closed: outside weekly windows")]
    public void HolidayDutyCoversTheWholeHoliday(string at, bool open, string next, string reason) =>
        Assert.Equal(new Reachability(open, At(next), reason), Evaluator.Evaluate(OnCallWithHolidays(), At(at), "09162"));

    [Fact]
    public void HolidayOfAnotherLandDoesNotOpenIt() =>
        Assert.False(Evaluator.Evaluate(OnCallWithHolidays(), At("2026-01-06T11:00+01:00"), "02000").Open);

    [Fact]
    public void WithoutTheFlagTheHolidayDaytimeIsUncovered() =>
        Assert.False(Evaluator.Evaluate(OnCall(), At("2025-10-03T10:00+02:00"), "09162").Open);
}
