using NetTopologySuite.Geometries;

namespace NetworkDirectory.Api.Geography;

/// <summary>
/// The one place that turns latitude/longitude into NTS coordinates: x = longitude, y = latitude,
/// SRID 4326 (WGS84).
/// </summary>
public static class Geo
{
    public const int Wgs84 = 4326;

    public static readonly GeometryFactory Factory = new(new PrecisionModel(), Wgs84);

    public static Coordinate Coordinate(double latitude, double longitude) => new(longitude, latitude);

    public static Point Point(double latitude, double longitude) => Factory.CreatePoint(Coordinate(latitude, longitude));

    /// <summary>RFC 7946 ring order: exterior rings counter-clockwise, holes clockwise.</summary>
    public static Geometry OrientRfc7946(Geometry geometry) => geometry switch
    {
        Polygon polygon => Orient(polygon),
        MultiPolygon multi => Factory.CreateMultiPolygon(multi.Geometries.Cast<Polygon>().Select(Orient).ToArray()),
        _ => geometry,
    };

    private static Polygon Orient(Polygon polygon)
    {
        var shell = polygon.Shell.IsCCW ? polygon.Shell : (LinearRing)polygon.Shell.Reverse();
        var holes = polygon.Holes.Select(h => h.IsCCW ? (LinearRing)h.Reverse() : h).ToArray();
        return Factory.CreatePolygon(shell, holes);
    }
}
