using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;

namespace NetworkDirectory.Api.Schedules;

/// <summary>
/// Reads schedules with their windows and date exceptions (three queries, no N+1). The
/// time_zone column is not read: every schedule is evaluated in Europe/Berlin.
/// </summary>
public static class ScheduleRepository
{
    private const string SchedulesSql = $"SELECT {ScheduleRow.Columns} FROM schedules";

    private const string WindowsSql = $"SELECT {WindowRow.Columns} FROM schedule_windows";

    private const string ExceptionsSql = $"SELECT {ExceptionRow.Columns} FROM schedule_exceptions";

    /// <summary>The schedules with the given ids; unknown ids are simply absent from the result.</summary>
    public static async Task<IReadOnlyDictionary<string, Schedule>> LoadAsync(
        SqliteConnection connection, IEnumerable<string> ids, CancellationToken cancellationToken = default, SqliteTransaction? transaction = null)
    {
        var idList = ids.Distinct(StringComparer.Ordinal).ToArray();
        if (idList.Length == 0)
        {
            return new Dictionary<string, Schedule>(StringComparer.Ordinal);
        }
        return await LoadAsync(connection, " WHERE id IN @ids", " WHERE schedule_id IN @ids", new { ids = idList }, cancellationToken, transaction);
    }

    public static Task<IReadOnlyDictionary<string, Schedule>> LoadAllAsync(
        SqliteConnection connection, CancellationToken cancellationToken = default, SqliteTransaction? transaction = null) =>
        LoadAsync(connection, "", "", null, cancellationToken, transaction);

    private static async Task<IReadOnlyDictionary<string, Schedule>> LoadAsync(
        SqliteConnection connection, string scheduleFilter, string childFilter, object? parameters, CancellationToken cancellationToken,
        SqliteTransaction? transaction)
    {
        var schedules = await connection.QueryAsync<ScheduleRow>(
            new CommandDefinition(SchedulesSql + scheduleFilter, parameters, transaction, cancellationToken: cancellationToken));
        var windows = (await connection.QueryAsync<WindowRow>(
                new CommandDefinition(WindowsSql + childFilter + " ORDER BY start_day, start_time", parameters, transaction, cancellationToken: cancellationToken)))
            .ToLookup(w => w.ScheduleId, StringComparer.Ordinal);
        var exceptions = (await connection.QueryAsync<ExceptionRow>(
                new CommandDefinition(ExceptionsSql + childFilter + " ORDER BY date", parameters, transaction, cancellationToken: cancellationToken)))
            .ToLookup(e => e.ScheduleId, StringComparer.Ordinal);

        return schedules.ToDictionary(
            s => s.Id,
            s => new Schedule(
                s.Id, s.AlwaysOpen, s.ClosedOnPublicHolidays, s.HolidayRegionKey,
                ParseDate(s.ValidFrom), ParseDate(s.ValidUntil),
                windows[s.Id].Select(w => ScheduleWindow.Parse(w.StartDay, w.StartTime, w.EndDay, w.EndTime)).ToList(),
                exceptions[s.Id].Select(ToException).ToList(),
                s.OpenOnPublicHolidays),
            StringComparer.Ordinal);
    }

    private static ScheduleException ToException(ExceptionRow row)
    {
        var date = ParseDate(row.Date) ?? throw new InvalidOperationException($"Schedule {row.ScheduleId} has an exception without a date.");
        return row is { Closed: false, OpenFrom: { } from, OpenUntil: { } until }
            ? ScheduleException.OpenOn(date, from, until, row.Note)
            : ScheduleException.ClosedOn(date, row.Note);
    }

    private static DateOnly? ParseDate(string? text) =>
        text is null ? null : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
