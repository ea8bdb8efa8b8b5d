namespace NetworkDirectory.Tests.Api;

public sealed class NetworkEndpointTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateSeededClient();

    [Theory]
    [InlineData("/v1/networks", new[] { "net-by", "net-hh" })]
    [InlineData("/v1/networks?status=active", new[] { "net-by" })]
    [InlineData("/v1/networks?scope=cross_land", new[] { "net-hh" })]
    [InlineData("/v1/networks?region=09162000", new[] { "net-by" })]
    [InlineData("/v1/networks?region=04", new[] { "net-hh" })]
    [InlineData("/v1/networks?region=DE", new[] { "net-by", "net-hh" })]
    [InlineData("/v1/networks?region=05", new string[0])]
    [InlineData("/v1/networks?limit=1&offset=1", new[] { "net-hh" })]
    public async Task FiltersSelectTheExpectedNetworks(string url, string[] expected)
    {
        var page = await HttpAssert.OkAsync(await _client.GetAsync(url));
        Assert.Equal(expected, page.GetProperty("items").EnumerateArray().Select(n => n.GetProperty("id").GetString()!));
    }

    [Fact]
    public async Task ListShowsAreaAndMemberCount()
    {
        var page = await HttpAssert.OkAsync(await _client.GetAsync("/v1/networks?scope=cross_land"));
        var hh = page.GetProperty("items")[0];
        Assert.Equal(["02", "04"], hh.GetProperty("regionKeys").EnumerateArray().Select(k => k.GetString()!));
        Assert.Equal(1, hh.GetProperty("memberCount").GetInt32());
        Assert.Equal("planned", hh.GetProperty("status").GetString());
    }

    [Fact]
    public async Task DetailHasCoordinatingOfficeMembersAndInstruments()
    {
        var network = await HttpAssert.OkAsync(await _client.GetAsync("/v1/networks/net-by"));
        Assert.Equal("fbs-by", network.GetProperty("coordinatingOffice").GetProperty("id").GetString());
        Assert.Equal("2021-06-01", network.GetProperty("establishedOn").GetString());
        Assert.Equal(
            [("fbs-by", "coordinator"), ("ja-muc", "member"), ("pol-test", "advisory")],
            network.GetProperty("members").EnumerateArray().Select(m => (m.GetProperty("agencyId").GetString()!, m.GetProperty("role").GetString()!)));

        var instruments = network.GetProperty("instruments").EnumerateArray().ToList();
        Assert.Equal(["inst-by-koop", "inst-by-leit"], instruments.Select(i => i.GetProperty("id").GetString()!));
        Assert.True(instruments[0].GetProperty("binding").GetBoolean());
        Assert.Equal("2022-03-01", instruments[0].GetProperty("signedOn").GetString());
        Assert.Equal("minors", instruments[0].GetProperty("targetGroup").GetString());
        Assert.Empty(instruments[0].GetProperty("exploitationForms").EnumerateArray());
        Assert.False(instruments[1].GetProperty("published").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, instruments[1].GetProperty("url").ValueKind);
        Assert.Equal(["labour_exploitation"], instruments[1].GetProperty("exploitationForms").EnumerateArray().Select(f => f.GetString()!));
    }

    [Fact]
    public async Task NetworkWithoutCoordinatorHasNullOffice()
    {
        var network = await HttpAssert.OkAsync(await _client.GetAsync("/v1/networks/net-hh"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, network.GetProperty("coordinatingOffice").ValueKind);
    }

    [Fact]
    public async Task UnknownNetworkIsNotFoundProblem() =>
        await HttpAssert.ProblemAsync(await _client.GetAsync("/v1/networks/nope"), 404);

    [Theory]
    [InlineData("/v1/networks?status=closed", "status")]
    [InlineData("/v1/networks?scope=world", "scope")]
    [InlineData("/v1/networks?region=x1", "region")]
    [InlineData("/v1/networks?offset=-5", "offset")]
    public async Task BadValuesAreProblemsNamingTheParameter(string url, string field) =>
        await HttpAssert.InvalidAsync(await _client.GetAsync(url), field);
}
