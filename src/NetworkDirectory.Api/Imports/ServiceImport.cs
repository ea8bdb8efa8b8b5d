using Microsoft.Data.Sqlite;
using NetworkDirectory.Api.Services;

namespace NetworkDirectory.Api.Imports;

public sealed class ServiceImport(ServiceResource resource) : ImportKind<ServiceData>(resource)
{
    public override string Type => ImportColumns.Service;

    protected override string InRegionSql =>
        "SELECT x.id AS Id, x.version AS Version, a.region_key AS Seat, a.sample AS Sample FROM services x" + AgencySeat.InRegionFrom;

    protected override string VersionSql =>
        "SELECT x.id AS Id, x.version AS Version, a.region_key AS Seat, a.sample AS Sample FROM services x JOIN agencies a ON a.id = x.agency_id WHERE x.id IN @ids";

    public override string SeatColumn => "agencyId";

    public override string ScopeColumn => "coverageRegionKeys";

    public override IEnumerable<Dictionary<string, string?>> ToCells(string id, ServiceData d)
    {
        var cells = Cells(Type, id);
        cells["agencyId"] = d.AgencyId;
        cells["responsibility"] = d.Responsibility;
        cells["exploitationForms"] = ImportCells.Join(d.ExploitationForms);
        cells["minAge"] = ImportCells.Format(d.TargetGroup?.MinAge);
        cells["maxAge"] = ImportCells.Format(d.TargetGroup?.MaxAge);
        cells["minorsOnly"] = ImportCells.Format(d.TargetGroup?.MinorsOnly);
        cells["unaccompaniedOnly"] = ImportCells.Format(d.TargetGroup?.UnaccompaniedOnly);
        cells["coverageRegionKeys"] = ImportCells.Join(d.Coverage?.RegionKeys);
        cells["coverageCustomRegions"] = ImportCells.Join(d.Coverage?.CustomRegions);
        cells["coveragePolygon"] = d.CoveragePolygon?.ToJsonString();
        cells["priority"] = ImportCells.Format(d.Priority);
        cells["notes"] = d.Notes;
        yield return cells;
    }

    public override ServiceData Parse(ImportCells c, IReadOnlyDictionary<string, IReadOnlyList<ImportCells>> children) => new(
        c.Text("agencyId"), c.Text("responsibility"), c.List("exploitationForms"),
        new TargetGroupData(c.Int("minAge"), c.Int("maxAge"), c.Bool("minorsOnly"), c.Bool("unaccompaniedOnly")),
        new CoverageData(c.List("coverageRegionKeys"), c.List("coverageCustomRegions")),
        c.Json("coveragePolygon"), c.Int("priority"), c.Text("notes"));

    public override CellRef ColumnOf(string field) => field switch
    {
        _ when field.StartsWith("targetGroup.", StringComparison.Ordinal) => new(field["targetGroup.".Length..]),
        _ when field.StartsWith("coverage.regionKeys", StringComparison.Ordinal) || field == "coverage" => new("coverageRegionKeys"),
        _ when field.StartsWith("coverage.customRegions", StringComparison.Ordinal) => new("coverageCustomRegions"),
        _ => Strip(field),
    };

    public override Task<string?> SeatAsync(SqliteConnection connection, SqliteTransaction transaction, ServiceData data) =>
        AgencySeat.OfAsync(connection, transaction, data.AgencyId);
}
