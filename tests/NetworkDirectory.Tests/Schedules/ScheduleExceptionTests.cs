using NetworkDirectory.Api.Schedules;
using static NetworkDirectory.Tests.Schedules.TestSchedules;

namespace NetworkDirectory.Tests.Schedules;

public class ScheduleExceptionTests
{
    private static readonly Schedule ChristmasOffice = Office("09",
        ScheduleException.OpenOn(Date("2026-12-24"), "08:00", "12:00"),
        ScheduleException.OpenOn(Date("2026-12-31"), "16:00", "24:00"),
        ScheduleException.ClosedOn(Date("2026-12-29")),
        ScheduleException.OpenOn(Date("2025-10-03"), "10:00", "14:00", "Tag der offenen Tür"),
        ScheduleException.OpenOn(Date("2026-12-30"), "22:00", "06:00"));

    [Theory]
    [InlineData("2026-12-24T10:00+01:00", true, "2026-12-24T12:00+01:00", "open: date exception 2026-12-24 08:00–12:00")]
    [InlineData("2026-12-24T13:00+01:00", false, "2026-12-28T08:00+01:00", "closed: date exception 2026-12-24, open only 08:00–12:00")]
    [InlineData("2026-12-29T10:00+01:00", false, "2026-12-30T22:00+01:00", "closed: date exception 2026-12-29")]
    [InlineData("2025-10-03T11:00+02:00", true, "2025-10-03T14:00+02:00", "open: date exception 2025-10-03 10:00–14:00")]
    [InlineData("2025-10-03T09:00+02:00", false, "2025-10-03T10:00+02:00", "closed: date exception 2025-10-03 (Tag der offenen Tür), open only 10:00–14:00")]
    [InlineData("2026-12-30T10:00+01:00", false, "2026-12-30T22:00+01:00", "closed: date exception 2026-12-30, open only 22:00–06:00")]
    [InlineData("2026-12-31T03:00+01:00", true, "2026-12-31T06:00+01:00", "open: date exception 2026-12-30 22:00–06:00")]
    [InlineData("2026-12-31T09:00+01:00", false, "2026-12-31T16:00+01:00", "closed: date exception 2026-12-31, open only 16:00–24:00")]
    [InlineData("2026-12-31T20:00+01:00", true, "2027-01-01T00:00+01:00", "open: date exception 2026-12-31 16:00–24:00")]
    public void DateExceptionsReplaceWeeklyWindowsAndHolidays(string at, bool open, string? next, string reason) =>
        Assert.Equal(new Reachability(open, AtOrNull(next), reason), Evaluator.Evaluate(ChristmasOffice, At(at), null));

    [Theory]
    [InlineData("2026-12-23T12:00+01:00", true, "2026-12-24T00:00+01:00", "open: 24/7")]
    [InlineData("2026-12-24T12:00+01:00", false, "2026-12-25T00:00+01:00", "closed: date exception 2026-12-24")]
    public void ClosedDayInterruptsAlwaysOpen(string at, bool open, string? next, string reason) =>
        Assert.Equal(new Reachability(open, AtOrNull(next), reason),
            Evaluator.Evaluate(AlwaysOpen(ScheduleException.ClosedOn(Date("2026-12-24"))), At(at), null));

    [Theory]
    [InlineData("2025-12-31T10:00+01:00", false, "2026-01-02T08:00+01:00", "closed: outside validity period")]
    [InlineData("2026-06-30T15:00+02:00", true, "2026-06-30T16:00+02:00", "open: weekly window Tue 08:00–16:00")]
    [InlineData("2026-07-01T10:00+02:00", false, null, "closed: outside validity period")]
    public void ValidityPeriodLimitsTheSchedule(string at, bool open, string? next, string reason)
    {
        var schedule = Office("09") with { ValidFrom = Date("2026-01-01"), ValidUntil = Date("2026-06-30") };
        Assert.Equal(new Reachability(open, AtOrNull(next), reason), Evaluator.Evaluate(schedule, At(at), null));
    }

    [Fact]
    public void NextChangeBeyondTheHorizonIsNull()
    {
        var schedule = Office() with { ValidFrom = Date("2027-11-01") };
        Assert.Equal(new Reachability(false, null, "closed: outside validity period"), Evaluator.Evaluate(schedule, At("2026-10-05T20:00+02:00"), null));
        Assert.Equal(At("2027-11-01T08:00+01:00"), Evaluator.Evaluate(schedule, At("2026-11-20T20:00+01:00"), null).NextChange);
    }
}
