using System.Text.Json;

namespace NetworkDirectory.Tests.Api;

/// <summary>GET /v1/lookup by region key and place name over the fixture network (no boundaries imported).</summary>
public sealed class LookupEndpointTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateSeededClient();

    private async Task<JsonElement> ResultAsync(string query, string responsibility)
    {
        var body = await HttpAssert.OkAsync(await _client.GetAsync($"/v1/lookup?{query}&responsibility={responsibility}"));
        return body.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("responsibility").GetString() == responsibility);
    }

    private static string? Str(JsonElement e, string property) =>
        e.GetProperty(property).ValueKind == JsonValueKind.Null ? null : e.GetProperty(property).GetString();

    // 2026-11-30 is a Monday: office Mon 08:00-16:00; on-call (via 110) Mon 16:00-Tue 08:00 and Fri 13:00-Mon 08:00.
    [Theory]
    [InlineData("2026-11-30T10:00", true, "c-ja-muc-office", "2026-11-30T16:00:00+01:00")]
    [InlineData("2026-11-30T22:00", true, "c-ja-muc-110", "2026-12-01T08:00:00+01:00")]
    [InlineData("2026-11-30T21:00Z", true, "c-ja-muc-110", "2026-12-01T08:00:00+01:00")]
    [InlineData("2026-12-01T12:00", false, null, "2026-12-04T08:00:00+01:00")]
    [InlineData("2026-12-05T03:00", true, "c-ja-muc-110", "2026-12-07T08:00:00+01:00")]
    public async Task ResponsibleAgencyAndTheContactThatAnswersAtThatTime(string at, bool reachable, string? contactId, string nextChange)
    {
        var result = await ResultAsync($"regionKey=09162000&at={Uri.EscapeDataString(at)}", "taking_into_care");

        Assert.Equal("covered", result.GetProperty("status").GetString());
        var agency = Assert.Single(result.GetProperty("agencies").EnumerateArray());
        Assert.Equal("ja-muc", agency.GetProperty("agencyId").GetString());
        Assert.Equal(("kreis", "09162"), (agency.GetProperty("coverage").GetProperty("level").GetString(), agency.GetProperty("coverage").GetProperty("regionKey").GetString()));
        Assert.Equal(reachable, agency.GetProperty("reachableNow").GetBoolean());
        Assert.Equal(contactId, agency.GetProperty("contact").ValueKind == JsonValueKind.Null ? null : agency.GetProperty("contact").GetProperty("id").GetString());
        Assert.Equal(nextChange, agency.GetProperty("nextChange").GetString());
    }

    [Fact]
    public async Task ClosedEverywhereSaysSoAndPointsTo110()
    {
        var result = await ResultAsync("regionKey=09162&at=2026-12-01T12:00", "taking_into_care");
        Assert.Contains(result.GetProperty("explanation").EnumerateArray(), e => e.GetString()!.Contains("110"));
    }

    [Fact]
    public async Task PublicHolidayClosesTheOfficeAndTheReasonSaysWhich()
    {
        // Ostermontag 2026-04-06, a Monday.
        var result = await ResultAsync("regionKey=09162&at=2026-04-06T10:00", "taking_into_care");
        var office = result.GetProperty("agencies")[0].GetProperty("contacts").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "c-ja-muc-office");
        Assert.False(office.GetProperty("reachableNow").GetBoolean());
        Assert.Equal("closed: public holiday Ostermontag", office.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task ProfessionalAndInternalContactsNeverReachAnonymousCallers()
    {
        var body = await (await _client.GetAsync("/v1/lookup?regionKey=09162&responsibility=taking_into_care,consultation&at=2026-11-30T22:00")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("+498999998999", body);
        Assert.DoesNotContain("erika.beispiel", body);
    }

    [Fact]
    public async Task NobodyCoveringIsAGapNotAnOmission()
    {
        var body = await HttpAssert.OkAsync(await _client.GetAsync("/v1/lookup?regionKey=02000&responsibility=criminal_investigation,taking_into_care"));
        var results = body.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["criminal_investigation", "taking_into_care"], results.Select(r => r.GetProperty("responsibility").GetString()!));
        Assert.Equal("gap", results[0].GetProperty("status").GetString());
        Assert.Empty(results[0].GetProperty("agencies").EnumerateArray());
        Assert.Contains(results[0].GetProperty("explanation").EnumerateArray(), e => e.GetString()!.StartsWith("Gap:"));
        Assert.Equal("ja-hh", results[1].GetProperty("agencies")[0].GetProperty("agencyId").GetString());
    }

    [Fact]
    public async Task MostSpecificCoverageWinsAndLessSpecificBecomesFallback()
    {
        var result = await ResultAsync("regionKey=09162000&at=2026-11-30T10:00", "consultation");
        Assert.Equal(["ja-muc"], result.GetProperty("agencies").EnumerateArray().Select(a => a.GetProperty("agencyId").GetString()!));
        var fallback = Assert.Single(result.GetProperty("fallbacks").EnumerateArray());
        Assert.Equal(("fbs-by", "land", "09"),
            (fallback.GetProperty("agencyId").GetString(), fallback.GetProperty("coverage").GetProperty("level").GetString(), fallback.GetProperty("coverage").GetProperty("regionKey").GetString()));
    }

    [Fact]
    public async Task CustomRegionCoverageMatchesThroughItsKeys()
    {
        var result = await ResultAsync("regionKey=09184", "criminal_investigation");
        var coverage = result.GetProperty("agencies")[0].GetProperty("coverage");
        Assert.Equal("09184", coverage.GetProperty("regionKey").GetString());
        Assert.Contains("pp-test", coverage.GetProperty("via").GetString());
    }

    [Theory]
    [InlineData("age=30", "gap")]
    [InlineData("age=12", "covered")]
    [InlineData("exploitationForm=forced_marriage", "covered")]
    public async Task TargetGroupFiltersApply(string filter, string status)
    {
        var result = await ResultAsync($"regionKey=09162&{filter}", "taking_into_care");
        Assert.Equal(status, result.GetProperty("status").GetString());
        Assert.Contains(result.GetProperty("explanation").EnumerateArray(), e => e.GetString()!.StartsWith("Filters:"));
        if (status == "gap")
        {
            Assert.Contains(result.GetProperty("explanation").EnumerateArray(), e => e.GetString()!.Contains("excluded by the filters"));
        }
    }

    [Theory]
    [InlineData("unaccompanied=true", "covered")]
    [InlineData("unaccompanied=false", "gap")]
    [InlineData("age=16", "covered")]
    public async Task ServicesOnlyForUnaccompaniedMinorsAreSkippedForAccompaniedOnes(string filter, string status) =>
        Assert.Equal(status, (await ResultAsync($"regionKey=09162&{filter}", "age_assessment")).GetProperty("status").GetString());

    [Fact]
    public async Task DefaultResponsibilitiesAreTheAcuteSet()
    {
        var body = await HttpAssert.OkAsync(await _client.GetAsync("/v1/lookup?regionKey=09162"));
        Assert.Equal(
            ["emergency_intervention", "taking_into_care", "medical_examination", "criminal_investigation"],
            body.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("responsibility").GetString()!));
        Assert.True(body.GetProperty("containsSample").GetBoolean());
        Assert.Equal(["110", "112"], body.GetProperty("emergencyNumbers").EnumerateArray().Select(n => n.GetProperty("number").GetString()!));
    }

    [Fact]
    public async Task PlaceNameWithSeveralMatchesListsCandidatesAndSaysWhenTheAnswerDepends()
    {
        var body = await HttpAssert.OkAsync(await _client.GetAsync("/v1/lookup?q=m%C3%BCnchen&responsibility=taking_into_care,medical_examination"));
        var location = body.GetProperty("location");
        Assert.True(location.GetProperty("ambiguous").GetBoolean());
        Assert.Equal(["09162000", "09162", "09184"], location.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("regionKey").GetString()!));
        var results = body.GetProperty("results").EnumerateArray().ToList();
        Assert.True(results[0].GetProperty("variesByCandidate").GetBoolean());   // ja-muc vs ja-lkm
        Assert.False(results[1].GetProperty("variesByCandidate").GetBoolean());  // the nationwide hotline everywhere
    }

    [Fact]
    public async Task UnknownRegionKeyAnswersForItsEnclosingRegionsAndSaysSo()
    {
        var body = await HttpAssert.OkAsync(await _client.GetAsync("/v1/lookup?regionKey=09162999&responsibility=taking_into_care"));
        Assert.Equal("09162", body.GetProperty("location").GetProperty("regions")[0].GetProperty("key").GetString());
        Assert.Contains("09162999", body.GetProperty("location").GetProperty("notes")[0].GetString());
    }

    [Theory]
    [InlineData("2026-03-29T02:30", "2026-03-29T03:00:00+02:00", "does not exist")]
    [InlineData("2026-10-25T02:30", "2026-10-25T02:30:00+02:00", "happens twice")]
    [InlineData("2026-10-25T02:30+01:00", "2026-10-25T02:30:00+01:00", null)]
    public async Task LocalTimesAroundDaylightSavingAreResolvedAndExplained(string at, string expected, string? note)
    {
        var body = await HttpAssert.OkAsync(await _client.GetAsync($"/v1/lookup?regionKey=09162&at={Uri.EscapeDataString(at)}"));
        Assert.Equal(expected, body.GetProperty("at").GetString());
        var notes = body.GetProperty("location").GetProperty("notes").EnumerateArray().Select(n => n.GetString()!).ToList();
        if (note is null) Assert.Empty(notes); else Assert.Contains(notes, n => n.Contains(note));
    }

    [Theory]
    [InlineData("/v1/lookup", "location")]
    [InlineData("/v1/lookup?regionKey=09&postalCode=80331", "location")]
    [InlineData("/v1/lookup?lat=48.1", "lon")]
    [InlineData("/v1/lookup?lat=91&lon=11", "lat")]
    [InlineData("/v1/lookup?lat=48&lon=200", "lon")]
    [InlineData("/v1/lookup?lat=north&lon=11", "lat")]
    [InlineData("/v1/lookup?postalCode=8033", "postalCode")]
    [InlineData("/v1/lookup?regionKey=0916", "regionKey")]
    [InlineData("/v1/lookup?q=M", "q")]
    [InlineData("/v1/lookup?regionKey=09&responsibility=taking_into_care,flying", "responsibility")]
    [InlineData("/v1/lookup?regionKey=09&exploitationForm=x", "exploitationForm")]
    [InlineData("/v1/lookup?regionKey=09&age=121", "age")]
    [InlineData("/v1/lookup?regionKey=09&unaccompanied=maybe", "unaccompanied")]
    [InlineData("/v1/lookup?regionKey=09&language=!!", "language")]
    [InlineData("/v1/lookup?regionKey=09&at=tomorrow", "at")]
    public async Task BadInputIsAProblemNamingTheParameter(string url, string field) =>
        await HttpAssert.InvalidAsync(await _client.GetAsync(url), field);

    [Theory]
    [InlineData("/v1/lookup?lat=48.137&lon=11.575", "boundaries import")]
    [InlineData("/v1/lookup?postalCode=80331", "postalcodes import")]
    public async Task WithoutImportedGeographyTheLookupSaysHowToImport(string url, string hint)
    {
        var problem = await HttpAssert.ProblemAsync(await _client.GetAsync(url), 503);
        Assert.Contains(hint, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task UnknownPlaceNameIsNotFound() =>
        await HttpAssert.ProblemAsync(await _client.GetAsync("/v1/lookup?q=Atlantis"), 404);
}
