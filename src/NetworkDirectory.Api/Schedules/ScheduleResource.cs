using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using NetworkDirectory.Api.Auth;
using NetworkDirectory.Api.Common;
using NetworkDirectory.Api.Regions;
using NetworkDirectory.Api.Writes;

namespace NetworkDirectory.Api.Schedules;

/// <summary>
/// Schedules are shared by contacts and belong to a region (<see cref="ScheduleData.RegionKey"/>).
/// Who may change one: a caller whose scope holds that region and its holiday region. Using a
/// schedule does not make it the user's: a contact may name a schedule of its agency's region or of
/// a region containing it (a Land's on-call plan, a nationwide one); another region's schedule only
/// with that region's scope too (see <c>ContactResource</c>). Refused rather than copied: a silent copy
/// would fork the other region's plan (its holiday exceptions, its changes) without anyone knowing;
/// a coordinator who wants it can read it and create their own in one call.
/// </summary>
public sealed class ScheduleResource : WritableResource<ScheduleData>
{

    public override string EntityType => "schedule";
    public override string GetRouteName => "GetSchedule";
    public override string NewId(ScheduleData data) => Ids.New("sch", data.Label);

    public override async Task<Stored<ScheduleData>?> LoadAsync(SqliteConnection connection, SqliteTransaction transaction, string id)
    {
        var label = await connection.QuerySingleOrDefaultAsync<(string Label, long Version, string RegionKey)?>(
            "SELECT label, version, coalesce(region_key, 'DE') FROM schedules WHERE id = @id", new { id }, transaction);
        var schedules = await ScheduleRepository.LoadAsync(connection, [id], transaction: transaction);
        if (label is null || !schedules.TryGetValue(id, out var s))
        {
            return null;
        }
        var data = new ScheduleData(
            label.Value.Label, s.AlwaysOpen, s.ClosedOnPublicHolidays, s.OpenOnPublicHolidays, s.HolidayRegionKey, s.ValidFrom, s.ValidUntil,
            s.Windows.Select(w => new WindowData(Weekdays.Name(w.StartDay), w.StartTime.ToString("HH:mm", CultureInfo.InvariantCulture), Weekdays.Name(w.EndDay), w.EndTime.ToString())).ToList(),
            s.Exceptions.Select(e => new ExceptionData(e.Date, e.Closed, e.OpenFrom?.ToString("HH:mm", CultureInfo.InvariantCulture), e.OpenUntil?.ToString(), e.Note)).ToList(),
            label.Value.RegionKey);
        return new Stored<ScheduleData>(data, (int)label.Value.Version, Regions(data));
    }

    /// <summary>Kept where it was; on create your key's one region, or nationwide for an admin (a coordinator of several regions must say which).</summary>
    public override ScheduleData WithCallerDefaults(ScheduleData data, ScheduleData? stored, Caller caller) =>
        data.RegionKey is not null ? data : data with
        {
            RegionKey = stored?.RegionKey ?? (caller.IsAdmin ? RegionKey.Country : caller.Scope.Count == 1 ? caller.Scope[0] : null),
        };

    public override async Task<ScheduleData> ValidateAsync(SqliteConnection connection, SqliteTransaction transaction, ScheduleData data, string? id, ValidationErrors errors)
    {
        errors.Required("label", data.Label, 200);
        if (data.RegionKey is null)
        {
            errors.Add("regionKey", "regionKey is required when your key has several regions: give the region this schedule belongs to.");
        }
        await WriteChecks.ExistingRegionAsync(connection, transaction, "regionKey", data.RegionKey, errors, required: false);
        await WriteChecks.ExistingRegionAsync(connection, transaction, "holidayRegionKey", data.HolidayRegionKey, errors, required: false);
        if (data is { ValidFrom: { } from, ValidUntil: { } until } && from > until)
        {
            errors.Add("validUntil", $"validUntil ({until:yyyy-MM-dd}) is before validFrom ({from:yyyy-MM-dd}).");
        }
        if (data is { ClosedOnPublicHolidays: true, OpenOnPublicHolidays: true })
        {
            errors.Add("openOnPublicHolidays", "A schedule cannot be both closed and open all day on public holidays.");
        }
        var windows = ScheduleChecks.Windows(data.Windows ?? [], errors);
        if (data.AlwaysOpen != true && windows.Count == 0 && data.OpenOnPublicHolidays != true && (data.Exceptions ?? []).Count == 0)
        {
            errors.Add("windows", "Give at least one weekly window, or set alwaysOpen for 24/7.");
        }
        ScheduleChecks.Exceptions(data.Exceptions ?? [], errors);
        return data with
        {
            Label = data.Label?.Trim(),
            AlwaysOpen = data.AlwaysOpen ?? false,
            ClosedOnPublicHolidays = data.ClosedOnPublicHolidays ?? false,
            OpenOnPublicHolidays = data.OpenOnPublicHolidays ?? false,
            HolidayRegionKey = WriteChecks.Normalized(data.HolidayRegionKey),
            RegionKey = WriteChecks.Normalized(data.RegionKey),
            Windows = data.Windows ?? [],
            Exceptions = (data.Exceptions ?? []).OrderBy(e => e.Date).ToList(),
        };
    }

