using NetTopologySuite.Geometries;
using NetworkDirectory.Api.Geography;
using static NetworkDirectory.Tests.Geography.Squares;

namespace NetworkDirectory.Tests.Geography;

public class RegionLocatorTests
{
    private static readonly RegionLocator Locator = new(
    [
        new RegionBoundary("16", "land", Box(10, 50, 12, 52)),
        new RegionBoundary("16056", "kreis", Box(10, 50, 11, 52)),
        new RegionBoundary("16063", "kreis", Box(11, 50, 12, 52)),
        new RegionBoundary("16063001", "gemeinde", Geo.Factory.CreatePolygon(
            Geo.Factory.CreateLinearRing([new(11, 50), new(12, 50), new(12, 51), new(11, 51), new(11, 50)]),
            [Geo.Factory.CreateLinearRing([new(11.4, 50.4), new(11.4, 50.6), new(11.6, 50.6), new(11.6, 50.4), new(11.4, 50.4)])])),
        new RegionBoundary("01001", "kreis", Geo.Factory.CreateMultiPolygon([Box(8, 54, 8.5, 54.5), Box(9, 54, 9.5, 54.5)])),
    ], new DateOnly(2024, 12, 31));

    [Theory]
    [InlineData(51.5, 10.5, new[] { "16056", "16" })]
    [InlineData(50.2, 11.8, new[] { "16063001", "16063", "16" })]
    [InlineData(50.5, 11.5, new[] { "16063", "16" })]            // inside the hole of the Gemeinde
    [InlineData(54.2, 9.2, new[] { "01001" })]                   // second part of a multipolygon
    [InlineData(51.5, 11.0, new[] { "16056", "16" })]            // on the shared border: the smaller key wins
    [InlineData(52.0, 10.5, new[] { "16056", "16" })]            // on the outer border: inside
    [InlineData(50.0, 12.0, new[] { "16063001", "16063", "16" })] // on a corner
    public void PointResolvesToTheChainOfContainingRegions(double latitude, double longitude, string[] expected) =>
        Assert.Equal(expected, Locator.Locate(latitude, longitude));

    [Theory]
    [InlineData(49.99, 11.0)]
    [InlineData(54.2, 8.75)] // between the two parts of 01001
    [InlineData(-33.9, 151.2)]
    public void PointOutsideEveryRegionResolvesToNothing(double latitude, double longitude) =>
        Assert.Empty(Locator.Locate(latitude, longitude));

    [Fact]
    public void LocatingOneLevelAndMetadata()
    {
        Assert.Equal("16063", Locator.LocateAt("kreis", 50.2, 11.8));
        Assert.Null(Locator.LocateAt("regierungsbezirk", 50.2, 11.8));
        Assert.Equal(["gemeinde", "kreis", "land"], Locator.LevelsLoaded);
        Assert.Equal(5, Locator.Count);
        Assert.Equal(new DateOnly(2024, 12, 31), Locator.BoundaryDate);
    }

    [Fact]
    public void TheLandAndRegierungsbezirkOfALocatedKreisComeFromItsKey()
    {
        // Deliberately inconsistent sets: the Land's area misses the Kreis. A Kreis lies in the Land
        // its key begins with, so the key decides; a Land that is not loaded is not made up.
        var locator = new RegionLocator(
        [
            new RegionBoundary("09", "land", Box(10, 48, 11, 49)),
            new RegionBoundary("091", "regierungsbezirk", Box(10, 48, 11, 49)),
            new RegionBoundary("09162", "kreis", Box(11, 48, 12, 49)),
            new RegionBoundary("01001", "kreis", Box(8, 54, 9, 55)),
        ], null);

        Assert.Equal(["09162", "091", "09"], locator.Locate(48.5, 11.5));
        Assert.Equal(["01001"], locator.Locate(54.5, 8.5));
        Assert.Equal(["091", "09"], locator.Locate(48.5, 10.5)); // no Kreis there: located as before
    }

    [Fact]
    public void ConcurrentQueriesAgreeWithSequentialOnes()
    {
        var points = Enumerable.Range(0, 2000).Select(i => (Lat: 50 + (i % 200) / 100.0, Lon: 10 + (i / 200) / 5.0)).ToList();
        var expected = points.Select(p => string.Join(",", Locator.Locate(p.Lat, p.Lon))).ToList();
        var actual = new string[points.Count];
        Parallel.For(0, points.Count, i => actual[i] = string.Join(",", Locator.Locate(points[i].Lat, points[i].Lon)));
        Assert.Equal(expected, actual);
    }
}
