using Microsoft.Data.Sqlite;
using NetworkDirectory.Api.Contacts;

namespace NetworkDirectory.Api.Imports;

public sealed class ContactImport(ContactResource resource) : ImportKind<ContactData>(resource)
{
    public override string Type => ImportColumns.Contact;

    protected override string InRegionSql =>
        "SELECT x.id AS Id, x.version AS Version, a.region_key AS Seat, x.sample AS Sample FROM contacts x" + AgencySeat.InRegionFrom;

    protected override string VersionSql =>
        "SELECT x.id AS Id, x.version AS Version, a.region_key AS Seat, x.sample AS Sample FROM contacts x JOIN agencies a ON a.id = x.agency_id WHERE x.id IN @ids";

    public override string SeatColumn => "agencyId";

    public override string ScopeColumn => "scheduleId";

    public override IEnumerable<Dictionary<string, string?>> ToCells(string id, ContactData d)
    {
        var cells = Cells(Type, id);
        cells["agencyId"] = d.AgencyId;
        cells["serviceId"] = d.ServiceId;
        cells["kind"] = d.Kind;
        cells["channel"] = d.Channel;
        cells["value"] = d.Value;
        cells["label"] = d.Label;
        cells["languages"] = ImportCells.Join(d.Languages);
        cells["visibility"] = d.Visibility;
        cells["scheduleId"] = d.ScheduleId;
        cells["sortOrder"] = ImportCells.Format(d.SortOrder);
        yield return cells;
    }

    public override ContactData Parse(ImportCells c, IReadOnlyDictionary<string, IReadOnlyList<ImportCells>> children) => new(
        c.Text("agencyId"), c.Text("serviceId"), c.Text("kind"), c.Text("channel"), c.Text("value"), c.Text("label"),
        c.List("languages"), c.Text("visibility"), c.Text("scheduleId"), c.Int("sortOrder"));

    public override CellRef ColumnOf(string field) => Strip(field);

    public override Task<string?> SeatAsync(SqliteConnection connection, SqliteTransaction transaction, ContactData data) =>
        AgencySeat.OfAsync(connection, transaction, data.AgencyId);
}
