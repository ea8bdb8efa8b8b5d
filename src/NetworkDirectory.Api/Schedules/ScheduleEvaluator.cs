using NetworkDirectory.Api.Common;

namespace NetworkDirectory.Api.Schedules;

/// <summary>
/// Decides whether a schedule is open at an instant. Pure and thread-safe (the holiday calendar
/// and the per-day <see cref="DayPlan"/>s cache thread-safely), so one instance serves the whole application.
/// </summary>
/// <remarks>
/// Rules, per local (Europe/Berlin) date D:
/// <list type="number">
/// <item>Outside the validity period nothing starts on D.</item>
/// <item>A date exception for D replaces everything else that would start on D: closed, or one
/// special window (open_until '24:00' ends at midnight; an until at or before the from runs
/// into the next day). Exceptions take precedence over holidays.</item>
/// <item>If the schedule closes on public holidays and D is a holiday of the holiday region
/// (the schedule's key, else the agency's seat, else the default key, else nationwide), no weekly
/// window starts on D. Whether a Gemeinde holiday (Mariä Himmelfahrt in Bayern) is one there is the
/// <see cref="HolidayCalendar"/>'s rules' call; the reason carries its note on that date either way.</item>
/// <item>Otherwise the weekly windows starting on D's weekday open (all day for 24/7).</item>
/// </list>
/// An overnight window belongs to the day it starts on: Mon 22:00–Tue 06:00 runs in full when
/// Tuesday is a holiday or has an exception, and does not open at all when Monday is one.
/// Instants are mapped across daylight-saving changes as described on <see cref="LocalInstants"/>.
/// </remarks>
public sealed class ScheduleEvaluator(HolidayCalendar holidays, string? defaultRegionKey = null)
{
    /// <summary>
    /// How far ahead <see cref="Reachability.NextChange"/> is searched: a year and a day, so that
    /// every yearly date (each holiday, each date of the week pattern) lies within it.
    /// </summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(366);

    /// <summary>Days after the evaluated one whose spans a plan holds; a change within them needs no further walk.</summary>
    private const int DaysAhead = 15;

    // A window lasts at most a week; an overnight exception at most two days.
    private const int DaysBack = 8;

    /// <summary>The plans worked out under one set of holiday rules; a replaced set starts over.</summary>
    private sealed record PlanSet(HolidayRules Rules, DayPlans Plans);

    private PlanSet _plans = new(holidays.Rules, new DayPlans());

