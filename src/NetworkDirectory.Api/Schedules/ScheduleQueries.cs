using Dapper;
using Microsoft.Data.Sqlite;
using NetworkDirectory.Api.Common;

namespace NetworkDirectory.Api.Schedules;

/// <summary>Reads schedules as stored, for display. Evaluating them ("open now?") is the lookup's job.</summary>
internal static class ScheduleQueries
{
    public static async Task<IReadOnlyDictionary<string, ScheduleResponse>> ByIdsAsync(SqliteConnection connection, IReadOnlyList<string> ids)
    {
        var schedules = await connection.QueryAsync<ScheduleRow>(
            """
            SELECT id, label, time_zone, always_open, closed_on_public_holidays, open_on_public_holidays, valid_from, valid_until
            FROM schedules WHERE id IN @ids
            """, new { ids });
        var windows = (await connection.QueryAsync<WindowRow>(
            """
            SELECT schedule_id, start_day, start_time, end_day, end_time
            FROM schedule_windows WHERE schedule_id IN @ids ORDER BY start_day, start_time
            """, new { ids })).ToLookup(w => w.ScheduleId);
        var exceptions = (await connection.QueryAsync<ExceptionRow>(
            """
            SELECT schedule_id, date, closed, open_from, open_until, note
            FROM schedule_exceptions WHERE schedule_id IN @ids ORDER BY date
            """, new { ids })).ToLookup(e => e.ScheduleId);

        return schedules.ToDictionary(s => s.Id, s => new ScheduleResponse(
            s.Id, s.Label, s.TimeZone, s.AlwaysOpen, s.ClosedOnPublicHolidays, s.OpenOnPublicHolidays,
            windows[s.Id].Select(w => new WindowResponse(Weekdays.Name(w.StartDay), w.StartTime, Weekdays.Name(w.EndDay), w.EndTime)).ToList(),
            exceptions[s.Id].Select(e => new ExceptionResponse(Dates.Parse(e.Date), e.Closed, e.OpenFrom, e.OpenUntil, e.Note)).ToList(),
            Dates.ParseOrNull(s.ValidFrom), Dates.ParseOrNull(s.ValidUntil)));
    }

    private sealed class ScheduleRow
    {
        public string Id { get; init; } = "";
        public string Label { get; init; } = "";
        public string TimeZone { get; init; } = "";
        public bool AlwaysOpen { get; init; }
        public bool ClosedOnPublicHolidays { get; init; }
        public bool OpenOnPublicHolidays { get; init; }
        public string? ValidFrom { get; init; }
        public string? ValidUntil { get; init; }
    }

    private sealed class WindowRow
    {
        public string ScheduleId { get; init; } = "";
        public int StartDay { get; init; }
        public string StartTime { get; init; } = "";
        public int EndDay { get; init; }
        public string EndTime { get; init; } = "";
    }

    private sealed class ExceptionRow
    {
        public string ScheduleId { get; init; } = "";
        public string Date { get; init; } = "";
        public bool Closed { get; init; }
        public string? OpenFrom { get; init; }
        public string? OpenUntil { get; init; }
        public string? Note { get; init; }
    }
}
