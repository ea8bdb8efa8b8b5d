using System.Net.Http.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using NetworkDirectory.Api.Geography;

namespace NetworkDirectory.Tests.Geography;

public sealed class CoveragePolygonTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Square = """{"type":"Polygon","coordinates":[[[11.5,48.1],[11.6,48.1],[11.6,48.2],[11.5,48.2],[11.5,48.1]]]}""";

    [Theory]
    [InlineData("""{"type":"Point","coordinates":[11.5,48.1]}""", "Polygon or MultiPolygon")]
    [InlineData("""{"type":"Polygon","coordinates":[[[11.5,48.1],[11.6,48.2],[11.6,48.1],[11.5,48.2],[11.5,48.1]]]}""", "not a valid polygon")]
    [InlineData("""{"type":"Polygon","coordinates":[[[2.3,48.8],[2.4,48.8],[2.4,48.9],[2.3,48.8]]]}""", "outside Germany")]
    [InlineData("""{"type":"Polygon","coordinates":""", "not GeoJSON")]
    public void InvalidPolygonsAreRejectedWithAReason(string geoJson, string reason)
    {
        Assert.False(CoveragePolygon.TryParse(geoJson, out _, out var error));
        Assert.Contains(reason, error);
    }

    [Fact]
    public void PolygonWithTooManyVerticesIsRejected()
    {
        var ring = Enumerable.Range(0, 10_001).Select(i => $"[{11 + Math.Cos(i * 2 * Math.PI / 10_001) * 0.1:F6},{48 + Math.Sin(i * 2 * Math.PI / 10_001) * 0.1:F6}]");
        var geoJson = $$"""{"type":"Polygon","coordinates":[[{{string.Join(",", ring)}},[{{11.1:F6}},{{48:F6}}]]]}""".Replace("11.100000,48.000000]]]", "11.100000,48.000000]]]", StringComparison.Ordinal);
        Assert.False(CoveragePolygon.TryParse(geoJson, out _, out var error));
        Assert.Contains("10000", error);
    }

    [Fact]
    public void ContainsCountsTheBorderAsInside()
    {
        Assert.True(CoveragePolygon.TryParse(Square, out var polygon, out _));
        Assert.True(polygon!.Contains(48.15, 11.55));
        Assert.True(polygon.Contains(48.1, 11.55));
        Assert.False(polygon.Contains(48.25, 11.55));
    }

    [Fact]
    public async Task AServiceWithAPolygonContainingThePointWinsOverKeyCoverage()
    {
        // No boundaries are imported here, so only an admin may set a polygon (see PolygonScopeTests).
        var admin = factory.CreateClientAs("admin");
        var created = await admin.PostAsJsonAsync("/v1/services", new
        {
            agencyId = "ja-lkm", responsibility = "taking_into_care", priority = 50,
            coverage = new { regionKeys = new[] { "09184" } }, coveragePolygon = System.Text.Json.JsonDocument.Parse(Square).RootElement,
        });
        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        using (var connection = factory.OpenDatabase())
        {
            Assert.Contains("Polygon", connection.ExecuteScalar<string>("SELECT coverage_geojson FROM services WHERE agency_id = 'ja-lkm' AND coverage_geojson IS NOT NULL"));
        }

        // The polygon lies in München city, covered by ja-muc through Kreis 09162; no boundaries are
        // imported here, so place the point by region key and coordinates are only used for the polygon.
        var place = new NetworkDirectory.Api.Lookup.ResolvedPlace(
            NetworkDirectory.Api.Lookup.PlaceResolver.ChainFor(factory.Services.GetRequiredService<NetworkDirectory.Api.Lookup.DirectorySnapshotHolder>().Current, "09162"), (48.15, 11.55));
        var snapshot = factory.Services.GetRequiredService<NetworkDirectory.Api.Lookup.DirectorySnapshotHolder>().Current;
        var criteria = new NetworkDirectory.Api.Lookup.LookupCriteria(["taking_into_care"], null, null, null, null, DateTimeOffset.UtcNow, ["public"]);
        var matches = NetworkDirectory.Api.Lookup.ServiceMatcher.Match(snapshot, place, criteria, "taking_into_care");

        Assert.Equal(("ja-lkm", "custom polygon"), (matches[0].Agency.Id, matches[0].MatchedLevel));
        Assert.Equal(("ja-muc", "kreis"), (matches[1].Agency.Id, matches[1].MatchedLevel));
    }
}
