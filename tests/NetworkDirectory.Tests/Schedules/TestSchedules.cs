using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using NetworkDirectory.Api.Data;
using NetworkDirectory.Api.Schedules;

namespace NetworkDirectory.Tests.Schedules;

/// <summary>Schedules used across the evaluator tests, written the way they are stored.</summary>
internal static class TestSchedules
{
    /// <summary>The Gemeinde holiday rules as migration 0009 ships them, read from an in-memory database.</summary>
    public static readonly HolidayRules ShippedRules = LoadShippedRules();

    public static readonly ScheduleEvaluator Evaluator = new(new HolidayCalendar(ShippedRules));

    private static HolidayRules LoadShippedRules()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        foreach (var script in Migrator.BundledMigrations())
        {
            connection.Execute(script.Sql);
        }
        return HolidayRuleQueries.LoadAsync(connection).GetAwaiter().GetResult();
    }

    /// <summary>Jugendamt office hours: Mon–Thu 08:00–16:00, Fri 08:00–13:00, closed on holidays.</summary>
    public static Schedule Office(string? holidayRegionKey = null, params ScheduleException[] exceptions) =>
        Weekly("office", closedOnHolidays: true, holidayRegionKey, exceptions,
            "1 08:00 1 16:00", "2 08:00 2 16:00", "3 08:00 3 16:00", "4 08:00 4 16:00", "5 08:00 5 13:00");

    /// <summary>On-call duty: nights Mon–Thu 16:00–08:00 and the weekend Fri 13:00–Mon 08:00, also on holidays.</summary>
    public static Schedule OnCall() =>
        Weekly("on-call", closedOnHolidays: false, null, [],
            "1 16:00 2 08:00", "2 16:00 3 08:00", "3 16:00 4 08:00", "4 16:00 5 08:00", "5 13:00 1 08:00");

    /// <summary>A schedule from windows written "startDay HH:MM endDay HH:MM".</summary>
    public static Schedule Weekly(string id, bool closedOnHolidays, string? holidayRegionKey, ScheduleException[] exceptions, params string[] windows) =>
        new(id, false, closedOnHolidays, holidayRegionKey, null, null, windows.Select(ParseWindow).ToList(), exceptions);

    public static Schedule WithWindows(params string[] windows) => Weekly("test", false, null, [], windows);

    public static Schedule AlwaysOpen(params ScheduleException[] exceptions) =>
        new("always", true, false, null, null, null, [], exceptions);

    public static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    public static DateOnly Date(string text) => DateOnly.Parse(text, CultureInfo.InvariantCulture);

    public static DateTimeOffset? AtOrNull(string? text) => text is null ? null : At(text);

    private static ScheduleWindow ParseWindow(string text)
    {
        var parts = text.Split(' ');
        return ScheduleWindow.Parse(int.Parse(parts[0], CultureInfo.InvariantCulture), parts[1], int.Parse(parts[2], CultureInfo.InvariantCulture), parts[3]);
    }
}
