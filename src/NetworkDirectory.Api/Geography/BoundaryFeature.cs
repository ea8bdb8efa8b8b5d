using NetTopologySuite.Geometries;
using NetworkDirectory.Api.Regions;

namespace NetworkDirectory.Api.Geography;

/// <summary>One official region read from a boundary file, already in WGS84.</summary>
public sealed record BoundaryFeature(string Key, string Level, string Name, string? Designation, string? Ars, Geometry Geometry);

/// <summary>What a boundary source holds: the regions and the Gebietsstand.</summary>
public sealed record BoundarySet(IReadOnlyList<BoundaryFeature> Features, DateOnly? BoundaryDate, string Source, string Product)
{
    public IReadOnlyList<string> Levels => Features.Select(f => f.Level).Distinct().ToList();

    /// <summary>Level of an AGS by its length: 2 Land, 3 Regierungsbezirk, 5 Kreis, 8 Gemeinde.</summary>
    public static string? LevelOf(string key) => RegionKey.LevelOf(key) is var level && level is "land" or "regierungsbezirk" or "kreis" or "gemeinde" ? level : null;
}
