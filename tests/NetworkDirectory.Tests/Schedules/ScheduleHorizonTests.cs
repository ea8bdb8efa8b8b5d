using NetworkDirectory.Api.Schedules;
using static NetworkDirectory.Tests.Schedules.TestSchedules;

namespace NetworkDirectory.Tests.Schedules;

/// <summary>
/// nextChange is searched a year ahead (<see cref="ScheduleEvaluator.Horizon"/>); null then says either
/// "open for good" (<see cref="Reachability.NeverChanges"/>) or "nothing changes as far as was looked".
/// </summary>
public class ScheduleHorizonTests
{
    // 2026-10-05 and 2026-07-20 are Mondays; summer time ends on 2026-10-25.
    [Fact]
    public void AScheduleThatStartsInThreeWeeksSaysWhen()
    {
        var schedule = Office() with { ValidFrom = Date("2026-10-26") };
        Assert.Equal(new Reachability(false, At("2026-10-26T08:00+01:00"), "closed: outside validity period"),
            Evaluator.Evaluate(schedule, At("2026-10-05T20:00+02:00"), null));
    }

    [Fact]
    public void AThreeWeekSummerClosureEndsOnTheMondayAfter()
    {
        var closure = Enumerable.Range(0, 21).Select(d => ScheduleException.ClosedOn(Date("2026-07-20").AddDays(d), "Betriebsferien")).ToArray();
        var schedule = Office("09", closure);
        var result = Evaluator.Evaluate(schedule, At("2026-07-20T10:00+02:00"), null);
        Assert.Equal((false, At("2026-08-10T08:00+02:00")), (result.Open, result.NextChange));
    }

    [Fact]
    public void TwentyFourSevenIsOpenForGood()
    {
        Assert.Equal(new Reachability(true, null, "open: 24/7", NeverChanges: true), Evaluator.Evaluate(AlwaysOpen(), At("2026-10-05T20:00+02:00"), null));
    }

    [Fact]
    public void TwentyFourSevenClosedOnADateMonthsAheadSaysWhen()
    {
        var schedule = AlwaysOpen(ScheduleException.ClosedOn(Date("2027-03-01"), "Umzug"));
        Assert.Equal(new Reachability(true, At("2027-03-01T00:00+01:00"), "open: 24/7"), Evaluator.Evaluate(schedule, At("2026-12-01T12:00+01:00"), null));
    }

    [Theory]
    // Open all the time, but only until a date more than a year ahead: no change within the horizon, not open for good.
    [InlineData("2028-06-30", true)]
    [InlineData(null, false)]
    public void NoChangeWithinTheHorizonIsNotAlwaysOpen(string? validUntil, bool open)
    {
        var schedule = open
            ? AlwaysOpen() with { ValidUntil = Date(validUntil!) }
            : WithWindows() with { ValidUntil = null };
        var result = Evaluator.Evaluate(schedule, At("2026-10-05T20:00+02:00"), null);
        Assert.Equal((open, (DateTimeOffset?)null, false), (result.Open, result.NextChange, result.NeverChanges));
    }

    [Fact]
    public void AChangeJustInsideTheHorizonIsFoundAndJustOutsideIsNot()
    {
        var schedule = AlwaysOpen(ScheduleException.ClosedOn(Date("2027-10-05")));
        Assert.Equal(At("2027-10-05T00:00+02:00"), Evaluator.Evaluate(schedule, At("2026-10-04T12:00+02:00"), null).NextChange);
        Assert.Null(Evaluator.Evaluate(schedule, At("2026-10-03T12:00+02:00"), null).NextChange);
    }

    /// <summary>
    /// Where the plan's own spans end and the walk over the days beyond begins, the answers must
    /// agree: asked just before the change, the state is still the same; at the change, it differs.
    /// </summary>
    [Theory]
    [InlineData("2026-07-20T10:00+02:00")]
    [InlineData("2026-07-25T23:30+02:00")]
    [InlineData("2026-08-02T12:00+02:00")]
    [InlineData("2026-08-09T23:59+02:00")]
    public void TheWalkBeyondThePlanAgreesWithThePlanOfTheDayOfTheChange(string at)
    {
        var closure = Enumerable.Range(0, 21).Select(d => ScheduleException.ClosedOn(Date("2026-07-20").AddDays(d))).ToArray();
        var schedule = Office("09", closure);
        var now = Evaluator.Evaluate(schedule, At(at), null);
        var change = now.NextChange!.Value;
        Assert.Equal(now.Open, Evaluator.Evaluate(schedule, change.AddMinutes(-1), null).Open);
        Assert.NotEqual(now.Open, Evaluator.Evaluate(schedule, change, null).Open);
    }
}

/// <summary>
/// The year beyond a plan's two weeks is walked only as far as the answer needs, and not at all for
/// 24/7 or a schedule that can never open: what keeps a year's horizon cheap on the lookup's hot path.
/// </summary>
public class FarSearchTests
{
    private static readonly DateOnly First = new(2026, 10, 21);

    private static (FarSearch Search, List<DateOnly> Walked) Search(Action<DateOnly, List<OpenSpan>> spansOf, bool alwaysOpen = false, bool neverOpens = false)
    {
        var walked = new List<DateOnly>();
        var search = new FarSearch(First, First.AddDays(351), (day, spans) =>
        {
            walked.Add(day);
            spansOf(day, spans);
        }, alwaysOpen, neverOpens, NothingBeyondHorizon: true);
        return (search, walked);
    }

    private static void Monday(DateOnly day, List<OpenSpan> spans)
    {
        if (day.DayOfWeek == DayOfWeek.Monday)
        {
            var start = new DateTimeOffset(day.ToDateTime(new TimeOnly(8, 0)), TimeSpan.FromHours(1));
            spans.Add(new OpenSpan(start, start.AddHours(8), "open"));
        }
    }

    [Fact]
    public void AWeeklyScheduleStopsAtTheFirstDayThatOpens()
    {
        var (search, walked) = Search(Monday);
        Assert.Equal(new DateTimeOffset(2026, 10, 26, 8, 0, 0, TimeSpan.FromHours(1)), search.FirstOpening());
        Assert.Equal(6, walked.Count);
    }

    [Fact]
    public void AnOpenStretchStopsAtItsFirstGap()
    {
        var (search, walked) = Search(Monday);
        var openUntil = new DateTimeOffset(2026, 10, 21, 0, 0, 0, TimeSpan.FromHours(2));
        Assert.Equal(openUntil, search.FirstGap(openUntil));
        Assert.True(walked.Count <= 7, $"walked {walked.Count} days");
    }

    [Fact]
    public void TwentyFourSevenAndNeverOpenWalkNothing()
    {
        var (open, walkedOpen) = Search((_, _) => throw new InvalidOperationException("no walk"), alwaysOpen: true);
        var (closed, walkedClosed) = Search((_, _) => throw new InvalidOperationException("no walk"), neverOpens: true);
        Assert.Equal((null, null), (open.FirstGap(DateTimeOffset.UnixEpoch), closed.FirstOpening()));
        Assert.Equal((0, 0), (walkedOpen.Count, walkedClosed.Count));
    }
}
