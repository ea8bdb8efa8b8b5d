namespace NetworkDirectory.Api.Schedules;

// The rows of schedules, schedule_windows and schedule_exceptions, as display, writes and the lookup
// read them. Columns are aliased so that the rows map without Dapper's underscore setting (tests
// read schedules without the host).

internal sealed class ScheduleRow
{
    public const string Columns = """
        id AS Id, label AS Label, time_zone AS TimeZone, always_open AS AlwaysOpen,
        closed_on_public_holidays AS ClosedOnPublicHolidays, open_on_public_holidays AS OpenOnPublicHolidays,
        holiday_region_key AS HolidayRegionKey, valid_from AS ValidFrom, valid_until AS ValidUntil
        """;

    public string Id { get; init; } = "";
    public string Label { get; init; } = "";
    public string TimeZone { get; init; } = "";
    public bool AlwaysOpen { get; init; }
    public bool ClosedOnPublicHolidays { get; init; }
    public bool OpenOnPublicHolidays { get; init; }
    public string? HolidayRegionKey { get; init; }
    public string? ValidFrom { get; init; }
    public string? ValidUntil { get; init; }
}

internal sealed class WindowRow
{
    public const string Columns = "schedule_id AS ScheduleId, start_day AS StartDay, start_time AS StartTime, end_day AS EndDay, end_time AS EndTime";

    public string ScheduleId { get; init; } = "";
    public int StartDay { get; init; }
    public string StartTime { get; init; } = "";
    public int EndDay { get; init; }
    public string EndTime { get; init; } = "";
}

internal sealed class ExceptionRow
{
    public const string Columns = "schedule_id AS ScheduleId, date AS Date, closed AS Closed, open_from AS OpenFrom, open_until AS OpenUntil, note AS Note";

    public string ScheduleId { get; init; } = "";
    public string Date { get; init; } = "";
    public bool Closed { get; init; }
    public string? OpenFrom { get; init; }
    public string? OpenUntil { get; init; }
    public string? Note { get; init; }
}
