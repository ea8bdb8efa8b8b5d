using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NetworkDirectory.Api.Lookup;

namespace NetworkDirectory.Tests.Lookup;

/// <summary>
/// A write replaces only what it changed in the lookup's snapshot. After a random sequence of writes
/// (creates, changes that move services and contacts between agencies, deletes) the snapshot and
/// every lookup answer must be exactly what reading the whole directory again gives.
/// </summary>
public sealed class SnapshotAfterWritesTests(SampleApiFactory factory) : IClassFixture<SampleApiFactory>
{
    private static readonly string[] Days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
    private static readonly string[] Phones = ["+493023125017", "+496990009123", "+494066969456", "+49221471077", "+498999998321"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task AnswersAfterRandomWritesAreThoseOfAFullReload(int seed)
    {
        factory.CreateSeededClient();
        var admin = factory.CreateClientWithKey(await factory.CreateApiKeyAsync("admin"));
        var professional = factory.CreateClientWithKey(await factory.CreateApiKeyAsync("professional"));
        var anonymous = factory.CreateClient();
        var holder = factory.Services.GetRequiredService<DirectorySnapshotHolder>();
        var random = new Random(seed);

        var succeeded = 0;
        for (var i = 0; i < 60; i++)
        {
            var response = await RandomWriteAsync(admin, holder.Current, random, $"{seed}-{i}");
            Assert.True((int)response.StatusCode < 500, $"write {i}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            succeeded += response.IsSuccessStatusCode ? 1 : 0;
        }
        Assert.True(succeeded >= 40, $"only {succeeded} of 60 random writes succeeded: the sequence tests too little");

        var incremental = Describe(holder.Current);
        var answers = await AnswersAsync(holder.Current, anonymous, professional);
        await holder.ReloadAsync();
        Assert.Equal(incremental, Describe(holder.Current));
        var reloaded = await AnswersAsync(holder.Current, anonymous, professional);
        Assert.Equal(answers.Count, reloaded.Count);
        for (var i = 0; i < answers.Count; i++)
        {
            Assert.Equal(answers[i], reloaded[i]);
        }
    }

    [Fact]
    public async Task TheNextLookupAfterAWriteShowsIt()
    {
        factory.CreateSeededClient();
        var admin = factory.CreateClientWithKey(await factory.CreateApiKeyAsync("admin"));
        var other = factory.CreateClient();
        var created = await admin.PostAsJsonAsync("/v1/agencies", new { name = "Sofort sichtbar (Test)", kind = "police", regionKey = "09162" });
        var agencyId = (await HttpAssert.OkAsync(created)).GetProperty("id").GetString();
        var service = await admin.PostAsJsonAsync("/v1/services", new
        {
            agencyId, responsibility = "criminal_investigation", coverage = new { regionKeys = new[] { "09162" } }, priority = 0,
        });
        Assert.Equal(HttpStatusCode.Created, service.StatusCode);

        var lookup = await HttpAssert.OkAsync(await other.GetAsync("/v1/lookup?regionKey=09162&responsibility=criminal_investigation&at=2026-12-01T10:00"));
        Assert.Equal(agencyId, lookup.GetProperty("results")[0].GetProperty("agencies")[0].GetProperty("agencyId").GetString());

        var data = await HttpAssert.OkAsync(await admin.GetAsync($"/v1/agencies/{agencyId}/data"));
        var delete = new HttpRequestMessage(HttpMethod.Delete, $"/v1/agencies/{agencyId}");
        delete.Headers.TryAddWithoutValidation("If-Match", $"\"{data.GetProperty("version").GetInt32()}\"");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.SendAsync(delete)).StatusCode);
        var after = await other.GetStringAsync("/v1/lookup?regionKey=09162&responsibility=criminal_investigation&at=2026-12-01T10:00");
        Assert.DoesNotContain(agencyId!, after);
    }

