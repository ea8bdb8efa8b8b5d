namespace NetworkDirectory.Api.Geography;

/// <summary>A custom coverage area of a service (a polygon); thread-safe for concurrent queries.</summary>
public interface ICoverageArea
{
    bool Contains(double latitude, double longitude);
}

/// <summary>Parses a service's coverage GeoJSON; null when it is not a valid area.</summary>
public delegate ICoverageArea? CoverageAreaParser(string geoJson);
