using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace NetworkDirectory.Tests.Changes;

/// <summary>
/// The change feed keeps a partner's mirror equal to the public directory: an empty mirror that reads
/// the feed to its end, and later on from its saved cursor, holds exactly what the public reads show.
/// </summary>
public sealed class ChangeFeedTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string RestrictedNumber = "+498999997771";
    private const string DemotedNumber = "+498999997772";

    [Fact]
    public async Task AMirrorThatAppliesTheFeedEqualsTheFullPublicRead()
    {
        factory.CreateSeededClient();
        var anonymous = factory.CreateClient();
        var admin = factory.CreateClientWithKey(await factory.CreateApiKeyAsync("admin"));
        var mirror = new Dictionary<string, JsonNode>();

        var cursor = await ApplyAsync(anonymous, mirror, null, 50, new List<string>());
        Assert.Contains("agency/ja-muc", mirror.Keys);
        await AssertMirrorAsync(anonymous, mirror);

        // Creates, updates and deletes of every public kind, through the API.
        var agency = await IdAsync(await admin.PostAsJsonAsync("/v1/agencies", new { name = "Spiegel (Test)", kind = "police", regionKey = "09162" }));
        var doomed = await IdAsync(await admin.PostAsJsonAsync("/v1/agencies", new { name = "Vergänglich (Test)", kind = "police", regionKey = "09162" }));
        var service = await IdAsync(await admin.PostAsJsonAsync("/v1/services", new { agencyId = agency, responsibility = "interpreting", coverage = new { regionKeys = new[] { "09162" } } }));
        var schedule = await IdAsync(await admin.PostAsJsonAsync("/v1/schedules", new { label = "Spiegelzeiten", holidayRegionKey = "09", alwaysOpen = true }));
        var contact = await IdAsync(await admin.PostAsJsonAsync("/v1/contacts", new { agencyId = agency, kind = "office", channel = "phone", value = DemotedNumber, visibility = "public", scheduleId = schedule }));
        await IdAsync(await admin.PostAsJsonAsync("/v1/contacts", new { agencyId = agency, kind = "on_call", channel = "phone", value = RestrictedNumber, visibility = "professional" }));
        var network = await IdAsync(await admin.PostAsJsonAsync("/v1/networks", new
        {
            name = "Spiegelnetz (Test)", scope = "regional", status = "planned", regionKeys = new[] { "09162" },
            members = new[] { new { agencyId = agency, role = "member" } },
        }));
        await Ok(await WriteAsync(admin, HttpMethod.Patch, $"/v1/agencies/{agency}", $"/v1/agencies/{agency}/data", new { name = "Spiegel umbenannt (Test)" }));
        await Ok(await WriteAsync(admin, HttpMethod.Patch, $"/v1/schedules/{schedule}", null, new { label = "Spiegelzeiten neu" }));
        await Ok(await WriteAsync(admin, HttpMethod.Patch, $"/v1/contacts/{contact}", null, new { visibility = "professional" }));
        await Ok(await WriteAsync(admin, HttpMethod.Patch, $"/v1/networks/{network}", $"/v1/networks/{network}/data", new { status = "active" }));
        await Ok(await WriteAsync(admin, HttpMethod.Delete, $"/v1/services/{service}", null, null));
        await Ok(await WriteAsync(admin, HttpMethod.Delete, $"/v1/agencies/{doomed}", $"/v1/agencies/{doomed}/data", null));
        var doomedNetwork = await IdAsync(await admin.PostAsJsonAsync("/v1/networks", new { name = "Kurzes Netz (Test)", scope = "regional", status = "planned", regionKeys = new[] { "09162" } }));
        await Ok(await WriteAsync(admin, HttpMethod.Delete, $"/v1/networks/{doomedNetwork}", $"/v1/networks/{doomedNetwork}/data", null));

        var pages = new List<string>();
        var caughtUp = await ApplyAsync(anonymous, mirror, cursor, 3, pages);
        await AssertMirrorAsync(anonymous, mirror);
        Assert.DoesNotContain($"agency/{doomed}", mirror.Keys);
        Assert.DoesNotContain($"network/{doomedNetwork}", mirror.Keys);
        Assert.Contains(pages, p => p.Contains($"\"id\":\"{doomed}\",\"operation\":\"delete\"", StringComparison.Ordinal));
        Assert.DoesNotContain(contact, mirror[$"agency/{agency}"].ToJsonString(), StringComparison.Ordinal);
        Assert.All(pages, p => Assert.DoesNotContain(RestrictedNumber, p, StringComparison.Ordinal));

        // Caught up: an empty page with the same cursor.
        var last = await HttpAssert.OkAsync(await anonymous.GetAsync($"/v1/changes?since={caughtUp}"));
        Assert.Equal(0, last.GetProperty("items").GetArrayLength());
        Assert.Equal(caughtUp, last.GetProperty("next").GetString());
        Assert.True(last.GetProperty("caughtUp").GetBoolean());
    }

    [Fact]
    public async Task SmallPagesNeitherSkipNorRepeat()
    {
        factory.CreateSeededClient();
        var anonymous = factory.CreateClient();
        var admin = factory.CreateClientWithKey(await factory.CreateApiKeyAsync("admin"));
        var start = (await ReadAllAsync(anonymous, null, 200)).Cursor;
        for (var i = 0; i < 4; i++)
        {
            var id = await IdAsync(await admin.PostAsJsonAsync("/v1/agencies", new { name = $"Seite {i} (Test)", kind = "police", regionKey = "09162" }));
            await IdAsync(await admin.PostAsJsonAsync("/v1/contacts", new { agencyId = id, kind = "office", channel = "phone", value = "+498999998555", visibility = "public" }));
        }

        var whole = await ReadAllAsync(anonymous, null, 200);
        var tail = await ReadAllAsync(anonymous, start, 200);
        for (var limit = 1; limit <= 3; limit++)
        {
            var paged = await ReadAllAsync(anonymous, null, limit);
            Assert.Equal(whole.Keys.Order(StringComparer.Ordinal), paged.Keys.Distinct().Order(StringComparer.Ordinal));
            Assert.All(paged.Pages, page => Assert.Equal(page.Count, page.Distinct().Count()));
            Assert.All(paged.Pages, page => Assert.InRange(page.Count, 0, Math.Max(limit, 2)));
            var pagedTail = await ReadAllAsync(anonymous, start, limit);
            Assert.Equal(tail.Keys.Order(StringComparer.Ordinal), pagedTail.Keys.Distinct().Order(StringComparer.Ordinal));
            Assert.Equal(tail.Cursor, pagedTail.Cursor);
        }
    }

    [Fact]
    public async Task ImportRowsCountLikeOtherWritesAndUnpublishedTypesOnlyMoveTheCursor()
    {
        factory.CreateSeededClient();
        var anonymous = factory.CreateClient();
        var start = (await ReadAllAsync(anonymous, null, 200)).Cursor;
        using (var db = factory.OpenDatabase())
        {
            // Bulk import writes action 'import' with the entity as it wrote it (no {id, version, data} wrapper).
            db.Execute(
                """
                INSERT INTO audit (occurred_at, actor, action, entity_type, entity_id, region_key, before_json, after_json)
                VALUES ('2026-11-28T12:00:00Z', 'import', 'import', 'api_key', 'k1', NULL, NULL, '{"role":"admin"}'),
                       ('2026-11-28T12:00:00Z', 'import', 'import', 'contact', 'c-x', '09162', NULL, '{"agencyId":"ja-muc","value":"+498999998555"}')
                """);
        }
        var tail = await ReadAllAsync(anonymous, start, 200);
        Assert.Equal(["agency/ja-muc"], tail.Keys);
        Assert.NotEqual(start, tail.Cursor);
    }

    [Theory]
    [InlineData("garbage!")]
    [InlineData("AQ")]
    [InlineData("BwAAAAAAAAAB")]
    [InlineData("AX__________")]
    public async Task AGarbageCursorIsRefusedNamingSince(string since)
    {
        var response = await factory.CreateClient().GetAsync($"/v1/changes?since={Uri.EscapeDataString(since)}");
        await HttpAssert.InvalidAsync(response, "since");
    }

    [Fact]
    public async Task APageNamesTheNextInItsLinkHeader()
    {
        factory.CreateSeededClient();
        var response = await factory.CreateClient().GetAsync("/v1/changes?limit=2");
        var page = await HttpAssert.OkAsync(response);
        var next = page.GetProperty("next").GetString();
        Assert.Equal($"</v1/changes?since={next}&limit=2>; rel=\"next\"", response.Headers.GetValues("Link").Single());
    }

    [Fact]
    public async Task ACursorOlderThanTheRetentionIsGone()
    {
        using var clocked = new RetentionApiFactory();
        clocked.CreateSeededClient();
        var anonymous = clocked.CreateClient();
        var admin = clocked.CreateClientWithKey(await clocked.CreateApiKeyAsync("admin"));
        var cursor = (await ReadAllAsync(anonymous, null, 200)).Cursor;
        await IdAsync(await admin.PostAsJsonAsync("/v1/agencies", new { name = "Alt (Test)", kind = "police", regionKey = "09162" }));

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/v1/changes?since={cursor}")).StatusCode);
        clocked.Clock.Advance(TimeSpan.FromDays(3));
        var gone = await HttpAssert.ProblemAsync(await anonymous.GetAsync($"/v1/changes?since={cursor}"), 410);
        Assert.Contains("without since", gone.GetProperty("detail").GetString(), StringComparison.Ordinal);
        // A full read from the start still works, and its cursor is valid.
        var fresh = await ReadAllAsync(anonymous, null, 200);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/v1/changes?since={fresh.Cursor}")).StatusCode);
    }

    private sealed class RetentionApiFactory : ApiFactory
    {
        public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Changes:RetentionDays", "2");
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        }
    }

    private sealed record Read(List<string> Keys, List<List<string>> Pages, string Cursor);

    private static async Task<Read> ReadAllAsync(HttpClient client, string? since, int limit)
    {
        var keys = new List<string>();
        var pages = new List<List<string>>();
        var cursor = since;
        for (var guard = 0; guard < 1000; guard++)
        {
            var page = await HttpAssert.OkAsync(await client.GetAsync($"/v1/changes?limit={limit}" + (cursor is null ? "" : $"&since={cursor}")));
            var entries = page.GetProperty("items").EnumerateArray()
                .Select(e => $"{e.GetProperty("entityType").GetString()}/{e.GetProperty("id").GetString()}").ToList();
            pages.Add(entries);
            keys.AddRange(entries);
            cursor = page.GetProperty("next").GetString();
            if (page.GetProperty("caughtUp").GetBoolean() && entries.Count == 0)
            {
                return new Read(keys, pages, cursor!);
            }
        }
        throw new InvalidOperationException("the feed did not end");
    }

    /// <summary>Reads the feed to its end from <paramref name="since"/>, applies every entry, returns the final cursor.</summary>
    private static async Task<string> ApplyAsync(HttpClient client, Dictionary<string, JsonNode> mirror, string? since, int limit, List<string> pages)
    {
        var cursor = since;
        for (var guard = 0; guard < 1000; guard++)
        {
            var response = await client.GetAsync($"/v1/changes?limit={limit}" + (cursor is null ? "" : $"&since={cursor}"));
            var text = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            pages.Add(text);
            var page = JsonNode.Parse(text)!;
            var items = page["items"]!.AsArray();
            foreach (var entry in items)
            {
                var key = $"{entry!["entityType"]}/{entry["id"]}";
                if ((string?)entry["operation"] == "delete")
                {
                    mirror.Remove(key);
                }
                else
                {
                    mirror[key] = (entry["agency"] ?? entry["network"])!.DeepClone();
                }
            }
            cursor = (string?)page["next"];
            if ((bool)page["caughtUp"]! && items.Count == 0)
            {
                return cursor!;
            }
        }
        throw new InvalidOperationException("the feed did not end");
    }

    /// <summary>The mirror holds exactly the agencies and networks of the public lists, as their public GETs show them.</summary>
    private static async Task AssertMirrorAsync(HttpClient client, Dictionary<string, JsonNode> mirror)
    {
        var expected = new Dictionary<string, JsonNode>();
        foreach (var (type, path) in new[] { ("agency", "/v1/agencies"), ("network", "/v1/networks") })
        {
            for (var offset = 0; ; offset += 200)
            {
                var page = await HttpAssert.OkAsync(await client.GetAsync($"{path}?limit=200&offset={offset}"));
                foreach (var item in page.GetProperty("items").EnumerateArray())
                {
                    var id = item.GetProperty("id").GetString()!;
                    expected[$"{type}/{id}"] = JsonNode.Parse(await (await client.GetAsync($"{path}/{id}")).Content.ReadAsStringAsync())!;
                }
                if (page.GetProperty("items").GetArrayLength() < 200)
                {
                    break;
                }
            }
        }
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), mirror.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, node) in expected)
        {
            Assert.True(JsonNode.DeepEquals(node, mirror[key]), $"{key}: mirror {mirror[key].ToJsonString()} but public read {node.ToJsonString()}");
        }
    }

    private static async Task<string> IdAsync(HttpResponseMessage response) =>
        (await HttpAssert.OkAsync(response)).GetProperty("id").GetString()!;

    private static async Task Ok(HttpResponseMessage response) =>
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");

    private static async Task<HttpResponseMessage> WriteAsync(HttpClient client, HttpMethod method, string path, string? dataPath, object? patch)
    {
        var current = await client.GetAsync(dataPath ?? path);
        Assert.True(current.IsSuccessStatusCode, $"GET {dataPath ?? path}: {(int)current.StatusCode}");
        var request = new HttpRequestMessage(method, path);
        if (patch is not null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(patch, ApiFactory.Json), Encoding.UTF8, "application/merge-patch+json");
        }
        request.Headers.TryAddWithoutValidation("If-Match", current.Headers.ETag!.Tag);
        return await client.SendAsync(request);
    }
}
