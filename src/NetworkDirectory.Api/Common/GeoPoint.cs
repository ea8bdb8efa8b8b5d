namespace NetworkDirectory.Api.Common;

/// <summary>A point in WGS84.</summary>
public sealed record GeoPoint(double Latitude, double Longitude);
