using System.Text.Json;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using NetworkDirectory.Api.Common;
using NetworkDirectory.Api.Writes;

namespace NetworkDirectory.Api.Geography;

/// <summary>
/// A custom coverage area of a service (a police or court district that is no official region):
/// a GeoJSON Polygon or MultiPolygon in WGS84, valid, inside Germany's extent, at most 10,000
/// vertices. A point on its border counts as inside. Precedence: a polygon that contains the point
/// is more specific than any official key, so it wins over Gemeinde, Kreis and Land coverage.
/// </summary>
public sealed class CoveragePolygon : ICoverageArea
{
    public const int MaxVertices = 10_000;

    private static readonly JsonSerializerOptions Options = new() { Converters = { new GeoJsonConverterFactory() } };
    private readonly IndexedPointInAreaLocator _locator;
    private readonly Envelope _envelope;

    private CoveragePolygon(Geometry geometry)
    {
        _locator = new IndexedPointInAreaLocator(geometry);
        _locator.Locate(geometry.EnvelopeInternal.Centre); // build the index before concurrent use
        _envelope = geometry.EnvelopeInternal;
    }

    public bool Contains(double latitude, double longitude)
    {
        var coordinate = Geo.Coordinate(latitude, longitude);
        return _envelope.Contains(coordinate) && _locator.Locate(coordinate) != Location.Exterior;
    }

    public static bool TryParse(string geoJson, out CoveragePolygon? polygon, out string? error)
    {
        polygon = TryRead(geoJson, out var geometry, out error) ? new CoveragePolygon(geometry!) : null;
        return polygon is not null;
    }

    /// <summary>Reads and checks a coverage polygon; the geometry when it is acceptable, else the reason.</summary>
    public static bool TryRead(string geoJson, out Geometry? geometry, out string? error)
    {
        try
        {
            geometry = JsonSerializer.Deserialize<Geometry>(geoJson, Options);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException or NotSupportedException)
        {
            geometry = null;
            // The reader's message names .NET types and reader positions; the coordinator needs the expected shape.
            error = "not GeoJSON: expected {\"type\": \"Polygon\" or \"MultiPolygon\", \"coordinates\": [[[longitude, latitude], …]]}.";
            return false;
        }
        error = geometry switch
        {
            not (Polygon or MultiPolygon) => "must be a GeoJSON Polygon or MultiPolygon.",
            { NumPoints: > MaxVertices } g => $"has {g.NumPoints} vertices; at most {MaxVertices} are allowed.",
            { IsValid: false } => "is not a valid polygon (self-intersecting or unclosed ring); repair it before upload.",
            { IsEmpty: true } => "is empty.",
            var g when !InGermany(g.EnvelopeInternal) => "lies (partly) outside Germany.",
            _ => null,
        };
        return error is null;
    }

    public static ICoverageArea? Parse(string geoJson) => TryParse(geoJson, out var polygon, out _) ? polygon : null;

    private static bool InGermany(Envelope e) =>
        GermanyBounds.Contains(e.MinY, e.MaxY, e.MinX, e.MaxX);
}