    public Reachability Evaluate(Schedule schedule, DateTimeOffset at, string? agencyRegionKey = null)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, LocalInstants.Berlin).DateTime);
        var region = schedule.HolidayRegionKey ?? agencyRegionKey ?? defaultRegionKey;
        var plans = Volatile.Read(ref _plans);
        if (!ReferenceEquals(plans.Rules, holidays.Rules))
        {
            plans = new PlanSet(holidays.Rules, new DayPlans());
            Volatile.Write(ref _plans, plans);
        }
        return plans.Plans.GetOrAdd(schedule, region, today, this, static (self, schedule, region, today) => self.Plan(schedule, region, today)).At(at);
    }

    private DayPlan Plan(Schedule schedule, string? region, DateOnly today)
    {
        var zone = LocalInstants.Berlin;
        var spans = new List<OpenSpan>();
        for (var day = today.AddDays(-DaysBack); day <= today.AddDays(DaysAhead); day = day.AddDays(1))
        {
            AddSpans(schedule, day, region, zone, spans);
        }
        spans.Sort((a, b) => a.Start.CompareTo(b.Start));
        var firstFar = today.AddDays(DaysAhead + 1);
        var lastFar = today.AddDays(Horizon.Days + 1);
        var exceptionsAhead = schedule.Exceptions.Any(e => e.Date >= firstFar);
        var far = new FarSearch(
            firstFar, lastFar, (day, list) => AddSpans(schedule, day, region, zone, list),
            AlwaysOpen: schedule is { AlwaysOpen: true, ClosedOnPublicHolidays: false, ValidUntil: null } && !exceptionsAhead,
            NeverOpens: schedule is { AlwaysOpen: false, OpenOnPublicHolidays: false, Windows.Count: 0 } && !exceptionsAhead,
            NothingBeyondHorizon: schedule.ValidUntil is null && !schedule.Exceptions.Any(e => e.Date > lastFar));
        var knownUntil = LocalInstants.Start(firstFar.ToDateTime(TimeOnly.MinValue), zone);
        return new DayPlan([.. spans], "closed: " + ClosedReason(schedule, today, region), knownUntil, far);
    }

    private void AddSpans(Schedule schedule, DateOnly day, string? region, TimeZoneInfo zone, List<OpenSpan> spans)
    {
        if (!schedule.IsValidOn(day))
        {
            return;
        }
        if (schedule.ExceptionOn(day) is { } exception)
        {
            if (!exception.Closed && exception.OpenFrom is { } from && exception.OpenUntil is { } until)
            {
                var start = ClockTime.From(from).Minutes;
                var length = until.Minutes > start ? until.Minutes - start : until.Minutes - start + ClockTime.MinutesPerDay;
                Add(spans, zone, day, start, length, $"date exception {Iso(day)} {ClockTime.From(from)}–{until}");
            }
            return;
        }
        if (schedule.ClosedOnPublicHolidays && holidays.IsHoliday(day, region, out _))
        {
            return;
        }
        if (schedule.OpenOnPublicHolidays && holidays.IsHoliday(day, region, out var holiday))
        {
            // On-call duty: staffed the whole holiday; windows starting that day still extend past midnight.
            Add(spans, zone, day, 0, ClockTime.MinutesPerDay, $"public holiday {holiday}, staffed all day");
        }
        if (schedule.AlwaysOpen)
        {
            Add(spans, zone, day, 0, ClockTime.MinutesPerDay, "24/7");
            return;
        }
        // A Gemeinde holiday that is not one here (Mariä Himmelfahrt in Nürnberg) says so in the reason.
        var note = schedule.ClosedOnPublicHolidays ? holidays.WorkingDayNote(day, region) : null;
        var isoDay = day.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)day.DayOfWeek;
        foreach (var window in schedule.Windows.Where(w => w.StartDay == isoDay))
        {
            Add(spans, zone, day, ClockTime.From(window.StartTime).Minutes, window.DurationMinutes,
                note is null ? $"weekly window {window}" : $"weekly window {window} ({note})");
        }
    }

    private static void Add(List<OpenSpan> spans, TimeZoneInfo zone, DateOnly day, int startMinute, int minutes, string label)
    {
        var localStart = day.ToDateTime(TimeOnly.MinValue).AddMinutes(startMinute);
        var start = LocalInstants.Start(localStart, zone);
        var end = LocalInstants.End(localStart.AddMinutes(minutes), zone);
        if (end > start)
        {
            spans.Add(new OpenSpan(start, end, "open: " + label));
        }
    }

    private string ClosedReason(Schedule schedule, DateOnly today, string? region)
    {
        if (!schedule.IsValidOn(today))
        {
            return "outside validity period";
        }
        if (schedule.ExceptionOn(today) is { } exception)
        {
            var note = exception.Note is { Length: > 0 } text ? $" ({text})" : "";
            return exception.Closed || exception.OpenFrom is not { } from
                ? $"date exception {Iso(today)}{note}"
                : $"date exception {Iso(today)}{note}, open only {ClockTime.From(from)}–{exception.OpenUntil}";
        }
        if (schedule.ClosedOnPublicHolidays && holidays.IsHoliday(today, region, out var name))
        {
            return $"public holiday {name}";
        }
        return "outside weekly windows";
    }

    private static string Iso(DateOnly day) => Dates.Format(day);
}