    public override Task<IReadOnlyList<string>> RegionsAsync(SqliteConnection connection, SqliteTransaction transaction, ScheduleData data) =>
        Task.FromResult(Regions(data));

    /// <summary>Its own region first (the audit's region), then the holiday region.</summary>
    private static IReadOnlyList<string> Regions(ScheduleData data) =>
        new[] { data.RegionKey, data.HolidayRegionKey }.OfType<string>().Distinct().ToList();

    public override async Task InsertAsync(SqliteConnection connection, SqliteTransaction transaction, string id, ScheduleData data, string now)
    {
        await connection.ExecuteAsync(
            """
            INSERT INTO schedules (id, label, always_open, closed_on_public_holidays, open_on_public_holidays, holiday_region_key,
                                   valid_from, valid_until, region_key, sample, version, updated_at)
            VALUES (@id, @Label, @AlwaysOpen, @ClosedOnPublicHolidays, @OpenOnPublicHolidays, @HolidayRegionKey, @ValidFrom, @ValidUntil, @RegionKey, 0, 1, @now)
            """, Parameters(id, data, now, 0), transaction);
        await SaveChildrenAsync(connection, transaction, id, data);
    }

    public override async Task<bool> UpdateAsync(SqliteConnection connection, SqliteTransaction transaction, string id, ScheduleData data, int version, string now)
    {
        var changed = await connection.ExecuteAsync(
            """
            UPDATE schedules SET label = @Label, always_open = @AlwaysOpen, closed_on_public_holidays = @ClosedOnPublicHolidays,
                   open_on_public_holidays = @OpenOnPublicHolidays, holiday_region_key = @HolidayRegionKey, valid_from = @ValidFrom,
                   valid_until = @ValidUntil, region_key = @RegionKey, version = version + 1, updated_at = @now
            WHERE id = @id AND version = @version
            """, Parameters(id, data, now, version), transaction);
        if (changed == 1)
        {
            await SaveChildrenAsync(connection, transaction, id, data);
        }
        return changed == 1;
    }

    public override DirectoryChange Changes(string id, ScheduleData? before, ScheduleData? after) => DirectoryChange.OfSchedule(id);

    public override async Task<string?> DeleteConflictAsync(SqliteConnection connection, SqliteTransaction transaction, string id)
    {
        var users = (await connection.QueryAsync<string>("SELECT id FROM contacts WHERE schedule_id = @id ORDER BY id", new { id }, transaction)).ToList();
        return users.Count == 0 ? null : $"The schedule is used by the contact(s) {string.Join(", ", users)}: give them another schedule first.";
    }

    public override Task DeleteAsync(SqliteConnection connection, SqliteTransaction transaction, string id) =>
        connection.ExecuteAsync("DELETE FROM schedules WHERE id = @id", new { id }, transaction);

    private static async Task SaveChildrenAsync(SqliteConnection connection, SqliteTransaction transaction, string id, ScheduleData data)
    {
        await connection.ExecuteAsync("DELETE FROM schedule_windows WHERE schedule_id = @id; DELETE FROM schedule_exceptions WHERE schedule_id = @id", new { id }, transaction);
        await connection.ExecuteAsync(
            "INSERT INTO schedule_windows (schedule_id, start_day, start_time, end_day, end_time) VALUES (@id, @StartDay, @StartTime, @EndDay, @EndTime)",
            (data.Windows ?? []).Select(w => new { id, StartDay = Weekdays.IsoDay(w.StartDay), w.StartTime, EndDay = Weekdays.IsoDay(w.EndDay), w.EndTime }), transaction);
        await connection.ExecuteAsync(
            "INSERT INTO schedule_exceptions (schedule_id, date, closed, open_from, open_until, note) VALUES (@id, @Date, @Closed, @OpenFrom, @OpenUntil, @Note)",
            (data.Exceptions ?? []).Select(e => new { id, Date = Dates.FormatOrNull(e.Date), Closed = e.Closed ?? false, e.OpenFrom, e.OpenUntil, e.Note }), transaction);
    }

    private static object Parameters(string id, ScheduleData d, string now, int version) => new
    {
        id, now, version, d.Label, d.AlwaysOpen, d.ClosedOnPublicHolidays, d.OpenOnPublicHolidays, d.HolidayRegionKey, d.RegionKey,
        ValidFrom = Dates.FormatOrNull(d.ValidFrom), ValidUntil = Dates.FormatOrNull(d.ValidUntil),
    };
}
