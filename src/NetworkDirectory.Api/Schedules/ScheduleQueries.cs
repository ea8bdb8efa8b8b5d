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
            $"SELECT {ScheduleRow.Columns} FROM schedules WHERE id IN @ids", new { ids });
        var windows = (await connection.QueryAsync<WindowRow>(
            $"SELECT {WindowRow.Columns} FROM schedule_windows WHERE schedule_id IN @ids ORDER BY start_day, start_time", new { ids }))
            .ToLookup(w => w.ScheduleId);
        var exceptions = (await connection.QueryAsync<ExceptionRow>(
            $"SELECT {ExceptionRow.Columns} FROM schedule_exceptions WHERE schedule_id IN @ids ORDER BY date", new { ids }))
            .ToLookup(e => e.ScheduleId);

        return schedules.ToDictionary(s => s.Id, s => new ScheduleResponse(
            s.Id, s.Label, s.TimeZone, s.AlwaysOpen, s.ClosedOnPublicHolidays, s.OpenOnPublicHolidays,
            windows[s.Id].Select(w => new WindowResponse(Weekdays.Name(w.StartDay), w.StartTime, Weekdays.Name(w.EndDay), w.EndTime)).ToList(),
            exceptions[s.Id].Select(e => new ExceptionResponse(Dates.Parse(e.Date), e.Closed, e.OpenFrom, e.OpenUntil, e.Note)).ToList(),
            Dates.ParseOrNull(s.ValidFrom), Dates.ParseOrNull(s.ValidUntil)));
    }
}
