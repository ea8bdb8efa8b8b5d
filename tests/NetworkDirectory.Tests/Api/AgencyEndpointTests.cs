using NetworkDirectory.Tests.Contract;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace NetworkDirectory.Tests.Api;

public sealed class AgencyEndpointTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateSeededClient();

    private async Task<string[]> IdsAsync(string url)
    {
        var page = await HttpAssert.OkAsync(await _client.GetAsync(url));
        return page.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetString()!).ToArray();
    }

    [Fact]
    public async Task ListWithoutFiltersReturnsEveryAgencyOrderedByName()
    {
        var page = await HttpAssert.OkAsync(await _client.GetAsync("/v1/agencies"));
        Assert.Equal(6, page.GetProperty("total").GetInt32());
        Assert.Equal(
            ["fbs-by", "ja-hh", "ja-lkm", "ja-muc", "pol-test", "hotline-de"],
            page.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetString()!).ToArray());
        Assert.All(page.GetProperty("items").EnumerateArray(), a => Assert.True(a.GetProperty("sample").GetBoolean()));
    }

    [Theory]
    [InlineData("/v1/agencies?kind=youth_welfare_office", new[] { "ja-hh", "ja-lkm", "ja-muc" })]
    [InlineData("/v1/agencies?responsibility=taking_into_care", new[] { "ja-hh", "ja-lkm", "ja-muc" })]
    [InlineData("/v1/agencies?responsibility=specialised_counselling&exploitationForm=labour_exploitation", new[] { "fbs-by" })]
    [InlineData("/v1/agencies?responsibility=specialised_counselling&exploitationForm=sexual_exploitation", new string[0])]
    [InlineData("/v1/agencies?exploitationForm=forced_marriage", new[] { "ja-hh", "ja-lkm", "ja-muc", "pol-test", "hotline-de" })]
    [InlineData("/v1/agencies?responsibility=taking_into_care&region=09162", new[] { "ja-muc" })]
    [InlineData("/v1/agencies?responsibility=taking_into_care&region=09162000", new[] { "ja-muc" })]
    [InlineData("/v1/agencies?responsibility=taking_into_care&region=091620000000", new[] { "ja-muc" })]
    [InlineData("/v1/agencies?responsibility=taking_into_care&region=09", new[] { "ja-lkm", "ja-muc" })]
    [InlineData("/v1/agencies?region=09184", new[] { "fbs-by", "ja-lkm", "pol-test", "hotline-de" })]
    [InlineData("/v1/agencies?region=05315000", new[] { "hotline-de" })]
    [InlineData("/v1/agencies?region=DE", new[] { "fbs-by", "ja-hh", "ja-lkm", "ja-muc", "pol-test", "hotline-de" })]
    [InlineData("/v1/agencies?responsibility=criminal_investigation&region=09162000", new[] { "pol-test" })]
    [InlineData("/v1/agencies?responsibility=criminal_investigation&region=02000", new string[0])]
    [InlineData("/v1/agencies?language=ro", new[] { "fbs-by" })]
    [InlineData("/v1/agencies?language=ar", new[] { "fbs-by" })]
    [InlineData("/v1/agencies?language=uk", new[] { "fbs-by" })]
    [InlineData("/v1/agencies?language=EN", new[] { "ja-muc" })]
    [InlineData("/v1/agencies?q=hamburg", new[] { "ja-hh" })]
    [InlineData("/v1/agencies?q=Beispielhilfe", new[] { "fbs-by" })]
    [InlineData("/v1/agencies?q=100%25", new[] { "fbs-by" })]
    [InlineData("/v1/agencies?q=_", new string[0])]
    [InlineData("/v1/agencies?kind=youth_welfare_office&q=Landkreis", new[] { "ja-lkm" })]
    public async Task FiltersSelectTheExpectedAgencies(string url, string[] expected) =>
        Assert.Equal(expected, await IdsAsync(url));

    [Fact]
    public async Task ProfessionalOnlyContactsAreNotInTheAnonymousLanguageFilter()
    {
        // 'tr' is offered only on a public contact; the professional on-call number must not leak through filters.
        Assert.Equal(["ja-muc"], await IdsAsync("/v1/agencies?language=tr"));
    }

    [Fact]
    public async Task PagingWalksEveryEntryOnceInAStableOrder()
    {
        var seen = new List<string>();
        int? offset = 0;
        while (offset is not null)
        {
            var page = await HttpAssert.OkAsync(await _client.GetAsync($"/v1/agencies?limit=4&offset={offset}"));
            Assert.Equal(4, page.GetProperty("limit").GetInt32());
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetString()!));
            offset = page.GetProperty("nextOffset").ValueKind == JsonValueKind.Null ? null : page.GetProperty("nextOffset").GetInt32();
        }
        Assert.Equal(await IdsAsync("/v1/agencies?limit=200"), seen);
    }

    [Theory]
    [InlineData(1, 0, 1, 1)]
    [InlineData(1, 5, 1, null)]
    [InlineData(200, 0, 6, null)]
    [InlineData(10, 6, 0, null)]
    [InlineData(10, 1000, 0, null)]
    public async Task PagingEdges(int limit, int offset, int count, int? nextOffset)
    {
        var page = await HttpAssert.OkAsync(await _client.GetAsync($"/v1/agencies?limit={limit}&offset={offset}"));
        Assert.Equal(count, page.GetProperty("items").GetArrayLength());
        Assert.Equal(6, page.GetProperty("total").GetInt32());
        var next = page.GetProperty("nextOffset");
        Assert.Equal(nextOffset, next.ValueKind == JsonValueKind.Null ? null : next.GetInt32());
    }

    [Theory]
    [InlineData("/v1/agencies?limit=0", "limit", "between 1 and 200")]
    [InlineData("/v1/agencies?limit=201", "limit", "between 1 and 200")]
    [InlineData("/v1/agencies?limit=abc", "limit", "'abc' is not a whole number")]
    [InlineData("/v1/agencies?offset=-1", "offset", "0 or more")]
    [InlineData("/v1/agencies?offset=1.5", "offset", "not a whole number")]
    [InlineData("/v1/agencies?region=0916", "region", "not a region key")]
    [InlineData("/v1/agencies?region=abc", "region", "not a region key")]
    [InlineData("/v1/agencies?kind=police_car", "kind", "not a known agency kind")]
    [InlineData("/v1/agencies?responsibility=babysitting", "responsibility", "not a known responsibility")]
    [InlineData("/v1/agencies?exploitationForm=x", "exploitationForm", "not a known exploitation form")]
    [InlineData("/v1/agencies?language=deutsch!", "language", "BCP 47")]
    [InlineData("/v1/agencies?q=%20", "q", "1 to 100")]
    public async Task BadQueryValuesAreProblemsNamingTheParameter(string url, string field, string reason)
    {
        var message = await HttpAssert.InvalidAsync(await _client.GetAsync(url), field);
        Assert.Contains(reason, message);
    }

    [Fact]
    public async Task TooLongTextQueryIsRejected()
    {
        var message = await HttpAssert.InvalidAsync(await _client.GetAsync("/v1/agencies?q=" + new string('a', 101)), "q");
        Assert.Contains("100", message);
    }

    [Fact]
    public async Task DetailHasServicesContactsSchedulesAndNetworks()
    {
        var agency = await HttpAssert.OkAsync(await _client.GetAsync("/v1/agencies/ja-muc"));
        Assert.Equal("Jugendamt München (Test)", agency.GetProperty("name").GetString());
        Assert.Equal("youth_welfare_office", agency.GetProperty("kind").GetString());
        Assert.Equal("80331", agency.GetProperty("address").GetProperty("postalCode").GetString());
        Assert.Equal(48.137, agency.GetProperty("location").GetProperty("latitude").GetDouble());
        Assert.Equal("2026-05-01", agency.GetProperty("lastVerifiedOn").GetString());
        Assert.Equal("2026-02-01T10:30:00+00:00", agency.GetProperty("updatedAt").GetString());
        Assert.Equal(["de", "en"], agency.GetProperty("languages").EnumerateArray().Select(l => l.GetString()!));

        var care = agency.GetProperty("services").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "s-ja-muc-care");
        Assert.Equal("taking_into_care", care.GetProperty("responsibility").GetString());
        Assert.Equal(17, care.GetProperty("targetGroup").GetProperty("maxAge").GetInt32());
        Assert.Equal(["09162"], care.GetProperty("coverage").GetProperty("regionKeys").EnumerateArray().Select(k => k.GetString()!));

        var contacts = agency.GetProperty("contacts").EnumerateArray().ToList();
        Assert.Equal(["c-ja-muc-office", "c-ja-muc-110"], contacts.Select(c => c.GetProperty("id").GetString()!));
        var office = contacts[0];
        Assert.Equal("+498999998101", office.GetProperty("value").GetString());
        var schedule = office.GetProperty("schedule");
        Assert.True(schedule.GetProperty("closedOnPublicHolidays").GetBoolean());
        Assert.Equal("monday", schedule.GetProperty("windows")[0].GetProperty("startDay").GetString());
        Assert.Equal("2026-12-24", schedule.GetProperty("exceptions")[0].GetProperty("date").GetString());
        var overnight = contacts[1].GetProperty("schedule").GetProperty("windows")[0];
        Assert.Equal(("monday", "16:00", "tuesday", "08:00"),
            (overnight.GetProperty("startDay").GetString(), overnight.GetProperty("startTime").GetString(),
             overnight.GetProperty("endDay").GetString(), overnight.GetProperty("endTime").GetString()));

        Assert.Equal("net-by", agency.GetProperty("networks")[0].GetProperty("networkId").GetString());
    }

    [Fact]
    public async Task AnonymousDetailNeverShowsProfessionalOrInternalValues()
    {
        var body = await (await _client.GetAsync("/v1/agencies/ja-muc")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("+498999998999", body);
        Assert.DoesNotContain("erika.beispiel", body);
        Assert.DoesNotContain("INTERNAL-NOTE-JA", body);
    }

    [Fact]
    public async Task CustomRegionCoverageListsItsKeys()
    {
        var agency = await HttpAssert.OkAsync(await _client.GetAsync("/v1/agencies/pol-test"));
        var custom = agency.GetProperty("services")[0].GetProperty("coverage").GetProperty("customRegions")[0];
        Assert.Equal("pp-test", custom.GetProperty("key").GetString());
        Assert.Equal(["09162", "09184"], custom.GetProperty("regionKeys").EnumerateArray().Select(k => k.GetString()!));
    }

    [Fact]
    public async Task UnknownAgencyIsNotFoundProblem()
    {
        var problem = await HttpAssert.ProblemAsync(await _client.GetAsync("/v1/agencies/does-not-exist"), 404);
        Assert.Contains("does-not-exist", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task BatchReturnsFoundAndMissing()
    {
        var body = await HttpAssert.OkAsync(await _client.PostAsJsonAsync("/v1/agencies/batch", new { ids = new[] { "ja-muc", "nope", "fbs-by" } }));
        Assert.Equal(["fbs-by", "ja-muc"], body.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetString()!));
        Assert.Equal(["nope"], body.GetProperty("missing").EnumerateArray().Select(a => a.GetString()!));
    }

    [Fact]
    public async Task BatchWithoutIdsIsAProblem() =>
        await HttpAssert.InvalidAsync(await _client.PostAsJsonAsync("/v1/agencies/batch", new { ids = Array.Empty<string>() }), "ids");

    [Fact]
    public async Task BatchWithAnotherMediaTypeIsUnsupported() =>
        await HttpAssert.ProblemAsync(await _client.PostAsync("/v1/agencies/batch", new StringContent("ids=ja-muc", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded")), 415);

    [Fact]
    public async Task BatchWithMalformedJsonIsBadRequest() =>
        await HttpAssert.ProblemAsync(await _client.PostAsync("/v1/agencies/batch", new StringContent("{\"ids\": [", System.Text.Encoding.UTF8, "application/json")), 400);

    [Fact]
    public async Task WrongMethodIsMethodNotAllowedProblem()
    {
        // Off-contract on purpose: /v1/taxonomies has no PUT, and the test checks how that is refused.
        var response = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Put, "/v1/taxonomies").OffContract("a method the path does not have"));
        await HttpAssert.ProblemAsync(response, 405);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }
}
