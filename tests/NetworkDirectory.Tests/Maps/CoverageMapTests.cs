using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.Geometries;
using NetworkDirectory.Api.Geography;
using static NetworkDirectory.Tests.Geography.Squares;

namespace NetworkDirectory.Tests.Maps;

/// <summary>GET /v1/maps/coverage and /v1/maps/agencies on the sample network with square boundaries.</summary>
public sealed class CoverageMapTests : IClassFixture<CoverageMapTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public SampleApiFactory Factory { get; } = new();
        public HttpClient Client { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Client = Factory.CreateSeededClient();
            // München drawn clockwise with a hole (a counter-clockwise one): the map must turn both.
            var shell = Geo.Factory.CreateLinearRing([new(11, 48), new(11, 49), new(12, 49), new(12, 48), new(11, 48)]);
            var hole = Geo.Factory.CreateLinearRing([new(11.4, 48.4), new(11.6, 48.4), new(11.6, 48.6), new(11.4, 48.6), new(11.4, 48.4)]);
            var path = WriteTemp(Collection(
                Feature("09", "Bayern", "Freistaat", Box(10, 47, 14, 50)),
                Feature("09162", "München", "Kreisfreie Stadt", Geo.Factory.CreatePolygon(shell, [hole])),
                Feature("09189", "Traunstein", "Landkreis", Box(12.1234567, 47, 13, 48))));
            try
            {
                await Factory.Services.GetRequiredService<BoundaryImporter>().ImportAsync(BoundaryReader.Read(path, new DateOnly(2024, 12, 31)));
            }
            finally
            {
                File.Delete(path);
            }
        }

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }
    }

    private readonly HttpClient _client;

    public CoverageMapTests(Fixture fixture) => _client = fixture.Client;

    private async Task<(HttpResponseMessage Response, JsonElement Body)> GetAsync(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType!.MediaType);
        return (response, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement);
    }

    [Fact]
    public async Task ALandMapIsValidRfc7946WithItsKreiseTheirAgenciesAndTheAttribution()
    {
        var (_, map) = await GetAsync("/v1/maps/coverage?region=09&responsibility=taking_into_care&tolerance=0");
        Assert.Empty(GeoJsonValidator.Problems(map));
        var features = map.GetProperty("features").EnumerateArray().ToDictionary(f => f.GetProperty("id").GetString()!);
        Assert.All(features.Values, f => Assert.Equal("kreis", f.GetProperty("properties").GetProperty("level").GetString()));
        var muenchen = features["09162"];
        Assert.Equal("Polygon", muenchen.GetProperty("geometry").GetProperty("type").GetString());
        Assert.Equal(2, muenchen.GetProperty("geometry").GetProperty("coordinates").GetArrayLength());
        var properties = muenchen.GetProperty("properties");
        Assert.Equal("covered", properties.GetProperty("status").GetString());
        var agency = properties.GetProperty("agencies")[0];
        Assert.True(agency.GetProperty("sample").GetBoolean());
        Assert.Contains(agency.GetProperty("coverageLevel").GetString(), new[] { "gemeinde", "kreis", "regierungsbezirk", "land", "country" });
        Assert.True(map.GetProperty("sample").GetBoolean());
        Assert.Contains("dl-de/by-2-0", map.GetProperty("attribution")[0].GetString());
        // Rounded to 6 decimals.
        Assert.Equal(12.123457, features["09189"].GetProperty("geometry").GetProperty("coordinates")[0][0][0].GetDouble());
        // Kreise of the sample without an imported boundary: geometry null, and said so.
        var missing = map.GetProperty("boundariesMissing").EnumerateArray().Select(k => k.GetString()!).ToList();
        Assert.All(missing, key => Assert.Equal(JsonValueKind.Null, features[key].GetProperty("geometry").ValueKind));
        Assert.DoesNotContain("09162", missing);
    }

    [Fact]
    public async Task TheMapNamesTheAgenciesTheLookupNamesFirst()
    {
        var (_, map) = await GetAsync("/v1/maps/coverage?region=09&responsibility=taking_into_care");
        foreach (var feature in map.GetProperty("features").EnumerateArray())
        {
            var key = feature.GetProperty("id").GetString()!;
            var lookup = await HttpAssert.OkAsync(await _client.GetAsync($"/v1/lookup?regionKey={key}&responsibility=taking_into_care"));
            var expected = lookup.GetProperty("results")[0].GetProperty("agencies").EnumerateArray().Select(a => a.GetProperty("agencyId").GetString()).ToList();
            var actual = feature.GetProperty("properties").GetProperty("agencies").EnumerateArray().Select(a => a.GetProperty("id").GetString()).ToList();
            Assert.Equal(expected, actual);
            Assert.Equal(lookup.GetProperty("results")[0].GetProperty("status").GetString(), feature.GetProperty("properties").GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task AKreisMapShowsItsGemeindenOrElseTheKreisItself()
    {
        var (_, map) = await GetAsync("/v1/maps/coverage?region=09189&responsibility=taking_into_care");
        Assert.Empty(GeoJsonValidator.Problems(map));
        var feature = Assert.Single(map.GetProperty("features").EnumerateArray());
        Assert.Equal("09189", feature.GetProperty("id").GetString());
        Assert.Equal("kreis", feature.GetProperty("properties").GetProperty("level").GetString());
    }

    [Fact]
    public async Task AgencyPointsAreValidAndLinkTheirVcard()
    {
        var (_, map) = await GetAsync("/v1/maps/agencies?region=09162&responsibility=taking_into_care");
        Assert.Empty(GeoJsonValidator.Problems(map));
        var features = map.GetProperty("features").EnumerateArray().ToList();
        Assert.NotEmpty(features);
        Assert.All(features, f =>
        {
            Assert.Equal("Point", f.GetProperty("geometry").GetProperty("type").GetString());
            var p = f.GetProperty("properties");
            Assert.Contains("taking_into_care", p.GetProperty("responsibilities").EnumerateArray().Select(r => r.GetString()));
            Assert.Equal($"/v1/agencies/{p.GetProperty("id").GetString()}/vcard", p.GetProperty("vcard").GetString());
        });
        var kjnd = features.Single(f => f.GetProperty("id").GetString() == "m-kjnd").GetProperty("geometry").GetProperty("coordinates");
        Assert.Equal([11.55, 48.145], kjnd.EnumerateArray().Select(c => c.GetDouble()));
        Assert.True(map.GetProperty("sample").GetBoolean());
    }

    [Theory]
    [InlineData("/v1/maps/coverage?responsibility=taking_into_care", "region")]
    [InlineData("/v1/maps/coverage?region=09162000&responsibility=taking_into_care", "region")]
    [InlineData("/v1/maps/coverage?region=091&responsibility=taking_into_care", "region")]
    [InlineData("/v1/maps/coverage?region=abc&responsibility=taking_into_care", "region")]
    [InlineData("/v1/maps/coverage?region=09", "responsibility")]
    [InlineData("/v1/maps/coverage?region=09&responsibility=nothing", "responsibility")]
    [InlineData("/v1/maps/coverage?region=09&responsibility=taking_into_care&tolerance=-1", "tolerance")]
    [InlineData("/v1/maps/coverage?region=09&responsibility=taking_into_care&tolerance=5001", "tolerance")]
    [InlineData("/v1/maps/agencies?region=0916", "region")]
    [InlineData("/v1/maps/agencies?responsibility=nothing", "responsibility")]
    public async Task BadInputIsAProblemNamingTheParameter(string url, string field) =>
        await HttpAssert.InvalidAsync(await _client.GetAsync(url), field);

    [Theory]
    [InlineData("/v1/maps/coverage?region=09999&responsibility=taking_into_care")]
    [InlineData("/v1/maps/agencies?region=09998")]
    public async Task AnUnknownRegionIsNotFound(string url) =>
        await HttpAssert.ProblemAsync(await _client.GetAsync(url), 404);
}
