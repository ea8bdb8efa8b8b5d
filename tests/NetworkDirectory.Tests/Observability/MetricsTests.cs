using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using NetworkDirectory.Api.Auth;
using NetworkDirectory.Api.Geography;
using NetworkDirectory.Api.Lookup;
using NetworkDirectory.Tests.Audit;
using static NetworkDirectory.Tests.Geography.Squares;

namespace NetworkDirectory.Tests.Observability;

/// <summary>What the meters record for lookups, the snapshot and conflicting writes.</summary>
public sealed class MetricsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Answers = "networkdirectory.lookup.answers";
    private const string Preconditions = "networkdirectory.writes.precondition_problems";

    private readonly HttpClient _client = factory.CreateSeededClient();

    [Fact]
    public async Task EachResponsibilityAnswerIsCountedByItsOutcomeCachedOrNot()
    {
        using var measurements = new HostMeasurements(factory.Services);

        await HttpAssert.OkAsync(await _client.GetAsync("/v1/lookup?regionKey=09162000&responsibility=taking_into_care"));
        await HttpAssert.OkAsync(await _client.GetAsync("/v1/lookup?regionKey=09162000&responsibility=taking_into_care"));
        var gap = await HttpAssert.OkAsync(await _client.GetAsync("/v1/lookup?regionKey=02000&responsibility=criminal_investigation"));

        Assert.Equal("gap", gap.GetProperty("results")[0].GetProperty("status").GetString());
        Assert.Equal(2, measurements.Sum(Answers, ("outcome", "covered"), ("responsibility", "taking_into_care")));
        Assert.Equal(1, measurements.Sum(Answers, ("outcome", "gap"), ("responsibility", "criminal_investigation")));
        Assert.Equal(3, measurements.Sum(Answers));
    }

    [Fact]
    public async Task ALookupWithoutAnAnswerCountsNoOutcome()
    {
        using var measurements = new HostMeasurements(factory.Services);

        await HttpAssert.InvalidAsync(await _client.GetAsync("/v1/lookup?regionKey=09162000&responsibility=nonsense"), "responsibility");
        await HttpAssert.ProblemAsync(await _client.GetAsync("/v1/lookup?q=Atlantis"), 404);

        Assert.Equal(0, measurements.Count(Answers));
    }

    [Fact]
    public async Task APointOutsideEveryRegionCountsAsOutsideCoverageForEachResponsibilityAsked()
    {
        using var host = new ApiFactory();
        var client = host.CreateSeededClient();
        var file = WriteTemp(Thueringen());
        try
        {
            await host.Services.GetRequiredService<BoundaryImporter>().ImportAsync(BoundaryReader.Read(file, new DateOnly(2024, 12, 31)));
        }
        finally
        {
            File.Delete(file);
        }
        using var measurements = new HostMeasurements(host.Services);

        var problem = await HttpAssert.ProblemAsync(await client.GetAsync("/v1/lookup?lat=48.0&lon=11.5&responsibility=taking_into_care,medical_examination"), 422);

        Assert.Equal("Outside coverage", problem.GetProperty("title").GetString());
        Assert.Equal(1, measurements.Sum(Answers, ("outcome", LookupMetrics.OutsideCoverage), ("responsibility", "taking_into_care")));
        Assert.Equal(1, measurements.Sum(Answers, ("outcome", LookupMetrics.OutsideCoverage), ("responsibility", "medical_examination")));
    }

    [Fact]
    public async Task TheSnapshotGaugesShowItsSizeAndTheSecondsSinceItWasPublished()
    {
        using var host = new ClockedApiFactory();
        host.CreateSeededClient();
        var snapshot = host.Services.GetRequiredService<DirectorySnapshotHolder>().Current;
        using var measurements = new HostMeasurements(host.Services);

        host.Clock.Advance(TimeSpan.FromSeconds(90));
        var gauges = measurements.Observe();

        Assert.Equal(90, gauges["networkdirectory.directory.snapshot.age"]);
        Assert.Equal(snapshot.Agencies.Count, gauges["networkdirectory.directory.snapshot.agencies"]);
        Assert.True(snapshot.Agencies.Count > 0);
        Assert.Equal(snapshot.Agencies.Values.Sum(a => a.Services.Count), gauges["networkdirectory.directory.snapshot.services"]);
    }

    [Fact]
    public async Task MissingAndStaleIfMatchAreCountedByResource()
    {
        var admin = factory.CreateClientAs(Roles.Admin);
        var created = await admin.PostAsJsonAsync("/v1/schedules", new
        {
            label = "Bürozeiten (Metriken)", windows = new[] { new { startDay = "monday", startTime = "08:00", endDay = "monday", endTime = "16:00" } },
        });
        var id = (await HttpAssert.OkAsync(created)).GetProperty("id").GetString();
        using var measurements = new HostMeasurements(factory.Services);

        await HttpAssert.ProblemAsync(await admin.SendAsync(Patch($"/v1/schedules/{id}", null)), 428);
        await HttpAssert.ProblemAsync(await admin.SendAsync(Patch($"/v1/schedules/{id}", "\"7\"")), 412);
        await HttpAssert.ProblemAsync(await admin.SendAsync(Patch($"/v1/schedules/{id}", "\"8\"")), 412);
        await HttpAssert.OkAsync(await admin.SendAsync(Patch($"/v1/schedules/{id}", "\"1\"")));

        Assert.Equal(1, measurements.Sum(Preconditions, ("resource", "schedule"), ("http.response.status_code", 428)));
        Assert.Equal(2, measurements.Sum(Preconditions, ("resource", "schedule"), ("http.response.status_code", 412)));
        Assert.Equal(3, measurements.Sum(Preconditions));
    }

    private static HttpRequestMessage Patch(string url, string? etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, url)
        {
            Content = new StringContent("{\"label\":\"Geändert\"}", System.Text.Encoding.UTF8, "application/merge-patch+json"),
        };
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        }
        return request;
    }
}
