using Microsoft.Data.Sqlite;
using NetworkDirectory.Api.Schedules;

namespace NetworkDirectory.Api.Imports;

/// <summary>A schedule row, its <c>window</c> rows (weekly windows) and its <c>exception</c> rows (dates that differ), joined by scheduleId.</summary>
public sealed class ScheduleImport(ScheduleResource resource) : ImportKind<ScheduleData>(resource)
{
    public override string Type => ImportColumns.Schedule;

    protected override string InRegionSql =>
        "SELECT id AS Id, version AS Version, coalesce(region_key, 'DE') AS Seat, sample AS Sample FROM schedules WHERE @region = 'DE' OR region_key LIKE @prefix ORDER BY id";

    protected override string VersionSql =>
        "SELECT id AS Id, version AS Version, coalesce(region_key, 'DE') AS Seat, sample AS Sample FROM schedules WHERE id IN @ids";

    public override string SeatColumn => "regionKey";

    public override string ScopeColumn => "holidayRegionKey";

    public override IReadOnlyList<string> ChildTypes => [ImportColumns.Window, ImportColumns.Exception];

    public override IEnumerable<Dictionary<string, string?>> ToCells(string id, ScheduleData d)
    {
        var cells = Cells(Type, id);
        cells["label"] = d.Label;
        cells["regionKey"] = d.RegionKey;
        cells["alwaysOpen"] = ImportCells.Format(d.AlwaysOpen);
        cells["closedOnPublicHolidays"] = ImportCells.Format(d.ClosedOnPublicHolidays);
        cells["openOnPublicHolidays"] = ImportCells.Format(d.OpenOnPublicHolidays);
        cells["holidayRegionKey"] = d.HolidayRegionKey;
        cells["validFrom"] = ImportCells.Format(d.ValidFrom);
        cells["validUntil"] = ImportCells.Format(d.ValidUntil);
        yield return cells;
        foreach (var w in d.Windows ?? [])
        {
            var window = Cells(ImportColumns.Window, null);
            window["scheduleId"] = id;
            (window["startDay"], window["startTime"], window["endDay"], window["endTime"]) = (w.StartDay, w.StartTime, w.EndDay, w.EndTime);
            yield return window;
        }
        foreach (var e in d.Exceptions ?? [])
        {
            var exception = Cells(ImportColumns.Exception, null);
            exception["scheduleId"] = id;
            (exception["date"], exception["closed"], exception["openFrom"], exception["openUntil"], exception["notes"]) =
                (ImportCells.Format(e.Date), ImportCells.Format(e.Closed), e.OpenFrom, e.OpenUntil, e.Note);
            yield return exception;
        }
    }

    public override ScheduleData Parse(ImportCells c, IReadOnlyDictionary<string, IReadOnlyList<ImportCells>> children) => new(
        c.Text("label"), c.Bool("alwaysOpen"), c.Bool("closedOnPublicHolidays"), c.Bool("openOnPublicHolidays"), c.Text("holidayRegionKey"),
        c.Date("validFrom"), c.Date("validUntil"),
        children.GetValueOrDefault(ImportColumns.Window, []).Select(w => new WindowData(
            w.Text("startDay")?.ToLowerInvariant(), w.Text("startTime"), w.Text("endDay")?.ToLowerInvariant(), w.Text("endTime"))).ToList(),
        children.GetValueOrDefault(ImportColumns.Exception, []).Select(e => new ExceptionData(
            e.Date("date"), e.Bool("closed"), e.Text("openFrom"), e.Text("openUntil"), e.Text("notes"))).ToList(),
        c.Text("regionKey"));

    /// <summary>windows[2].startTime → the schedule's third window row, column startTime; exceptions[0] → its first exception row.</summary>
    public override CellRef ColumnOf(string field)
    {
        foreach (var (prefix, type, whole) in new[] { ("windows", ImportColumns.Window, "startDay"), ("exceptions", ImportColumns.Exception, "date") })
        {
            if (!field.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }
            var rest = field[prefix.Length..];
            var close = rest.IndexOf(']', StringComparison.Ordinal);
            if (!rest.StartsWith('[') || close < 0)
            {
                return new(whole);
            }
            var index = int.Parse(rest[1..close], System.Globalization.CultureInfo.InvariantCulture);
            var column = rest.Length > close + 2 ? rest[(close + 2)..] : whole;
            return new(column == "note" ? "notes" : column, type, index);
        }
        return Strip(field);
    }

    public override string DiffColumn(string field) => field is "windows" or "exceptions" ? field : base.DiffColumn(field);

    public override Task<string?> SeatAsync(SqliteConnection connection, SqliteTransaction transaction, ScheduleData data) =>
        Task.FromResult<string?>(data.RegionKey ?? "DE");
}
