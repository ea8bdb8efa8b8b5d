using NetworkDirectory.Api.Common;

namespace NetworkDirectory.Api.Regions;

/// <summary>An official region.</summary>
/// <param name="Key">Official key (Land 2, Regierungsbezirk 3, Kreis 5, Gemeinde 8 digits; 'DE' for Germany).</param>
/// <param name="Level">country, land, regierungsbezirk, kreis or gemeinde.</param>
/// <param name="Name">Official name (BKG GEN).</param>
/// <param name="Designation">Official type (BKG BEZ): Landkreis, Kreisfreie Stadt, ...</param>
/// <param name="ParentKey">Key of the enclosing region.</param>
/// <param name="Ars">12-digit Amtlicher Regionalschlüssel where known.</param>
/// <param name="BoundaryDate">Gebietsstand of the key and boundary data.</param>
/// <param name="HasBoundary">Whether a boundary geometry has been imported.</param>
public sealed record RegionResponse(
    string Key, string Level, string Name, string? Designation, string? ParentKey, string? Ars,
    DateOnly? BoundaryDate, bool HasBoundary);

/// <summary>A region with its parent chain and direct children.</summary>
public sealed record RegionDetailResponse(
    RegionResponse Region, IReadOnlyList<RegionResponse> Ancestors, IReadOnlyList<RegionResponse> Children);

internal sealed class RegionRow
{
    public string Key { get; init; } = "";
    public string Level { get; init; } = "";
    public string Name { get; init; } = "";
    public string? Designation { get; init; }
    public string? ParentKey { get; init; }
    public string? Ars { get; init; }
    public string? BoundaryDate { get; init; }
    public bool HasBoundary { get; init; }

    public const string Columns = "key, level, name, designation, parent_key, ars, boundary_date, geometry IS NOT NULL AS has_boundary";

    public RegionResponse ToResponse() => new(
        Key, Level, Name, Designation, ParentKey, Ars,
        BoundaryDate is null ? null : Dates.Parse(BoundaryDate), HasBoundary);
}
