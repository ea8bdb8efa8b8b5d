using NetTopologySuite;
using NetTopologySuite.IO;
using NetworkDirectory.Api.Geography;

namespace NetworkDirectory.Benchmarks;

/// <summary>The boundary sets the benchmarks index.</summary>
public enum Variant
{
    /// <summary>VG1000 2024 Kreise, full resolution, read from the original BKG shapefile (EPSG:25832) and reprojected to WGS84 by the product's import path.</summary>
    Vg1000Kreise,

    /// <summary>VG5000 2021 Gemeinden (gemeinden.geojson), as imported with --as-of 2021-01-01.</summary>
    Vg5000Gemeinden,

    /// <summary>What the product holds after importing the VG1000 shapefile folder (Länder + Kreise) and the VG5000 Gemeinden: land, kreis and gemeinde.</summary>
    AllLevels,
}

/// <summary>A boundary as the product stores it: key, level and the geometry as WKB (the <c>regions.geometry</c> column).</summary>
public sealed record StoredBoundary(string Key, string Level, byte[] Wkb, DateOnly? BoundaryDate);

/// <summary>
/// Reads the reference data through the product's own readers (<see cref="BoundaryReader"/>,
/// <see cref="PostalCodeCsv"/>) and turns boundaries into what <c>RegionIndex.ReloadAsync</c> builds
/// its locator from: WKB written by <see cref="WKBWriter"/> and read back with
/// <see cref="NtsGeometryServices.Instance"/>.
/// </summary>
public static class ReferenceData
{
    public static readonly DateOnly GemeindenAsOf = new(2021, 1, 1);

    public static IReadOnlyList<PostalCodeRow> PostalCodes()
    {
        using var reader = new StreamReader(SharedData.Germany("plz/zipcodes.de.csv"));
        return PostalCodeCsv.Read(reader).Rows;
    }

    /// <summary>The stored form of a variant's boundaries (what the import writes to SQLite).</summary>
    public static IReadOnlyList<StoredBoundary> Stored(Variant variant)
    {
        BoundarySet[] sets = variant switch
        {
            Variant.Vg1000Kreise => [Only(BoundaryReader.Read(SharedData.Germany("vg1000-2024/shp")), "kreis")],
            Variant.Vg5000Gemeinden => [BoundaryReader.Read(SharedData.Germany("vg5000-2021/gemeinden.geojson"), GemeindenAsOf)],
            Variant.AllLevels =>
            [
                BoundaryReader.Read(SharedData.Germany("vg1000-2024/shp")),
                BoundaryReader.Read(SharedData.Germany("vg5000-2021/gemeinden.geojson"), GemeindenAsOf),
            ],
            _ => throw new ArgumentOutOfRangeException(nameof(variant)),
        };
        var writer = new WKBWriter();
        return sets
            .SelectMany(set => set.Features.Select(f => new StoredBoundary(f.Key, f.Level, writer.Write(f.Geometry), set.BoundaryDate)))
            .ToList();
    }

    /// <summary>Decodes stored boundaries the way <c>RegionIndex.ReloadAsync</c> does.</summary>
    public static List<RegionBoundary> Decode(IReadOnlyList<StoredBoundary> stored)
    {
        var reader = new WKBReader(NtsGeometryServices.Instance);
        return stored.Select(s => new RegionBoundary(s.Key, s.Level, reader.Read(s.Wkb))).ToList();
    }

    public static DateOnly? BoundaryDate(IReadOnlyList<StoredBoundary> stored) => stored.Select(s => s.BoundaryDate).Max();

    public static RegionLocator Locator(Variant variant)
    {
        var stored = Stored(variant);
        return new RegionLocator(Decode(stored), BoundaryDate(stored));
    }

    private static BoundarySet Only(BoundarySet set, string level) =>
        set with { Features = set.Features.Where(f => f.Level == level).ToList() };
}
