namespace NetworkDirectory.Api.Schedules;

/// <summary>
/// When a contact can be reached, in Europe/Berlin local time. <see cref="AlwaysOpen"/> replaces
/// the weekly windows with one that covers every day; validity, date exceptions and (if
/// <see cref="ClosedOnPublicHolidays"/>) public holidays still apply to it.
/// <see cref="OpenOnPublicHolidays"/> (on-call duty) adds the whole of each public holiday.
/// </summary>
public sealed record Schedule(
    string Id,
    bool AlwaysOpen,
    bool ClosedOnPublicHolidays,
    string? HolidayRegionKey,
    DateOnly? ValidFrom,
    DateOnly? ValidUntil,
    IReadOnlyList<ScheduleWindow> Windows,
    IReadOnlyList<ScheduleException> Exceptions,
    bool OpenOnPublicHolidays = false)
{
    public bool IsValidOn(DateOnly date) =>
        (ValidFrom is null || date >= ValidFrom) && (ValidUntil is null || date <= ValidUntil);

    public ScheduleException? ExceptionOn(DateOnly date) => Exceptions.FirstOrDefault(e => e.Date == date);
}

/// <summary>
/// A weekly opening window: opens on <see cref="StartDay"/> (ISO 1 = Monday .. 7 = Sunday) at
/// <see cref="StartTime"/> and closes at the next <see cref="EndDay"/>/<see cref="EndTime"/>
/// after that, so it may run overnight or over a weekend. An end equal to the start is a full week.
/// </summary>
public sealed record ScheduleWindow(int StartDay, TimeOnly StartTime, int EndDay, ClockTime EndTime)
{
    private const int MinutesPerWeek = 7 * ClockTime.MinutesPerDay;
    private static readonly string[] DayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    public static ScheduleWindow Parse(int startDay, string startTime, int endDay, string endTime)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(startDay, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(startDay, 7);
        ArgumentOutOfRangeException.ThrowIfLessThan(endDay, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(endDay, 7);
        return new ScheduleWindow(startDay, ClockTime.Parse(startTime).ToTimeOnly(), endDay, ClockTime.Parse(endTime));
    }

    public int StartMinuteOfWeek => (StartDay - 1) * ClockTime.MinutesPerDay + ClockTime.From(StartTime).Minutes;

    /// <summary>Minutes from Monday 00:00; Sunday 24:00 is 10080, the same instant as Monday 00:00.</summary>
    public int EndMinuteOfWeek => (EndDay - 1) * ClockTime.MinutesPerDay + EndTime.Minutes;

    /// <summary>Length in local wall-clock minutes, 1..10080.</summary>
    public int DurationMinutes
    {
        get
        {
            var minutes = ((EndMinuteOfWeek - StartMinuteOfWeek) % MinutesPerWeek + MinutesPerWeek) % MinutesPerWeek;
            return minutes == 0 ? MinutesPerWeek : minutes;
        }
    }

    /// <summary>"Mon 08:00–16:00", or "Fri 13:00–Mon 08:00" when it ends on another day.</summary>
    public override string ToString()
    {
        var start = $"{DayName(StartDay)} {ClockTime.From(StartTime)}";
        var sameDay = StartDay == EndDay && DurationMinutes < ClockTime.MinutesPerDay;
        return sameDay ? $"{start}–{EndTime}" : $"{start}–{DayName(EndDay)} {EndTime}";
    }

    public static string DayName(int isoDay) => DayNames[isoDay - 1];
}

/// <summary>
/// A local date on which the weekly windows do not apply: closed all day, or open only
/// <see cref="OpenFrom"/>–<see cref="OpenUntil"/> (an until at or before from runs into the next day).
/// </summary>
public sealed record ScheduleException(DateOnly Date, bool Closed, TimeOnly? OpenFrom, ClockTime? OpenUntil, string? Note = null)
{
    public static ScheduleException ClosedOn(DateOnly date, string? note = null) => new(date, true, null, null, note);

    public static ScheduleException OpenOn(DateOnly date, string from, string until, string? note = null) =>
        new(date, false, ClockTime.Parse(from).ToTimeOnly(), ClockTime.Parse(until), note);
}

/// <summary>
/// Whether a schedule is open at an instant, when that next changes and a short English reason
/// naming what decided it. <see cref="NextChange"/> is null when nothing changes within
/// <see cref="ScheduleEvaluator.Horizon"/>; then <see cref="NeverChanges"/> tells whether it is open
/// for good (24/7: nothing after the horizon, no end of validity or exception, can close it) or only
/// unchanged as far as was looked.
/// </summary>
public sealed record Reachability(bool Open, DateTimeOffset? NextChange, string Reason, bool NeverChanges = false);
