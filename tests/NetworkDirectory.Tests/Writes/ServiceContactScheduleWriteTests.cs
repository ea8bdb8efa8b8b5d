using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;

namespace NetworkDirectory.Tests.Writes;

public sealed class ServiceContactScheduleWriteTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _anonymous = factory.CreateSeededClient();
    private readonly HttpClient _bayern = factory.CreateClientAs("coordinator", "09");
    private readonly HttpClient _professional = factory.CreateClientAs("professional");

    private static async Task<JsonElement> CreatedAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task ANewServiceAndOnCallNumberShowInTheNextLookup()
    {
        var schedule = await CreatedAsync(await _bayern.PostAsJsonAsync("/v1/schedules", new
        {
            label = "Rufbereitschaft Test", holidayRegionKey = "09", openOnPublicHolidays = true,
            windows = new[] { new { startDay = "monday", startTime = "00:00", endDay = "monday", endTime = "00:00" } },
        }));
        var service = await CreatedAsync(await _bayern.PostAsJsonAsync("/v1/services", new
        {
            agencyId = "ja-lkm", responsibility = "emergency_intervention", coverage = new { regionKeys = new[] { "09184" } }, priority = 1,
        }));
        var contact = await CreatedAsync(await _bayern.PostAsJsonAsync("/v1/contacts", new
        {
            agencyId = "ja-lkm", serviceId = service.GetProperty("id").GetString(), kind = "on_call", channel = "phone",
            value = "089 99998 777", visibility = "professional", scheduleId = schedule.GetProperty("id").GetString(),
        }));
        Assert.Equal("+498999998777", contact.GetProperty("data").GetProperty("value").GetString());

        var asProfessional = await HttpAssert.OkAsync(await _professional.GetAsync("/v1/lookup?regionKey=09184&responsibility=emergency_intervention&at=2026-12-01T03:00"));
        var agency = asProfessional.GetProperty("results")[0].GetProperty("agencies")[0];
        Assert.Equal("ja-lkm", agency.GetProperty("agencyId").GetString());
        Assert.Equal("+498999998777", agency.GetProperty("contact").GetProperty("value").GetString());
        Assert.True(agency.GetProperty("reachableNow").GetBoolean());

        var body = await (await _anonymous.GetAsync("/v1/lookup?regionKey=09184&responsibility=emergency_intervention&at=2026-12-01T03:00")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("+498999998777", body);
    }

    [Theory]
    [InlineData("phone", "12345", "not a valid German or international phone number")]
    [InlineData("phone", "+49 30 12", "not a valid")]
    [InlineData("email", "nobody", "e-mail")]
    [InlineData("web_form", "http://form.example.org", "https")]
    [InlineData("via_police_emergency", "112", "'110'")]
    public async Task ContactValuesAreCheckedForTheirChannel(string channel, string value, string reason)
    {
        var response = await _bayern.PostAsJsonAsync("/v1/contacts", new { agencyId = "ja-muc", kind = "office", channel, value, visibility = "public" });
        Assert.Contains(reason, await HttpAssert.InvalidAsync(response, "value"));
    }

    [Theory]
    [InlineData("+44 20 7946 0958", "+442079460958")]
    [InlineData("040 66969 123", "+494066969123")]
    [InlineData("116 111", "116111")]
    public async Task PhoneNumbersAreStoredInE164AndShortNumbersAsTheyAre(string input, string stored)
    {
        var contact = await CreatedAsync(await _bayern.PostAsJsonAsync("/v1/contacts",
            new { agencyId = "ja-muc", kind = "hotline", channel = "phone", value = input, visibility = "public" }));
        Assert.Equal(stored, contact.GetProperty("data").GetProperty("value").GetString());
    }

    [Fact]
    public async Task NamedPersonsAreNeverPublic()
    {
        var response = await _bayern.PostAsJsonAsync("/v1/contacts",
            new { agencyId = "ja-muc", kind = "named_person", channel = "email", value = "erika@example.org", visibility = "public" });
        Assert.Contains("personal data", await HttpAssert.InvalidAsync(response, "visibility"));
    }

    [Fact]
    public async Task OverlappingWindowsAndBackwardValidityAreRejected()
    {
        var response = await _bayern.PostAsJsonAsync("/v1/schedules", new
        {
            label = "Kaputt", holidayRegionKey = "09", validFrom = "2027-01-01", validUntil = "2026-01-01",
            windows = new[]
            {
                new { startDay = "friday", startTime = "13:00", endDay = "monday", endTime = "08:00" },
                new { startDay = "sunday", startTime = "10:00", endDay = "sunday", endTime = "12:00" },
                new { startDay = "someday", startTime = "10:00", endDay = "sunday", endTime = "12:00" },
            },
        });
        var body = await HttpAssert.ProblemAsync(response, 400);
        var errors = body.GetProperty("errors");
        Assert.Contains("overlaps", errors.GetProperty("windows[1]")[0].GetString());
        Assert.Contains("monday", errors.GetProperty("windows[2]")[0].GetString());
        Assert.Contains("before validFrom", errors.GetProperty("validUntil")[0].GetString());
    }

    [Fact]
    public async Task ScheduleInUseCannotBeDeleted()
    {
        var response = await _bayern.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/v1/schedules/sch-oncall") { Headers = { { "If-Match", "*" } } });
        Assert.Contains("c-ja-muc-110", (await HttpAssert.ProblemAsync(response, 409)).GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("DE", 403)]
    [InlineData("02000", 403)]
    [InlineData("09162", 201)]
    public async Task ServiceCoverageMustLieInTheCoordinatorsScope(string key, int status)
    {
        var response = await _bayern.PostAsJsonAsync("/v1/services",
            new { agencyId = "ja-muc", responsibility = "interpreting", coverage = new { regionKeys = new[] { key } } });
        Assert.Equal(status, (int)response.StatusCode);
    }

    [Fact]
    public async Task ServiceNeedsSomeCoverageAndKnownCodes()
    {
        var response = await _bayern.PostAsJsonAsync("/v1/services",
            new { agencyId = "ja-muc", responsibility = "flying", exploitationForms = new[] { "x" }, targetGroup = new { minAge = 18, maxAge = 10 } });
        var errors = (await HttpAssert.ProblemAsync(response, 400)).GetProperty("errors");
        foreach (var field in new[] { "responsibility", "exploitationForms[0]", "targetGroup.maxAge", "coverage" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"errors names {field}: {errors}");
        }
    }

    [Fact]
    public async Task AMergePatchWithAnUnknownPropertyNamesItWithoutDotNetTypeNames()
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, "/v1/contacts/c-fbs-mail")
        {
            Content = new StringContent("""{"label": "Beratung", "colour": "red"}""", System.Text.Encoding.UTF8, "application/merge-patch+json"),
        };
        request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        var response = await _bayern.SendAsync(request);
        var problem = await HttpAssert.ProblemAsync(response, 400);
        var errors = problem.GetProperty("errors");
        Assert.Equal("colour is not a known property of this request.", errors.GetProperty("colour")[0].GetString());
        Assert.DoesNotContain("NetworkDirectory", problem.ToString());
    }

    [Fact]
    public async Task WriteShapeGetCarriesTheETagAndHonoursIfNoneMatch()
    {
        var first = await _bayern.GetAsync("/v1/services/s-ja-muc-care");
        Assert.Equal("\"1\"", first.Headers.ETag!.Tag);
        var again = new HttpRequestMessage(HttpMethod.Get, "/v1/services/s-ja-muc-care");
        again.Headers.TryAddWithoutValidation("If-None-Match", "\"1\"");
        Assert.Equal(HttpStatusCode.NotModified, (await _bayern.SendAsync(again)).StatusCode);
    }

    [Fact]
    public async Task NetworkAndInstrumentWritesAreScopedByTheNetworksArea()
    {
        var hamburg = factory.CreateClientAs("coordinator", "02");
        var forbidden = await hamburg.PostAsJsonAsync("/v1/instruments", new { networkId = "net-by", type = "guideline", title = "X", targetGroup = "both" });
        await HttpAssert.ProblemAsync(forbidden, 403);

        var created = await CreatedAsync(await _bayern.PostAsJsonAsync("/v1/instruments",
            new { networkId = "net-by", type = "round_table", title = "Runder Tisch Test", binding = false, published = false, targetGroup = "minors" }));
        var network = await HttpAssert.OkAsync(await _anonymous.GetAsync("/v1/networks/net-by"));
        Assert.Contains(network.GetProperty("instruments").EnumerateArray(), i => i.GetProperty("id").GetString() == created.GetProperty("id").GetString());
    }
}
