using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.IO.Converters;
using NetTopologySuite.Operation.Union;

namespace NetworkDirectory.Api.Geography;

/// <summary>
/// Reads the BKG VG series as published: a zip or folder of shapefiles in EPSG:25832 (VG1000_LAN,
/// VG1000_KRS, VG250_GEM, …; reprojected to WGS84 from each file's .prj), the GeoPackage variant, or GeoJSON in WGS84 with
/// AGS/ARS/GEN/BEZ properties. Keeps land areas only (GF = 4 where the field exists), merges the
/// parts of one key, repairs invalid rings with <see cref="GeometryFixer"/> and orients rings per RFC 7946.
/// </summary>
public static class BoundaryReader
{
    public static BoundarySet Read(string path, DateOnly? asOf = null)
    {
        if (File.Exists(path) && path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            var folder = Directory.CreateTempSubdirectory("nd-boundaries-");
            try
            {
                ZipFile.ExtractToDirectory(path, folder.FullName);
                return Read(folder.FullName, asOf) with { Source = Path.GetFileName(path) };
            }
            finally
            {
                folder.Delete(recursive: true);
            }
        }

        var files = Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).ToList()
            : File.Exists(path) ? [path] : throw new FileNotFoundException($"No boundary file or folder at '{path}'.", path);
        var shapefiles = files.Where(f => f.EndsWith(".shp", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToList();
        var geojson = files.Where(f => f.EndsWith(".geojson", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".json", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToList();
        var geopackages = files.Where(f => f.EndsWith(".gpkg", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToList();
        if (shapefiles.Count == 0 && geojson.Count == 0 && geopackages.Count == 0)
        {
            throw new InvalidDataException($"'{path}' holds no shapefile (.shp), GeoPackage (.gpkg) or GeoJSON (.geojson).");
        }

        var raw = shapefiles.SelectMany(ShapefileSource.Read)
            .Concat(geopackages.SelectMany(GeoPackageSource.Read))
            .Concat(geojson.SelectMany(ReadGeoJson))
            .ToList();
        var features = raw
            .GroupBy(f => f.Key)
            .Select(g => Merge(g.ToList()))
            .OrderBy(f => f.Key, StringComparer.Ordinal)
            .ToList();
        var date = asOf ?? ReadAktualitaet(files);
        var product = Product(shapefiles.Concat(geopackages).Concat(geojson).Select(Path.GetFileName).OfType<string>());
        return new BoundarySet(features, date, Path.GetFileName(path.TrimEnd('/', '\\')), product);
    }

    private static IEnumerable<BoundaryFeature> ReadGeoJson(string file)
    {
        var options = new JsonSerializerOptions { Converters = { new GeoJsonConverterFactory() } };
        using var stream = File.OpenRead(file);
        var collection = JsonSerializer.Deserialize<FeatureCollection>(stream, options)
            ?? throw new InvalidDataException($"{file} holds no FeatureCollection.");
        foreach (var feature in collection)
        {
            if (Create(feature.Attributes, feature.Geometry, file) is { } boundary)
            {
                yield return boundary;
            }
        }
    }

    /// <summary>A feature with an AGS of a known level and an area geometry; water areas (GF other than 4) are skipped.</summary>
    internal static BoundaryFeature? Create(IAttributesTable attributes, Geometry? geometry, string file)
    {
        string? Get(string name) => attributes.Exists(name) ? Convert.ToString(attributes[name], CultureInfo.InvariantCulture)?.Trim() : null;
        if (Get("GF") is { } gf && gf != "4")
        {
            return null;
        }
        var key = Get("AGS");
        if (key is null || BoundarySet.LevelOf(key) is not { } level || geometry is not (Polygon or MultiPolygon))
        {
            return null;
        }
        return new BoundaryFeature(key, level, Get("GEN") ?? key, Get("BEZ"), Get("ARS"), geometry);
    }

    private static BoundaryFeature Merge(List<BoundaryFeature> parts)
    {
        var geometry = parts.Count == 1 ? parts[0].Geometry : UnaryUnionOp.Union(parts.Select(p => p.Geometry).ToList());
        if (!geometry.IsValid)
        {
            geometry = GeometryFixer.Fix(geometry);
        }
        geometry = Geo.OrientRfc7946(geometry);
        geometry.SRID = Geo.Wgs84;
        return parts[0] with { Geometry = geometry };
    }

    private static DateOnly? ReadAktualitaet(IEnumerable<string> files) =>
        files.FirstOrDefault(f => Path.GetFileName(f).Equals("aktualitaet.txt", StringComparison.OrdinalIgnoreCase)) is { } file
        && DateOnly.TryParseExact(File.ReadAllText(file).Trim(), "dd.MM.yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    private static string Product(IEnumerable<string> names) =>
        names.Select(n => n.ToUpperInvariant()).FirstOrDefault(n => n.StartsWith("VG", StringComparison.Ordinal)) is { } name
            ? name.Split('_', '.', '-')[0]
            : "Verwaltungsgebiete";
}
