using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace NetworkDirectory.Api.Schedules;

/// <summary>An instant range in which a schedule is open, and the reason shown while it is ("open: weekly window Mon 08:00–16:00").</summary>
internal readonly record struct OpenSpan(DateTimeOffset Start, DateTimeOffset End, string Reason);

/// <summary>
/// What <see cref="ScheduleEvaluator"/> works out for one schedule, holiday region and local day,
/// independent of the time of day: the open spans from a week back to the horizon, sorted by start,
/// and the reason it is closed that day. Answering for an instant of that day is a scan of the spans.
/// </summary>
internal sealed class DayPlan(OpenSpan[] sortedSpans, string closedReason)
{
    public Reachability At(DateTimeOffset at)
    {
        for (var i = sortedSpans.Length - 1; i >= 0; i--)
        {
            // The last span holding the instant decides the reason, as it always has.
            if (sortedSpans[i].Start <= at && at < sortedSpans[i].End)
            {
                return new Reachability(true, NextChange(at, open: true), sortedSpans[i].Reason);
            }
        }
        return new Reachability(false, NextChange(at, open: false), closedReason);
    }

    /// <summary>The end of the merged open stretch holding <paramref name="at"/>, or the start of the next one.</summary>
    private DateTimeOffset? NextChange(DateTimeOffset at, bool open)
    {
        var limit = at + ScheduleEvaluator.Horizon;
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
                return end <= limit ? end : null;
            }
            if (!open && start > at)
            {
                return start <= limit ? start : null;
            }
            (start, end) = (span.Start, span.End);
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
