using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NetworkDirectory.Api.Geography;
using static NetworkDirectory.Tests.Geography.Squares;

namespace NetworkDirectory.Tests.Lookup;

/// <summary>q= on the lookup: ranked candidates with their total, and a flag when the list is cut.</summary>
public sealed class PlaceNameLookupTests : IDisposable
{
    private readonly ApiFactory _factory = new();
    private readonly HttpClient _client;

    public PlaceNameLookupTests() => _client = _factory.CreateSeededClient();

    private async Task<JsonElement> LocationAsync(string q) =>
        (await HttpAssert.OkAsync(await _client.GetAsync($"/v1/lookup?q={Uri.EscapeDataString(q)}&responsibility=medical_examination"))).GetProperty("location");

    private static string[] CandidateKeys(JsonElement location) =>
        [.. location.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("regionKey").GetString()!)];

    [Fact]
    public async Task ACityWithALongerOfficialNameIsOfferedAfterTheExactMatches()
    {
        var path = WriteTemp(Collection(
            Feature("16063001", "Halle", "Gemeinde", Box(11, 50, 11.2, 50.2)),
            Feature("16063002", "Hallenberg", "Stadt", Box(11.2, 50, 11.4, 50.2)),
            Feature("16063003", "Halle (Saale)", "Stadt", Box(11.4, 50, 11.6, 50.2))));
        try
        {
            await _factory.Services.GetRequiredService<BoundaryImporter>().ImportAsync(BoundaryReader.Read(path, new DateOnly(2024, 12, 31)));
        }
        finally
        {
            File.Delete(path);
        }

        var location = await LocationAsync("halle");
        Assert.Equal(["16063001", "16063003", "16063002"], CandidateKeys(location));
        Assert.Equal(["Halle (Gemeinde)", "Halle (Saale) (Stadt)", "Hallenberg (Stadt)"],
            location.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("name").GetString()!));
        Assert.Equal(3, location.GetProperty("candidatesTotal").GetInt32());
        Assert.False(location.GetProperty("candidatesTruncated").GetBoolean());
        Assert.True(location.GetProperty("ambiguous").GetBoolean());
        Assert.Equal("3 regions match; the answer is for Halle (Gemeinde) (16063001). Ask again with regionKey to choose another.",
            location.GetProperty("notes")[0].GetString());
        Assert.Equal("16063001", location.GetProperty("regions")[0].GetProperty("key").GetString());
    }

    [Fact]
    public async Task ACutListSaysHowManyMatchInAll()
    {
        var path = WriteTemp(Collection([.. Enumerable.Range(1, 12).Select(i =>
            Feature($"16063{i:000}", $"Sankt Testdorf {i:00}", "Gemeinde", Box(11, 50 + i * 0.1, 11.1, 50.1 + i * 0.1)))]));
        try
        {
            await _factory.Services.GetRequiredService<BoundaryImporter>().ImportAsync(BoundaryReader.Read(path, new DateOnly(2024, 12, 31)));
        }
        finally
        {
            File.Delete(path);
        }

        var location = await LocationAsync("St. Testdorf");
        Assert.Equal([.. Enumerable.Range(1, 10).Select(i => $"16063{i:000}")], CandidateKeys(location));
        Assert.Equal(12, location.GetProperty("candidatesTotal").GetInt32());
        Assert.True(location.GetProperty("candidatesTruncated").GetBoolean());
        Assert.StartsWith("12 regions match, the first 10 are listed; the answer is for Sankt Testdorf 01", location.GetProperty("notes")[0].GetString());
    }

    [Theory]
    [InlineData("Muenchen", new[] { "09162000", "09162", "09184" })]
    [InlineData("mu\u0308nchen", new[] { "09162000", "09162", "09184" })]
    [InlineData("Landkreis München", new[] { "09184", "09162000", "09162" })]
    [InlineData("Hamburg", new[] { "02000", "02" })]
    public async Task NamesAreMatchedAsPeopleTypeThem(string q, string[] expected)
    {
        var location = await LocationAsync(q);
        Assert.Equal(expected, CandidateKeys(location));
        Assert.Equal(expected.Length, location.GetProperty("candidatesTotal").GetInt32());
        Assert.False(location.GetProperty("candidatesTruncated").GetBoolean());
    }

    [Fact]
    public async Task OtherLocationFormsHaveNoCandidates()
    {
        var location = (await HttpAssert.OkAsync(await _client.GetAsync("/v1/lookup?regionKey=09162"))).GetProperty("location");
        Assert.Equal(0, location.GetProperty("candidatesTotal").GetInt32());
        Assert.False(location.GetProperty("candidatesTruncated").GetBoolean());
    }

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }
}
