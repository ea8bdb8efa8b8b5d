using System.Text.Json;

namespace NetworkDirectory.Tests.Audit;

public sealed class AuditListTests(ClockedApiFactory factory) : IClassFixture<ClockedApiFactory>
{
    private readonly HttpClient _admin = AuditSeed.ClientAs(factory, "admin");

    private static long[] Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetInt64()).ToArray();

    [Theory]
    [InlineData("", new long[] { 6, 5, 4, 3, 2, 1 })]
    [InlineData("?region=09", new long[] { 6, 4, 2, 1 })]
    [InlineData("?region=09162", new long[] { 6, 2, 1 })]
    [InlineData("?region=091", new long[] { 6, 4, 2, 1 })]
    [InlineData("?region=02", new long[] { 3 })]
    [InlineData("?region=DE", new long[] { 6, 4, 3, 2, 1 })]
    [InlineData("?region=05", new long[0])]
    [InlineData("?entityType=service", new long[] { 4 })]
    [InlineData("?entityType=agency&entityId=ja-muc", new long[] { 6, 2, 1 })]
    [InlineData("?entityId=ja-hh", new long[] { 3 })]
    [InlineData("?actor=alice", new long[] { 6, 2, 1 })]
    [InlineData("?actor=carol%20(admin)", new long[] { 5, 4 })]
    [InlineData("?actor=ali", new long[0])]
    [InlineData("?from=2026-11-02T10:00:00Z&to=2026-11-04T10:00:00Z", new long[] { 3, 2 })]
    [InlineData("?from=2026-11-02T10:00:00.5Z&to=2026-11-03T10:00:00.5Z", new long[] { 3 })]
    [InlineData("?from=2026-11-05T11:00:00%2B01:00", new long[] { 6, 5 })]
    [InlineData("?to=2026-11-02T10:00:00Z", new long[] { 1 })]
    [InlineData("?region=09&actor=alice&from=2026-11-02T00:00:00Z", new long[] { 6, 2 })]
    [InlineData("?importId=imp-09-000000", new long[0])]
    public async Task FiltersSelectTheExpectedRowsNewestFirst(string query, long[] expected)
    {
        var page = await HttpAssert.OkAsync(await _admin.GetAsync("/v1/audit" + query));
        Assert.Equal(expected, Ids(page));
        Assert.Equal(expected.Length, page.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task RecordCarriesEveryField()
    {
        var page = await HttpAssert.OkAsync(await _admin.GetAsync("/v1/audit?entityType=agency&entityId=ja-muc&actor=alice&from=2026-11-02T10:00:00Z&to=2026-11-02T10:00:01Z"));
        var record = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal(2, record.GetProperty("id").GetInt64());
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 10, 0, 0, TimeSpan.Zero), record.GetProperty("occurredAt").GetDateTimeOffset());
        Assert.Equal("alice (coordinator)", record.GetProperty("actor").GetString());
        Assert.Equal("patch", record.GetProperty("action").GetString());
        Assert.Equal("agency", record.GetProperty("entityType").GetString());
        Assert.Equal("ja-muc", record.GetProperty("entityId").GetString());
        Assert.Equal("09162000", record.GetProperty("regionKey").GetString());
        Assert.Equal("Jugendamt", record.GetProperty("before").GetProperty("name").GetString());
        Assert.Equal("Jugendamt München", record.GetProperty("after").GetProperty("name").GetString());
        Assert.Equal("corr-2", record.GetProperty("correlationId").GetString());
    }

    [Fact]
    public async Task MissingBeforeAndAfterAreNull()
    {
        var page = await HttpAssert.OkAsync(await _admin.GetAsync("/v1/audit?limit=1"));
        var record = page.GetProperty("items")[0];
        Assert.Equal("verify", record.GetProperty("action").GetString());
        Assert.Equal(JsonValueKind.Null, record.GetProperty("before").ValueKind);
        Assert.Equal(JsonValueKind.Null, record.GetProperty("after").ValueKind);
    }

    [Theory]
    [InlineData(2, 0, new long[] { 6, 5 }, 2)]
    [InlineData(2, 2, new long[] { 4, 3 }, 4)]
    [InlineData(2, 4, new long[] { 2, 1 }, null)]
    [InlineData(50, 6, new long[0], null)]
    public async Task PagesInStableOrder(int limit, int offset, long[] expected, int? nextOffset)
    {
        var page = await HttpAssert.OkAsync(await _admin.GetAsync($"/v1/audit?limit={limit}&offset={offset}"));
        Assert.Equal(expected, Ids(page));
        Assert.Equal(6, page.GetProperty("total").GetInt32());
        Assert.Equal(limit, page.GetProperty("limit").GetInt32());
        Assert.Equal(offset, page.GetProperty("offset").GetInt32());
        Assert.Equal(nextOffset, page.GetProperty("nextOffset").ValueKind == JsonValueKind.Null ? null : page.GetProperty("nextOffset").GetInt32());
    }

    [Theory]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=201", "limit")]
    [InlineData("?offset=-1", "offset")]
    [InlineData("?region=9", "region")]
    [InlineData("?entityType=Agency", "entityType")]
    [InlineData("?from=yesterday", "from")]
    [InlineData("?from=2026-11-03T00:00:00Z&to=2026-11-02T00:00:00Z", "to")]
    [InlineData("?importId=09-3f2a1c", "importId")]
    [InlineData("?importId=imp-09%27%20OR%201", "importId")]
    public async Task BadFilterNamesTheParameter(string query, string field)
    {
        var message = await HttpAssert.InvalidAsync(await _admin.GetAsync("/v1/audit" + query), field);
        Assert.False(string.IsNullOrWhiteSpace(message));
    }
}
