using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using NetworkDirectory.Api.Data;
using NetworkDirectory.Api.Schedules;

namespace NetworkDirectory.Tests.Schedules;

public sealed class ScheduleRepositoryTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("nd-schedules-").FullName;
    private readonly SqliteConnectionFactory _connections;

    public ScheduleRepositoryTests()
    {
        _connections = new SqliteConnectionFactory(Path.Combine(_directory, "test.db"));
        _connections.EnsureCreated();
        new Migrator(_connections, NullLogger<Migrator>.Instance).Migrate();
        using var connection = _connections.Open();
        connection.Execute("""
            INSERT INTO schedules (id, label, always_open, closed_on_public_holidays, holiday_region_key, valid_from, valid_until)
            VALUES ('office', 'Office hours', 0, 1, '09', '2026-01-01', '2026-12-31'),
                   ('hotline', 'Hotline', 1, 0, NULL, NULL, NULL);
            INSERT INTO schedule_windows (schedule_id, start_day, start_time, end_day, end_time)
            VALUES ('office', 5, '08:00', 5, '13:00'), ('office', 1, '08:00', 1, '16:00'), ('office', 5, '16:00', 7, '24:00');
            INSERT INTO schedule_exceptions (schedule_id, date, closed, open_from, open_until, note)
            VALUES ('office', '2026-12-24', 0, '08:00', '12:00', 'Heiligabend'), ('office', '2026-12-31', 1, NULL, NULL, NULL);
            """);
    }

    [Fact]
    public async Task LoadsScheduleWithWindowsAndExceptions()
    {
        await using var connection = await _connections.OpenAsync();
        var schedules = await ScheduleRepository.LoadAsync(connection, ["office", "unknown"]);

        var office = Assert.Single(schedules).Value;
        Assert.Equal(("office", false, true, "09"), (office.Id, office.AlwaysOpen, office.ClosedOnPublicHolidays, office.HolidayRegionKey));
        Assert.Equal((new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)), (office.ValidFrom!.Value, office.ValidUntil!.Value));
        Assert.Equal(["Mon 08:00–16:00", "Fri 08:00–13:00", "Fri 16:00–Sun 24:00"], office.Windows.Select(w => w.ToString()));
        Assert.Equal(ClockTime.EndOfDay, office.Windows[2].EndTime);
        Assert.Equal(
            [ScheduleException.OpenOn(new DateOnly(2026, 12, 24), "08:00", "12:00", "Heiligabend"), ScheduleException.ClosedOn(new DateOnly(2026, 12, 31))],
            office.Exceptions);
    }

    [Fact]
    public async Task LoadsAllSchedules()
    {
        await using var connection = await _connections.OpenAsync();
        var schedules = await ScheduleRepository.LoadAllAsync(connection);

        Assert.Equal(["hotline", "office"], schedules.Keys.Order(StringComparer.Ordinal));
        var hotline = schedules["hotline"];
        Assert.True(hotline.AlwaysOpen);
        Assert.Null(hotline.ValidFrom);
        Assert.Empty(hotline.Windows);
    }

    [Fact]
    public async Task LoadingNoIdsReturnsNothing()
    {
        await using var connection = await _connections.OpenAsync();
        Assert.Empty(await ScheduleRepository.LoadAsync(connection, []));
    }

    [Fact]
    public async Task LoadedScheduleEvaluates()
    {
        await using var connection = await _connections.OpenAsync();
        var office = (await ScheduleRepository.LoadAsync(connection, ["office"]))["office"];
        var result = TestSchedules.Evaluator.Evaluate(office, DateTimeOffset.Parse("2026-12-24T09:00+01:00", System.Globalization.CultureInfo.InvariantCulture), null);
        Assert.Equal(new Reachability(true, DateTimeOffset.Parse("2026-12-24T12:00+01:00", System.Globalization.CultureInfo.InvariantCulture),
            "open: date exception 2026-12-24 08:00–12:00"), result);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
