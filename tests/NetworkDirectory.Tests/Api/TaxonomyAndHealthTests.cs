using NetworkDirectory.Tests.Contract;
namespace NetworkDirectory.Tests.Api;

public sealed class TaxonomyAndHealthTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateSeededClient();

    [Fact]
    public async Task TaxonomiesListEveryCodeWithBothLabels()
    {
        var taxonomies = await HttpAssert.OkAsync(await _client.GetAsync("/v1/taxonomies"));
        var kinds = taxonomies.GetProperty("agencyKinds").EnumerateArray().ToList();
        Assert.Equal(17, kinds.Count);
        Assert.Contains(kinds, k => k.GetProperty("code").GetString() == "customs_fks" && k.GetProperty("labelDe").GetString()!.Contains("Zoll"));
        Assert.All(kinds, k => Assert.False(string.IsNullOrWhiteSpace(k.GetProperty("labelEn").GetString())));

        var responsibilities = taxonomies.GetProperty("responsibilities").EnumerateArray().ToList();
        Assert.Equal(15, responsibilities.Count);
        var ageAssessment = responsibilities.Single(r => r.GetProperty("code").GetString() == "age_assessment");
        Assert.Equal("§ 42f SGB VIII", ageAssessment.GetProperty("legalBasis").GetString());
        Assert.Equal(4, ageAssessment.GetProperty("caseStep").GetInt32());
        Assert.Contains(responsibilities, r => r.GetProperty("acute").GetBoolean());

        var forms = taxonomies.GetProperty("exploitationForms").EnumerateArray().ToList();
        Assert.Equal(8, forms.Count);
        Assert.Equal("§ 237 StGB", forms.Single(f => f.GetProperty("code").GetString() == "forced_marriage").GetProperty("stgbReference").GetString());

        Assert.Equal(5, taxonomies.GetProperty("instrumentTypes").GetArrayLength());
        Assert.Equal(5, taxonomies.GetProperty("contactKinds").GetArrayLength());
        Assert.Contains(taxonomies.GetProperty("contactChannels").EnumerateArray(), c => c.GetProperty("code").GetString() == "via_police_emergency");
        Assert.NotEmpty(taxonomies.GetProperty("memberRoles").EnumerateArray());
    }

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    public async Task HealthEndpointsAnswerHealthy(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UnknownPathIsNotFoundProblem() =>
        await HttpAssert.ProblemAsync(await _client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/v1/nothing-here").OffContract("an unknown route")), 404);

    [Fact]
    public async Task PartnerWebsitesMayReadFromAnyOrigin()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/taxonomies");
        request.Headers.Add("Origin", "https://partner.example.org");
        var response = await _client.SendAsync(request);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }
}
