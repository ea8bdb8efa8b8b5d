using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.Precision;
using NetTopologySuite.Simplify;
using NetworkDirectory.Api.Geography;

namespace NetworkDirectory.Api.Maps;

/// <summary>
/// Turns a stored boundary into an RFC 7946 geometry: simplified (topology preserved), rounded to
/// 6 decimals (about 0.1 m), exterior rings counter-clockwise and holes clockwise — oriented after
/// the rounding, which may flip a sliver's sign.
/// </summary>
public static class MapGeometry
{
    public const int MinTolerance = 0;
    public const int MaxTolerance = 5000;
    public const int DefaultTolerance = 250;

    /// <summary>Metres per degree of latitude. A degree of longitude is shorter (cos φ, 0.6 in Germany): the tolerance east–west is then 1.6 times finer, never coarser than asked.</summary>
    public const double MetresPerDegree = 111_320;

    private static readonly PrecisionModel SixDecimals = new(1e6);

    public static readonly JsonSerializerOptions GeoJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new NetTopologySuite.IO.Converters.GeoJsonConverterFactory() },
    };

    public static Geometry Prepare(Geometry boundary, int toleranceMetres)
    {
        var simplified = toleranceMetres == 0 ? boundary : TopologyPreservingSimplifier.Simplify(boundary, toleranceMetres / MetresPerDegree);
        // A reducer per call: it keeps state while it works. Not pointwise, so rounding cannot make a polygon invalid.
        var rounded = new GeometryPrecisionReducer(SixDecimals) { RemoveCollapsedComponents = true }.Reduce(simplified);
        return Geo.OrientRfc7946(rounded);
    }

    public static JsonElement ToJson(Geometry geometry) => JsonSerializer.SerializeToElement(geometry, GeoJson);

    /// <summary>A position rounded like the boundaries: [lon, lat].</summary>
    public static double[] Position(double latitude, double longitude) => [Math.Round(longitude, 6), Math.Round(latitude, 6)];
}
