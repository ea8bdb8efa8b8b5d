using System.Text;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NetworkDirectory.Api.Lookup;
using NetworkDirectory.Api.Schedules;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace NetworkDirectory.Tests.Api;

/// <summary>
/// The lookup keeps per-responsibility answers as JSON for the current minute: whatever it serves
/// from there must be byte for byte what working the answer out afresh gives.
/// </summary>
public sealed class AnswerCacheTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Square = """{"type":"Polygon","coordinates":[[[11.5,48.1],[11.6,48.1],[11.6,48.2],[11.5,48.2],[11.5,48.1]]]}""";

    private static readonly string[] AllResponsibilities =
        ["emergency_intervention", "taking_into_care", "age_assessment", "medical_examination", "specialised_counselling", "criminal_investigation", "consultation", "interpreting"];

    private IOptions<HttpJsonOptions> Json => factory.Services.GetRequiredService<IOptions<HttpJsonOptions>>();

    private ScheduleEvaluator Schedules => factory.Services.GetRequiredService<ScheduleEvaluator>();

    /// <summary>The fixture network plus a service whose coverage is a polygon in München (so that the point matters).</summary>
    private DirectorySnapshot Snapshot()
    {
        factory.CreateSeededClient();
        using (var connection = factory.OpenDatabase())
        {
            connection.Execute(
                "INSERT OR IGNORE INTO services (id, agency_id, responsibility_code, all_exploitation_forms, minors_only, unaccompanied_only, priority, coverage_geojson) " +
                "VALUES ('s-poly', 'ja-lkm', 'taking_into_care', 1, 0, 0, 50, @Square)", new { Square });
        }
        var holder = factory.Services.GetRequiredService<DirectorySnapshotHolder>();
        holder.ReloadAsync().GetAwaiter().GetResult();
        Assert.Single(holder.Current.PolygonServices);
        return holder.Current;
    }

    private string Fresh(DirectorySnapshot snapshot, ResolvedPlace place, LookupCriteria criteria, string responsibility) =>
        JsonSerializer.Serialize(AnswerBuilder.Answer(snapshot, place, criteria, responsibility, Schedules), Json.Value.SerializerOptions);

    private static ResolvedPlace Place(DirectorySnapshot snapshot, string key, (double, double)? point = null) =>
        new(PlaceResolver.ChainFor(snapshot, key), point);

    private static LookupCriteria Criteria(DateTimeOffset at, string? form = null, int? age = null, bool? unaccompanied = null,
        string? language = null, params string[] visibilities) =>
        new(AllResponsibilities, form, age, unaccompanied, language, at, visibilities.Length == 0 ? ["public"] : visibilities);

    public static TheoryData<string> Instants() => new()
    {
        "2026-11-30T07:59:59+01:00", // Monday, the last second of the on-call night
        "2026-11-30T08:00:00+01:00", // the office opens
        "2026-11-30T15:59:30+01:00",
        "2026-12-04T13:00:00+01:00", // Friday, the weekend on-call starts
        "2026-12-24T10:00:00+01:00", // date exception (closed)
        "2026-04-06T10:00:00+02:00", // Ostermontag
        "2026-03-29T03:00:00+02:00", // just after the spring DST change
        "2026-10-25T02:30:00+01:00", // the second 02:30 of the autumn change
    };

    [Theory]
    [MemberData(nameof(Instants))]
    public void CachedAnswersAreTheAnswersWorkedOutAfresh(string instant)
    {
        var snapshot = Snapshot();
        var at = DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);
        var clock = new FakeTimeProvider(at);
        var cache = new AnswerCache(Json, clock);
        ResolvedPlace[] places =
        [
            Place(snapshot, "09162000"), Place(snapshot, "09162"), Place(snapshot, "09184"), Place(snapshot, "02000"),
            Place(snapshot, "09"), Place(snapshot, "DE"), Place(snapshot, "09999000"),
            Place(snapshot, "09162", (48.15, 11.55)), Place(snapshot, "09162", (48.05, 11.55)), // in and outside the polygon
        ];
        LookupCriteria[] criteria =
        [
            Criteria(at), Criteria(at, age: 20), Criteria(at, form: "labour_exploitation", unaccompanied: false),
            Criteria(at, language: "en"), Criteria(at, visibilities: ["public", "professional"]),
        ];

        // Twice: the first pass fills the cache, the second is served from it.
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var place in places)
            {
                foreach (var c in criteria)
                {
                    var answers = cache.Answers(snapshot, place, c, Schedules);
                    for (var i = 0; i < answers.Length; i++)
                    {
                        var fresh = AnswerBuilder.Answer(snapshot, place, c, c.Responsibilities[i], Schedules);
                        Assert.Equal(Fresh(snapshot, place, c, c.Responsibilities[i]), Encoding.UTF8.GetString(answers[i].ToArray()));
                        Assert.Equal(fresh.Agencies.Concat(fresh.Fallbacks).Any(a => a.Sample), answers[i].ContainsSample);
                        Assert.Equal(fresh.Agencies.Concat(fresh.Fallbacks).Select(a => a.NextChange).Min(), answers[i].NextChange);
                    }
                }
            }
        }
    }

    [Fact]
    public void AGapNamesItsOwnPlaceWhenPlacesShareTheirCoverage()
    {
        var snapshot = Snapshot();
        var at = new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.FromHours(1));
        var cache = new AnswerCache(Json, new FakeTimeProvider(at));
        var criteria = Criteria(at) with { Responsibilities = ["interpreting"] };

        var city = Encoding.UTF8.GetString(cache.Answers(snapshot, Place(snapshot, "09162000"), criteria, Schedules)[0].ToArray());
        var kreis = Encoding.UTF8.GetString(cache.Answers(snapshot, Place(snapshot, "09162"), criteria, Schedules)[0].ToArray());

        Assert.Contains("\"status\":\"gap\"", city);
        Assert.Contains("(09162000)", city);
        Assert.Contains("(09162)", kreis);
        Assert.DoesNotContain("(09162000)", kreis);
    }

    [Fact]
    public void TheNextMinuteIsWorkedOutAgain()
    {
        var snapshot = Snapshot();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 7, 59, 30, TimeSpan.FromHours(1)));
        var cache = new AnswerCache(Json, clock);
        var place = Place(snapshot, "09162");
        string Contact() => JsonDocument.Parse(cache.Answers(snapshot, place, Criteria(clock.GetUtcNow()) with { Responsibilities = ["taking_into_care"] }, Schedules)[0].ToArray())
            .RootElement.GetProperty("agencies")[0].GetProperty("contact").GetProperty("id").GetString()!;

        Assert.Equal("c-ja-muc-110", Contact());
        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal("c-ja-muc-110", Contact());
        clock.Advance(TimeSpan.FromSeconds(1)); // 08:00:00: the office opens
        Assert.Equal("c-ja-muc-office", Contact());
    }

    [Fact]
    public void AnotherMinuteThanNowIsAnsweredWithoutTheCache()
    {
        var snapshot = Snapshot();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.FromHours(1)));
        var cache = new AnswerCache(Json, clock);
        var place = Place(snapshot, "09162");
        var now = Criteria(clock.GetUtcNow()) with { Responsibilities = ["taking_into_care"] };
        var night = now with { At = new DateTimeOffset(2026, 11, 30, 23, 0, 0, TimeSpan.FromHours(1)) };

        Assert.Contains("c-ja-muc-office", Encoding.UTF8.GetString(cache.Answers(snapshot, place, now, Schedules)[0].ToArray()));
        Assert.Equal(Fresh(snapshot, place, night, "taking_into_care"), Encoding.UTF8.GetString(cache.Answers(snapshot, place, night, Schedules)[0].ToArray()));
        Assert.Contains("c-ja-muc-office", Encoding.UTF8.GetString(cache.Answers(snapshot, place, now, Schedules)[0].ToArray()));
    }

    [Fact]
    public async Task ANewSnapshotIsNotAnsweredFromTheOldOne()
    {
        var before = Snapshot();
        var at = new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.FromHours(1));
        var cache = new AnswerCache(Json, new FakeTimeProvider(at));
        var place = Place(before, "09162");
        var criteria = Criteria(at) with { Responsibilities = ["taking_into_care"] };
        Assert.Contains("+498999998101", Encoding.UTF8.GetString(cache.Answers(before, place, criteria, Schedules)[0].ToArray()));

        var holder = factory.Services.GetRequiredService<DirectorySnapshotHolder>();
        using var connection = factory.OpenDatabase();
        try
        {
            connection.Execute("UPDATE contacts SET value = '+498999998177' WHERE id = 'c-ja-muc-office'");
            await holder.ReloadAsync();
            var answer = Encoding.UTF8.GetString(cache.Answers(holder.Current, Place(holder.Current, "09162"), criteria, Schedules)[0].ToArray());
            Assert.Contains("+498999998177", answer);
            Assert.DoesNotContain("+498999998101", answer);
        }
        finally
        {
            connection.Execute("UPDATE contacts SET value = '+498999998101' WHERE id = 'c-ja-muc-office'");
            await holder.ReloadAsync();
        }
    }

    [Fact]
    public void TheResponseIsWhatSerialisingTheWholeAnswerWrites()
    {
        var snapshot = Snapshot();
        var at = new DateTimeOffset(2026, 11, 30, 22, 0, 0, TimeSpan.FromHours(1));
        var cache = new AnswerCache(Json, new FakeTimeProvider(at));
        var place = Place(snapshot, "09162000");
        var criteria = Criteria(at);
        LocationAnswer[] locations =
        [
            new("regionKey", [new RegionRef("09162000", "gemeinde", "München", "Stadt")], new DateOnly(2024, 12, 31),
                [new PlaceCandidate("09162000", "München (Stadt)", "gemeinde", 1)], 12, true, false, ["Verwaltungsgebiete: © BKG"], ["Ein Hinweis mit \"Anführungszeichen\"."]),
            new("coordinates", [.. PlaceResolver.ChainFor(snapshot, "09162000").Select(r => r.Ref)], null, [], 0, false, false, [], []),
        ];
        EmergencyNumber[] numbers = [new("110", "Polizei-Notruf", "Police emergency")];
        var answers = criteria.Responsibilities.Select(r => AnswerBuilder.Answer(snapshot, place, criteria, r, Schedules)).ToList();
        foreach (var location in locations)
        {
            var expected = JsonSerializer.Serialize(new LookupResponse(at, location, answers, numbers, true, LookupJsonResult.NextChangeHorizon(at)), Json.Value.SerializerOptions);

            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Json.Value.SerializerOptions.Encoder }))
            {
                new LookupJsonResult(at, location, cache.Answers(snapshot, place, criteria, Schedules), numbers, true, cache).Write(writer, Json.Value.SerializerOptions);
            }

            Assert.Equal(expected, Encoding.UTF8.GetString(buffer.ToArray()));
        }
    }
}
