namespace NetworkDirectory.Tests.Api;

public sealed class RegionEndpointTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateSeededClient();

    private async Task<string[]> KeysAsync(string url)
    {
        var page = await HttpAssert.OkAsync(await _client.GetAsync(url));
        return page.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("key").GetString()!).ToArray();
    }

    [Theory]
    [InlineData("/v1/regions?level=country", new[] { "DE" })]
    [InlineData("/v1/regions?level=kreis", new[] { "02000", "09162", "09184" })]
    [InlineData("/v1/regions?parent=091", new[] { "09162", "09184" })]
    [InlineData("/v1/regions?keyPrefix=0916", new[] { "09162", "09162000" })]
    [InlineData("/v1/regions?level=gemeinde&keyPrefix=09", new[] { "09162000" })]
    [InlineData("/v1/regions?level=land&limit=3&offset=1", new[] { "02", "03", "04" })]
    public async Task FiltersSelectTheExpectedRegions(string url, string[] expected) =>
        Assert.Equal(expected, await KeysAsync(url));

    [Fact]
    public async Task EveryLandIsKnownBeforeAnyBoundaryImport()
    {
        var page = await HttpAssert.OkAsync(await _client.GetAsync("/v1/regions?level=land"));
        Assert.Equal(16, page.GetProperty("total").GetInt32());
        var bayern = page.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("key").GetString() == "09");
        Assert.Equal("Bayern", bayern.GetProperty("name").GetString());
        Assert.Equal("DE", bayern.GetProperty("parentKey").GetString());
        Assert.False(bayern.GetProperty("hasBoundary").GetBoolean());
    }

    [Fact]
    public async Task DetailHasAncestorsAndChildren()
    {
        var detail = await HttpAssert.OkAsync(await _client.GetAsync("/v1/regions/09162"));
        Assert.Equal("Kreisfreie Stadt", detail.GetProperty("region").GetProperty("designation").GetString());
        Assert.Equal(["091", "09", "DE"], detail.GetProperty("ancestors").EnumerateArray().Select(r => r.GetProperty("key").GetString()!));
        Assert.Equal(["09162000"], detail.GetProperty("children").EnumerateArray().Select(r => r.GetProperty("key").GetString()!));
    }

    [Fact]
    public async Task ArsIsAcceptedAsKey()
    {
        var detail = await HttpAssert.OkAsync(await _client.GetAsync("/v1/regions/091620000000"));
        Assert.Equal("09162000", detail.GetProperty("region").GetProperty("key").GetString());
    }

    [Fact]
    public async Task UnknownRegionIsNotFoundProblem()
    {
        var problem = await HttpAssert.ProblemAsync(await _client.GetAsync("/v1/regions/09999"), 404);
        Assert.Contains("09999", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/v1/regions/0916", "key")]
    [InlineData("/v1/regions/bayern", "key")]
    [InlineData("/v1/regions?level=bezirk", "level")]
    [InlineData("/v1/regions?parent=9", "parent")]
    [InlineData("/v1/regions?keyPrefix=09a", "keyPrefix")]
    [InlineData("/v1/regions?limit=500", "limit")]
    public async Task BadValuesAreProblemsNamingTheParameter(string url, string field) =>
        await HttpAssert.InvalidAsync(await _client.GetAsync(url), field);
}
