using System.Text.Json;

namespace NetworkDirectory.Tests.Maps;

/// <summary>
/// The RFC 7946 rules a map client relies on, checked on a response body: a FeatureCollection
/// without `crs`, Features with null or Point/Polygon/MultiPolygon geometry, positions
/// [lon, lat] in range with at most 6 decimals, rings closed with at least 4 positions, exterior
/// rings counter-clockwise and holes clockwise (by the sign of the shoelace area).
/// </summary>
internal static class GeoJsonValidator
{
    public static List<string> Problems(JsonElement collection)
    {
        var problems = new List<string>();
        if (collection.GetProperty("type").GetString() != "FeatureCollection") problems.Add("type is not FeatureCollection");
        if (collection.TryGetProperty("crs", out _)) problems.Add("the collection has a crs member (RFC 7946 § 4 removed it)");
        foreach (var feature in collection.GetProperty("features").EnumerateArray())
        {
            var id = feature.TryGetProperty("id", out var i) ? i.ToString() : "?";
            if (feature.GetProperty("type").GetString() != "Feature") problems.Add($"{id}: type is not Feature");
            if (feature.TryGetProperty("crs", out _)) problems.Add($"{id}: crs member");
            if (!feature.TryGetProperty("properties", out _)) problems.Add($"{id}: no properties member");
            var geometry = feature.GetProperty("geometry");
            if (geometry.ValueKind == JsonValueKind.Null) continue;
            var coordinates = geometry.GetProperty("coordinates");
            switch (geometry.GetProperty("type").GetString())
            {
                case "Point": Position(id, coordinates, problems); break;
                case "Polygon": Polygon(id, coordinates, problems); break;
                case "MultiPolygon":
                    foreach (var polygon in coordinates.EnumerateArray()) Polygon(id, polygon, problems);
                    break;
                case var other: problems.Add($"{id}: unexpected geometry type {other}"); break;
            }
        }
        return problems;
    }

    private static void Polygon(string id, JsonElement rings, List<string> problems)
    {
        var index = 0;
        foreach (var ring in rings.EnumerateArray())
        {
            var positions = ring.EnumerateArray().ToList();
            foreach (var p in positions) Position(id, p, problems);
            if (positions.Count < 4) problems.Add($"{id}: ring {index} has {positions.Count} positions (at least 4)");
            else if (positions[0].GetRawText() != positions[^1].GetRawText()) problems.Add($"{id}: ring {index} is not closed");
            else
            {
                var area = SignedArea(positions);
                if (index == 0 && area <= 0) problems.Add($"{id}: exterior ring is not counter-clockwise (signed area {area})");
                if (index > 0 && area >= 0) problems.Add($"{id}: hole {index} is not clockwise (signed area {area})");
            }
            index++;
        }
    }

    private static void Position(string id, JsonElement position, List<string> problems)
    {
        var lon = position[0].GetDouble();
        var lat = position[1].GetDouble();
        if (position.GetArrayLength() != 2) problems.Add($"{id}: position with {position.GetArrayLength()} values");
        if (lon is < -180 or > 180 || lat is < -90 or > 90) problems.Add($"{id}: position [{lon}, {lat}] out of range");
        if (Math.Round(lon, 6) != lon || Math.Round(lat, 6) != lat) problems.Add($"{id}: position [{lon}, {lat}] has more than 6 decimals");
    }

    /// <summary>Shoelace formula: positive for a counter-clockwise ring in lon/lat.</summary>
    public static double SignedArea(IReadOnlyList<JsonElement> ring)
    {
        var sum = 0.0;
        for (var k = 0; k < ring.Count - 1; k++)
        {
            sum += (ring[k][0].GetDouble() * ring[k + 1][1].GetDouble()) - (ring[k + 1][0].GetDouble() * ring[k][1].GetDouble());
        }
        return sum / 2;
    }
}
