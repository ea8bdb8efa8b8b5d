namespace NetworkDirectory.Api.Common;

/// <summary>Germany's extent with a margin (Büsingen, Sylt, Görlitz, Oberstdorf): a quick plausibility check for points and polygons.</summary>
public static class GermanyBounds
{
    public const double MinLatitude = 47.2, MaxLatitude = 55.1, MinLongitude = 5.8, MaxLongitude = 15.1;

    public static void Check(string field, double latitude, double longitude, ValidationErrors errors)
    {
        if (latitude is < MinLatitude or > MaxLatitude || longitude is < MinLongitude or > MaxLongitude || !double.IsFinite(latitude + longitude))
        {
            errors.Add(field, $"{field}: {latitude}, {longitude} is not in Germany (latitude {MinLatitude}–{MaxLatitude}, longitude {MinLongitude}–{MaxLongitude}).");
        }
    }


    public static bool Contains(double minLatitude, double maxLatitude, double minLongitude, double maxLongitude) =>
        minLatitude >= MinLatitude && maxLatitude <= MaxLatitude && minLongitude >= MinLongitude && maxLongitude <= MaxLongitude;
}
