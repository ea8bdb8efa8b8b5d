using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace NetworkDirectory.Api.Schedules;

/// <summary>An instant range in which a schedule is open, and the reason shown while it is ("open: weekly window Mon 08:00–16:00").</summary>
internal readonly record struct OpenSpan(DateTimeOffset Start, DateTimeOffset End, string Reason);

/// <summary>
/// What <see cref="ScheduleEvaluator"/> works out for one schedule, holiday region and local day,
/// independent of the time of day: the open spans from a week back to <see cref="KnownUntil"/>
/// (a little over two weeks ahead), sorted by start, and the reason it is closed that day.
/// Answering for an instant of that day is a scan of the spans.
/// </summary>
/// <remarks>
/// The next change is searched up to <see cref="ScheduleEvaluator.Horizon"/> (a year). Weekly
/// windows repeat, so almost every schedule changes within the spans held here; only one that does
/// not (24/7, closed for months by exceptions or validity, windows covering the whole week) needs
/// the days beyond. Those are walked once per plan and state (<see cref="FarChange"/>), day by day
/// without building anything for a day on which nothing starts, and kept.
/// </remarks>
internal sealed class DayPlan(OpenSpan[] sortedSpans, string closedReason, DateTimeOffset knownUntil, FarSearch far)
{
    private FarResult? _farOpen;
    private FarResult? _farClosed;

    /// <summary>The open state is exact for every instant before this (the start of the first day not built).</summary>
    public DateTimeOffset KnownUntil => knownUntil;

    public Reachability At(DateTimeOffset at)
    {
        for (var i = sortedSpans.Length - 1; i >= 0; i--)
        {
            // The last span holding the instant decides the reason, as it always has.
            if (sortedSpans[i].Start <= at && at < sortedSpans[i].End)
            {
                return Result(at, true, sortedSpans[i].Reason);
            }
        }
        return Result(at, false, closedReason);
    }

    private Reachability Result(DateTimeOffset at, bool open, string reason)
    {
        var next = NextChange(at, open);
        if (next > at + ScheduleEvaluator.Horizon)
        {
            next = null;
        }
        return new Reachability(open, next, reason, NeverChanges: next is null && open && far.NothingBeyondHorizon);
    }

    /// <summary>The end of the merged open stretch holding <paramref name="at"/>, or the start of the next one; null when none is known.</summary>
    private DateTimeOffset? NextChange(DateTimeOffset at, bool open)
    {
        DateTimeOffset? start = null, end = null;
        for (var i = 0; i <= sortedSpans.Length; i++)
        {
            var span = i < sortedSpans.Length ? sortedSpans[i] : new OpenSpan(DateTimeOffset.MaxValue, DateTimeOffset.MaxValue, "");
            if (end is not null && span.Start <= end)
            {
                end = span.End > end ? span.End : end;
                continue;
            }
            // The stretch [start, end) is complete.
            if (open && start <= at && at < end)
            {
                return end < knownUntil ? end : FarChange(true, end.Value);
            }
            if (!open && start > at)
            {
                return start < knownUntil ? start : FarChange(false, knownUntil);
            }
            (start, end) = (span.Start, span.End);
        }
        return open ? null : FarChange(false, knownUntil);
    }

    /// <summary>The first change at or after <see cref="KnownUntil"/>; the same for every instant of the day in that state.</summary>
    private DateTimeOffset? FarChange(bool open, DateTimeOffset openUntil)
    {
        ref var cached = ref open ? ref _farOpen : ref _farClosed;
        var result = Volatile.Read(ref cached);
        if (result is null)
        {
            // Two threads may both walk; they find the same answer.
            result = new FarResult(open ? far.FirstGap(openUntil) : far.FirstOpening());
            Volatile.Write(ref cached, result);
        }
        return result.Change;
    }

    private sealed record FarResult(DateTimeOffset? Change);
}

/// <summary>
/// Walks the days after a <see cref="DayPlan"/>'s spans, from FirstDay to
/// LastDay, each day's spans written by SpansOf (sorted).
/// </summary>
/// <param name="AlwaysOpen">Nothing beyond the plan can close it (24/7, no holidays, exceptions or end of validity ahead): no walk.</param>
/// <param name="NeverOpens">Nothing beyond the plan can open it (no windows, no holiday duty, no exceptions ahead): no walk.</param>
/// <param name="NothingBeyondHorizon">No validity end or exception lies after LastDay: a state that holds to the horizon holds for good.</param>
internal sealed record FarSearch(
    DateOnly FirstDay, DateOnly LastDay, Action<DateOnly, List<OpenSpan>> SpansOf, bool AlwaysOpen, bool NeverOpens, bool NothingBeyondHorizon)
{
    /// <summary>The first instant not open, given that it is open until <paramref name="openUntil"/>; null for 24/7.</summary>
    public DateTimeOffset? FirstGap(DateTimeOffset openUntil)
    {
        if (AlwaysOpen)
        {
            return null;
        }
        var end = openUntil;
        var spans = new List<OpenSpan>();
        for (var day = FirstDay; day <= LastDay; day = day.AddDays(1))
        {
            // A day's spans all start on that day, so days come in order; within a day, sort.
            spans.Clear();
            SpansOf(day, spans);
            spans.Sort(static (a, b) => a.Start.CompareTo(b.Start));
            foreach (var span in spans)
            {
                if (span.Start > end)
                {
                    return end;
                }
                end = span.End > end ? span.End : end;
            }
        }
        // Open to here and nothing starts later: the gap is here (past the horizon when it runs to the last day).
        return end;
    }

    /// <summary>The first instant open from <see cref="FirstDay"/> on; null when closed to the last day.</summary>
    public DateTimeOffset? FirstOpening()
    {
        if (NeverOpens)
        {
            return null;
        }
        var spans = new List<OpenSpan>();
        for (var day = FirstDay; day <= LastDay; day = day.AddDays(1))
        {
            SpansOf(day, spans);
            if (spans.Count > 0)
            {
                return spans.Min(s => s.Start);
            }
        }
        return null;
    }
}

/// <summary>
/// The <see cref="DayPlan"/>s already worked out, so that lookups evaluating the same contacts all
/// day long do not rebuild them. Keyed on the schedule object itself and held weakly: when a reload
/// replaces the snapshot, its schedules and their plans go away together. A schedule is an
/// immutable record, so a plan never goes stale. Thread-safe.
/// </summary>
internal sealed class DayPlans
{
    // 'at' is a query parameter: callers asking about many different days must not grow memory
    // without bound, so a schedule keeps at most this many plans and starts over when it has more.
    private const int MaxPlansPerSchedule = 16;

    private readonly ConditionalWeakTable<Schedule, ConcurrentDictionary<(string? Region, DateOnly Day), DayPlan>> _bySchedule = new();

    public DayPlan GetOrAdd<TState>(Schedule schedule, string? region, DateOnly day, TState state, Func<TState, Schedule, string?, DateOnly, DayPlan> build)
    {
        var plans = _bySchedule.GetValue(schedule, static _ => new ConcurrentDictionary<(string?, DateOnly), DayPlan>());
        if (plans.TryGetValue((region, day), out var plan))
        {
            return plan;
        }
        if (plans.Count >= MaxPlansPerSchedule)
        {
            plans.Clear();
        }
        return plans.GetOrAdd((region, day), build(state, schedule, region, day));
    }
}
