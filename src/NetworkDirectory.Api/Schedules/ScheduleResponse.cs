namespace NetworkDirectory.Api.Schedules;

/// <summary>Weekly opening times in Europe/Berlin local time.</summary>
/// <param name="AlwaysOpen">Staffed around the clock (24/7).</param>
/// <param name="ClosedOnPublicHolidays">Weekly windows do not apply on public holidays of the Land where the agency sits.</param>
/// <param name="OpenOnPublicHolidays">Staffed all day on those public holidays (on-call duty), in addition to the windows.</param>
/// <param name="Windows">Weekly windows; a window may run overnight or over a weekend.</param>
/// <param name="Exceptions">Dates with other hours or closed.</param>
/// <param name="ValidFrom">First day the schedule applies.</param>
/// <param name="ValidUntil">Last day the schedule applies.</param>
public sealed record ScheduleResponse(
    string Id, string Label, string TimeZone, bool AlwaysOpen, bool ClosedOnPublicHolidays, bool OpenOnPublicHolidays,
    IReadOnlyList<WindowResponse> Windows, IReadOnlyList<ExceptionResponse> Exceptions,
    DateOnly? ValidFrom, DateOnly? ValidUntil);

/// <summary>Opens on StartDay at StartTime, closes on EndDay at EndTime ('24:00' = end of that day).</summary>
/// <param name="StartDay">monday .. sunday.</param>
/// <param name="StartTime">Local time, HH:mm.</param>
/// <param name="EndDay">monday .. sunday; a later or earlier weekday than StartDay for overnight and weekend windows.</param>
/// <param name="EndTime">Local time, HH:mm; '24:00' is midnight at the end of EndDay.</param>
public sealed record WindowResponse(string StartDay, string StartTime, string EndDay, string EndTime);

/// <summary>A date on which the weekly windows do not apply.</summary>
/// <param name="Closed">Closed all day; otherwise open only from OpenFrom to OpenUntil.</param>
public sealed record ExceptionResponse(DateOnly Date, bool Closed, string? OpenFrom, string? OpenUntil, string? Note);
