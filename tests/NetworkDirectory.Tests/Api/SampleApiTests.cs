namespace NetworkDirectory.Tests.Api;

/// <summary>The API as a fresh install serves it: bundled sample network, flagged as sample.</summary>
public sealed class SampleApiTests(SampleApiFactory factory) : IClassFixture<SampleApiFactory>
{
    private readonly HttpClient _client = factory.CreateSeededClient();

    [Theory]
    [InlineData("taking_into_care", "09162")]
    [InlineData("taking_into_care", "02000")]
    [InlineData("criminal_investigation", "09184")]
    [InlineData("specialised_counselling", "09189")]
    public async Task FrontlineQueryReturnsSampleAgenciesMarkedAsSample(string responsibility, string region)
    {
        var page = await HttpAssert.OkAsync(await _client.GetAsync($"/v1/agencies?responsibility={responsibility}&region={region}"));
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.All(items, a =>
        {
            Assert.True(a.GetProperty("sample").GetBoolean());
            Assert.EndsWith("(Beispiel)", a.GetProperty("name").GetString());
        });
    }

    [Fact]
    public async Task SampleAgencyDetailShowsOnlyPublicContactsEachFlagged()
    {
        var agency = await HttpAssert.OkAsync(await _client.GetAsync("/v1/agencies/m-stadtjugendamt"));
        var contacts = agency.GetProperty("contacts").EnumerateArray().ToList();
        Assert.NotEmpty(contacts);
        Assert.All(contacts, c =>
        {
            Assert.Equal("public", c.GetProperty("visibility").GetString());
            Assert.True(c.GetProperty("sample").GetBoolean());
        });
    }

    [Fact]
    public async Task EveryNetworkAndInstrumentIsFlagged()
    {
        var page = await HttpAssert.OkAsync(await _client.GetAsync("/v1/networks"));
        Assert.True(page.GetProperty("total").GetInt32() >= 2);
        foreach (var summary in page.GetProperty("items").EnumerateArray())
        {
            var network = await HttpAssert.OkAsync(await _client.GetAsync($"/v1/networks/{summary.GetProperty("id").GetString()}"));
            Assert.True(network.GetProperty("sample").GetBoolean());
            Assert.All(network.GetProperty("instruments").EnumerateArray(), i => Assert.True(i.GetProperty("sample").GetBoolean()));
        }
    }
}
