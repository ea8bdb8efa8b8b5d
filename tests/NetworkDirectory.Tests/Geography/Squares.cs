using System.Text.Json.Nodes;
using NetTopologySuite.Geometries;
using NetworkDirectory.Api.Geography;

namespace NetworkDirectory.Tests.Geography;

/// <summary>Small hand-made boundaries in WGS84 for the geography unit tests.</summary>
internal static class Squares
{
    private static readonly System.Text.Json.JsonSerializerOptions GeoJson = new() { Converters = { new NetTopologySuite.IO.Converters.GeoJsonConverterFactory() } };

    /// <summary>A square from (lon0, lat0) to (lon1, lat1).</summary>
    public static Polygon Box(double lon0, double lat0, double lon1, double lat1) =>
        Geo.Factory.CreatePolygon([new(lon0, lat0), new(lon1, lat0), new(lon1, lat1), new(lon0, lat1), new(lon0, lat0)]);

    /// <summary>A GeoJSON feature in the shape of the BKG GeoJSON files.</summary>
    public static JsonObject Feature(string ags, string name, string bez, Geometry geometry, int? gf = null)
    {
        var properties = new JsonObject { ["AGS"] = ags, ["GEN"] = name, ["BEZ"] = bez };
        if (gf is { } value)
        {
            properties["GF"] = value;
        }
        return new JsonObject
        {
            ["type"] = "Feature",
            ["properties"] = properties,
            ["geometry"] = System.Text.Json.JsonSerializer.SerializeToNode(geometry, GeoJson),
        };
    }

    public static string Collection(params JsonObject[] features) =>
        new JsonObject { ["type"] = "FeatureCollection", ["features"] = new JsonArray(features) }.ToJsonString();

    /// <summary>Land 16 = [10,50]–[12,52]; Kreis 16056 = west half, 16063 = east half (they share the border lon 11).</summary>
    public static string Thueringen(bool withEisenach = true) => Collection(
        [
            Feature("16", "Thüringen", "Freistaat", Box(10, 50, 12, 52)),
            .. withEisenach
                ? new[] { Feature("16056", "Eisenach", "Kreisfreie Stadt", Box(10, 50, 11, 52)), Feature("16063", "Wartburgkreis", "Landkreis", Box(11, 50, 12, 52)) }
                : [Feature("16063", "Wartburgkreis", "Landkreis", Box(10, 50, 12, 52))],
        ]);

    public static string WriteTemp(string content, string extension = ".geojson")
    {
        var path = Path.Combine(Path.GetTempPath(), $"nd-geo-{Guid.NewGuid():N}{extension}");
        File.WriteAllText(path, content);
        return path;
    }
}