    [Fact]
    public async Task ConcurrentWritesNeverPublishASnapshotWithoutAnAcknowledgedOne()
    {
        factory.CreateSeededClient();
        var admin = factory.CreateClientWithKey(await factory.CreateApiKeyAsync("admin"));
        var holder = factory.Services.GetRequiredService<DirectorySnapshotHolder>();
        var agencyId = holder.Current.Agencies.Keys.Order(StringComparer.Ordinal).First();
        var acknowledged = new System.Collections.Concurrent.ConcurrentDictionary<string, bool>();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < 8; i++)
            {
                var response = await admin.PostAsJsonAsync("/v1/contacts", new
                {
                    agencyId, kind = "office", channel = "phone", value = Phones[i % Phones.Length], visibility = "public", label = $"w{writer}-{i}",
                });
                var id = (await HttpAssert.OkAsync(response)).GetProperty("id").GetString()!;
                acknowledged[id] = true;
                var before = acknowledged.Keys.ToArray();
                var contacts = holder.Current.Agencies[agencyId].Contacts.Select(c => c.Id).ToHashSet();
                Assert.All(before, ack => Assert.Contains(ack, contacts));
            }
        })));

        var final = holder.Current.Agencies[agencyId].Contacts.Select(c => c.Id).ToHashSet();
        Assert.Equal(64, acknowledged.Count);
        Assert.All(acknowledged.Keys, id => Assert.Contains(id, final));
    }

    private static async Task<HttpResponseMessage> RandomWriteAsync(HttpClient admin, DirectorySnapshot snapshot, Random random, string tag)
    {
        var agencies = snapshot.Agencies.Keys.Order(StringComparer.Ordinal).ToArray();
        var services = snapshot.CoverageByRegion.Values.SelectMany(l => l)
            .Select(e => e.Service.Id).Distinct().Order(StringComparer.Ordinal).ToArray();
        var contacts = snapshot.Agencies.Values.SelectMany(a => a.Contacts).Select(c => c.Id).Order(StringComparer.Ordinal).ToArray();
        var schedules = snapshot.Schedules.Keys.Order(StringComparer.Ordinal).ToArray();
        var keys = snapshot.Regions.Values.Where(r => r.Level is "land" or "kreis").Select(r => r.Key).Order(StringComparer.Ordinal).ToArray();
        var responsibilities = snapshot.Responsibilities.Keys.Order(StringComparer.Ordinal).ToArray();
        T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

        switch (random.Next(9))
        {
            case 0:
                return await admin.PostAsJsonAsync("/v1/agencies", new
                {
                    name = $"Zufall {tag} (Test)", kind = Pick(new[] { "police", "youth_welfare_office", "specialised_counselling" }),
                    regionKey = Pick(keys), languages = random.Next(2) == 0 ? new[] { "de" } : new[] { "ar", "de", "uk" },
                });
            case 1:
                return await PatchAsync(admin, $"/v1/agencies/{Pick(agencies)}", $"/v1/agencies/{{0}}/data",
                    new { name = $"Umbenannt {tag} (Test)", languages = random.Next(2) == 0 ? Array.Empty<string>() : ["ro"] });
            case 2:
                return await admin.PostAsJsonAsync("/v1/services", new
                {
                    agencyId = Pick(agencies), responsibility = Pick(responsibilities),
                    coverage = new { regionKeys = new[] { Pick(keys), Pick(keys) }.Distinct().ToArray() },
                    priority = random.Next(0, 3) * 5,
                });
            case 3 when services.Length > 0:
                return await PatchAsync(admin, $"/v1/services/{Pick(services)}", null,
                    random.Next(2) == 0 ? new { agencyId = Pick(agencies) } : new { priority = random.Next(0, 3) * 5, coverage = new { regionKeys = new[] { Pick(keys) } } });
            case 4 when services.Length > 0:
                return await DeleteAsync(admin, $"/v1/services/{Pick(services)}");
            case 5:
                return await admin.PostAsJsonAsync("/v1/contacts", new
                {
                    agencyId = Pick(agencies), kind = Pick(new[] { "office", "on_call", "hotline" }), channel = "phone", value = Pick(Phones),
                    visibility = Pick(new[] { "public", "professional" }), scheduleId = random.Next(3) == 0 ? null : Pick(schedules),
                    sortOrder = random.Next(5), languages = random.Next(2) == 0 ? Array.Empty<string>() : ["tr"],
                });
            case 6 when contacts.Length > 0:
                return random.Next(3) == 0
                    ? await DeleteAsync(admin, $"/v1/contacts/{Pick(contacts)}")
                    : await PatchAsync(admin, $"/v1/contacts/{Pick(contacts)}", null,
                        random.Next(2) == 0 ? new { agencyId = Pick(agencies), serviceId = (string?)null } : new { value = Pick(Phones), visibility = "public" });
            case 7:
                var start = random.Next(7);
                var window = new { startDay = Days[start], startTime = $"{random.Next(0, 12):00}:00", endDay = Days[(start + random.Next(2)) % 7], endTime = "18:00" };
                return random.Next(2) == 0
                    ? await admin.PostAsJsonAsync("/v1/schedules", new { label = $"Zeiten {tag}", windows = new[] { window } })
                    : await PatchAsync(admin, $"/v1/schedules/{Pick(schedules)}", null, new { windows = new[] { window }, alwaysOpen = false });
            default:
                var ours = agencies.Where(id => snapshot.Agencies[id].Name.StartsWith("Zufall", StringComparison.Ordinal)).ToArray();
                return ours.Length == 0
                    ? await admin.PostAsJsonAsync("/v1/agencies", new { name = $"Zufall {tag} (Test)", kind = "police", regionKey = Pick(keys) })
                    : await DeleteAsync(admin, $"/v1/agencies/{Pick(ours)}");
        }
    }

    private static async Task<HttpResponseMessage> PatchAsync(HttpClient client, string path, string? dataPath, object patch)
    {
        var id = path[(path.LastIndexOf('/') + 1)..];
        var current = await client.GetAsync(dataPath is null ? path : dataPath.Replace("{0}", id, StringComparison.Ordinal));
        if (!current.IsSuccessStatusCode)
        {
            return current;
        }
        var request = new HttpRequestMessage(HttpMethod.Patch, path)
        {
            Content = new StringContent(JsonSerializer.Serialize(patch, ApiFactory.Json), Encoding.UTF8, "application/merge-patch+json"),
        };
        request.Headers.TryAddWithoutValidation("If-Match", current.Headers.ETag!.Tag);
        return await client.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> DeleteAsync(HttpClient client, string path)
    {
        var current = await client.GetAsync(path.StartsWith("/v1/agencies/", StringComparison.Ordinal) ? path + "/data" : path);
        if (!current.IsSuccessStatusCode)
        {
            return current;
        }
        var request = new HttpRequestMessage(HttpMethod.Delete, path);
        request.Headers.TryAddWithoutValidation("If-Match", current.Headers.ETag!.Tag);
        return await client.SendAsync(request);
    }

    /// <summary>Every answer for every region with coverage, all responsibilities, two callers, office hours and a Sunday night.</summary>
    private static async Task<List<string>> AnswersAsync(DirectorySnapshot snapshot, params HttpClient[] callers)
    {
        var all = string.Join(',', snapshot.Responsibilities.Keys.Order(StringComparer.Ordinal));
        var keys = snapshot.Regions.Values.Where(r => r.Level is "land" or "kreis" or "gemeinde").Select(r => r.Key).Order(StringComparer.Ordinal);
        var answers = new List<string>();
        foreach (var key in keys)
        {
            foreach (var at in new[] { "2026-12-01T10:00", "2026-11-29T02:00" })
            {
                foreach (var caller in callers)
                {
                    answers.Add($"{key} {at}: " + await caller.GetStringAsync($"/v1/lookup?regionKey={key}&responsibility={all}&at={at}"));
                }
            }
        }
        return answers;
    }

    /// <summary>The snapshot as text, every list in its order.</summary>
    private static string Describe(DirectorySnapshot snapshot)
    {
        var text = new StringBuilder();
        foreach (var agency in snapshot.Agencies.Values.OrderBy(a => a.Id, StringComparer.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"agency {agency with { Languages = [], Contacts = [], Services = [], Coverage = [] }} [{string.Join(',', agency.Languages)}]");
            text.AppendLine(CultureInfo.InvariantCulture, $"  services {string.Join(", ", agency.Services.Select(s => $"{s.Id}/{s.Responsibility}/{s.Priority}"))}");
            foreach (var contact in agency.Contacts)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  contact {contact with { Languages = [] }} [{string.Join(',', contact.Languages)}]");
            }
        }
        foreach (var (key, entries) in snapshot.CoverageByRegion.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"coverage {key}: {string.Join(", ", entries.Select(e => $"{e.Service.Id}/{e.Service.AgencyId}/{e.Service.Priority}/{e.Via}"))}");
        }
        text.AppendLine(CultureInfo.InvariantCulture, $"polygons: {string.Join(", ", snapshot.PolygonServices.Select(s => s.Id))}");
        foreach (var (id, schedule) in snapshot.Schedules.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"schedule {id}: {JsonSerializer.Serialize(schedule)}");
        }
        return text.ToString();
    }
}
