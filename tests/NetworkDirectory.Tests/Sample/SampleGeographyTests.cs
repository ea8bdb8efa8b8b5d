using System.Text.Json;
using Dapper;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace NetworkDirectory.Tests.Sample;

/// <summary>
/// Checks the sample's regions and coordinates against the real BKG boundaries in ../shared/data
/// (skipped with a message where that reference data is absent).
/// </summary>
public sealed class SampleGeographyTests(SampleDatabase db) : IClassFixture<SampleDatabase>
{
    private static readonly Lazy<Dictionary<string, IFeature>> Laender = new(() => Load("vg1000-2024/laender.geojson"));
    private static readonly Lazy<Dictionary<string, IFeature>> Kreise = new(() => Load("vg1000-2024/kreise.geojson"));
    private static readonly Lazy<Dictionary<string, IFeature>> Gemeinden = new(() => Load("vg5000-2021/gemeinden.geojson"));

    [SharedDataFact]
    public void KreisAndGemeindeRowsMatchTheOfficialNamesAndDesignations()
    {
        using var connection = db.Open();
        var regions = connection.Query<(string Key, string Level, string Name, string Designation)>(
            "SELECT key, level, name, designation FROM regions WHERE level IN ('kreis', 'gemeinde')").ToList();
        Assert.NotEmpty(regions);
        Assert.All(regions, r =>
        {
            var source = r.Level == "kreis" ? Kreise.Value : Gemeinden.Value;
            Assert.True(source.TryGetValue(r.Key, out var feature), $"{r.Key} is not an official key");
            Assert.Equal(Attribute(feature, "GEN"), r.Name);
            Assert.Equal(Attribute(feature, "BEZ"), r.Designation);
        });
    }

    [SharedDataFact]
    public void AgencyCoordinatesLieInsideTheirSeat()
    {
        using var connection = db.Open();
        var agencies = connection.Query<(string Id, string Region, double Latitude, double Longitude)>(
            "SELECT id, region_key, latitude, longitude FROM agencies WHERE latitude IS NOT NULL").ToList();
        Assert.NotEmpty(agencies);
        Assert.All(agencies, a =>
        {
            var point = new Point(a.Longitude, a.Latitude);
            var area = a.Region.Length == 2 ? Laender.Value[a.Region] : Kreise.Value[a.Region[..5]];
            Assert.True(area.Geometry.Covers(point), $"{a.Id} ({a.Latitude}, {a.Longitude}) is outside {a.Region}");
            if (a.Region.Length == 8)
            {
                Assert.True(Gemeinden.Value[a.Region].Geometry.Covers(point), $"{a.Id} is outside Gemeinde {a.Region}");
            }
        });
    }

    private static string? Attribute(IFeature feature, string name) => feature.Attributes[name]?.ToString();

    private static Dictionary<string, IFeature> Load(string relativePath)
    {
        var options = new JsonSerializerOptions { Converters = { new GeoJsonConverterFactory() } };
        using var stream = File.OpenRead(SharedData.Germany(relativePath));
        var features = JsonSerializer.Deserialize<FeatureCollection>(stream, options)
            ?? throw new InvalidOperationException($"{relativePath} holds no features");
        return features.ToDictionary(f => Attribute(f, "AGS")!, f => f);
    }
}
