using Dapper;
using Microsoft.Data.Sqlite;
using NetworkDirectory.Api.Agencies;
using NetworkDirectory.Api.Common;

namespace NetworkDirectory.Api.Imports;

public sealed class AgencyImport(AgencyResource resource) : ImportKind<AgencyData>(resource)
{
    public override string Type => ImportColumns.Agency;

    protected override string InRegionSql =>
        "SELECT id AS Id, version AS Version, region_key AS Seat, sample AS Sample FROM agencies WHERE @region = 'DE' OR region_key LIKE @prefix ORDER BY id";

    protected override string VersionSql =>
        "SELECT id AS Id, version AS Version, region_key AS Seat, sample AS Sample FROM agencies WHERE id IN @ids";

    public override string SeatColumn => "regionKey";

    public override string ScopeColumn => "regionKey";

    public override IEnumerable<Dictionary<string, string?>> ToCells(string id, AgencyData d)
    {
        var cells = Cells(Type, id);
        cells["name"] = d.Name;
        cells["kind"] = d.Kind;
        cells["operator"] = d.Operator;
        cells["street"] = d.Address?.Street;
        cells["postalCode"] = d.Address?.PostalCode;
        cells["city"] = d.Address?.City;
        cells["regionKey"] = d.RegionKey;
        cells["latitude"] = ImportCells.Format(d.Location?.Latitude);
        cells["longitude"] = ImportCells.Format(d.Location?.Longitude);
        cells["website"] = d.Website;
        cells["email"] = d.Email;
        cells["languages"] = ImportCells.Join(d.Languages);
        cells["accessibility"] = d.Accessibility;
        cells["internalNotes"] = d.InternalNotes;
        yield return cells;
    }

    public override AgencyData Parse(ImportCells c, IReadOnlyDictionary<string, IReadOnlyList<ImportCells>> children)
    {
        var (street, postalCode, city) = (c.Text("street"), c.Text("postalCode"), c.Text("city"));
        var (latitude, longitude) = (c.Number("latitude"), c.Number("longitude"));
        if (latitude is null != longitude is null)
        {
            c.Problem(latitude is null ? "latitude" : "longitude", "Give both latitude and longitude, or neither.");
        }
        return new AgencyData(
            c.Text("name"), c.Text("kind"), c.Text("operator"),
            street is null && postalCode is null && city is null ? null : new AddressData(street, postalCode, city),
            c.Text("regionKey"), latitude is { } lat && longitude is { } lon ? new GeoPoint(lat, lon) : null,
            c.Text("website"), c.Text("email"), c.List("languages"), c.Text("accessibility"), c.Text("internalNotes"));
    }

    public override CellRef ColumnOf(string field) => field switch
    {
        _ when field.StartsWith("address.", StringComparison.Ordinal) => new(field["address.".Length..]),
        _ when field.StartsWith("location", StringComparison.Ordinal) => new(field.Contains("longitude", StringComparison.Ordinal) ? "longitude" : "latitude"),
        _ => Strip(field),
    };

    public override Task<string?> SeatAsync(SqliteConnection connection, SqliteTransaction transaction, AgencyData data) =>
        Task.FromResult(data.RegionKey);
}

/// <summary>The seat of a service or contact is its agency's.</summary>
internal static class AgencySeat
{
    public static Task<string?> OfAsync(SqliteConnection connection, SqliteTransaction transaction, string? agencyId) =>
        connection.QuerySingleOrDefaultAsync<string?>("SELECT region_key FROM agencies WHERE id = @agencyId", new { agencyId }, transaction);

    public const string InRegionFrom = " JOIN agencies a ON a.id = x.agency_id WHERE @region = 'DE' OR a.region_key LIKE @prefix ORDER BY x.id";
}
