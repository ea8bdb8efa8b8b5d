using Dapper;
using Microsoft.Extensions.DependencyInjection;
using NetworkDirectory.Api.Geography;
using static NetworkDirectory.Tests.Geography.Squares;

namespace NetworkDirectory.Tests.Geography;

/// <summary>Keys across Gebietsstände on the Thüringen squares: Eisenach (16056) merged into the Wartburgkreis (16063).</summary>
public sealed class KeyChangeTests : IDisposable
{
    private static readonly DateOnly Vg1000 = new(2024, 12, 31);
    private static readonly DateOnly Vg5000 = new(2021, 1, 1);

    private readonly ApiFactory _factory = new();
    private readonly HttpClient _client;
    private readonly List<string> _files = [];

    public KeyChangeTests() => _client = _factory.CreateSeededClient();

    private Task<BoundaryImportResult> ImportAsync(string geoJson, DateOnly asOf)
    {
        var path = WriteTemp(geoJson);
        _files.Add(path);
        return _factory.Services.GetRequiredService<BoundaryImporter>().ImportAsync(BoundaryReader.Read(path, asOf));
    }

    private static string OldGemeinden() => Collection(
        Feature("16056000", "Eisenach", "Stadt", Box(10, 50, 11, 51)),
        Feature("16063001", "Testgemeinde", "Gemeinde", Box(11, 50, 12, 51)));

    private async Task<(string[] Regions, string[] Notes)> LocationAsync(string query)
    {
        var body = await HttpAssert.OkAsync(await _client.GetAsync($"/v1/lookup?{query}&responsibility=medical_examination"));
        var location = body.GetProperty("location");
        return ([.. location.GetProperty("regions").EnumerateArray().Select(r => r.GetProperty("key").GetString()!)],
            [.. location.GetProperty("notes").EnumerateArray().Select(n => n.GetString()!)]);
    }

    private async Task AssertLocationAsync(string query, string[] regions, params string[] notes)
    {
        var location = await LocationAsync(query);
        Assert.Equal(regions, location.Regions);
        Assert.Equal(notes, location.Notes);
    }

    [Fact]
    public async Task AKeyThatDisappearsIsAnsweredForTheKeyThatHoldsItsAreaNow()
    {
        await ImportAsync(Thueringen(), Vg1000);
        var result = await ImportAsync(Thueringen(withEisenach: false), Vg1000);

        Assert.Equal([new RegionKeyChange("16056", "16063", "kreis", "disappeared", Vg1000)], result.KeyChanges);
        using (var connection = _factory.OpenDatabase())
        {
            Assert.Equal(("16063", "disappeared", "2024-12-31"), connection.QuerySingle<(string, string, string)>(
                "SELECT new_key, derived_from, boundary_date FROM region_key_changes WHERE old_key = '16056'"));
        }
        await AssertLocationAsync("regionKey=16056", ["16063", "16", "DE"],
            "Region 16056 is not in the imported boundaries of 31.12.2024: its area is part of Wartburgkreis (16063) now " +
            "(derived from its last boundary at the boundary import); answered for 16063.");

        // The old boundaries again: the key is current again, and answered for itself.
        Assert.Empty((await ImportAsync(Thueringen(), Vg1000)).KeyChanges);
        await AssertLocationAsync("regionKey=16056", ["16056", "16", "DE"]);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GemeindenOfAnOlderGebietsstandAreAnsweredUnderTheKreisHoldingThemNowWithNotes(bool kreiseFirst)
    {
        var first = kreiseFirst ? ImportAsync(Thueringen(withEisenach: false), Vg1000) : ImportAsync(OldGemeinden(), Vg5000);
        await first;
        var result = await (kreiseFirst ? ImportAsync(OldGemeinden(), Vg5000) : ImportAsync(Thueringen(withEisenach: false), Vg1000));

        Assert.Equal([new RegionKeyChange("16056", "16063", "kreis", "gemeinde_keys", Vg1000)], result.KeyChanges);
        const string Mixed = "The regions come from boundaries of different Gebietsstände: Gemeinde Eisenach (16056000) as of 01.01.2021; " +
                             "Kreis Wartburgkreis (16063), Land Thüringen (16) as of 31.12.2024.";
        const string NamesOldKreis = "The key of Gemeinde 16056000 names Kreis 16056, which is not in the imported Kreis boundaries of 31.12.2024; " +
                                     "its area is part of Wartburgkreis (16063) now.";
        await AssertLocationAsync("regionKey=16056000", ["16056000", "16063", "16", "DE"], Mixed, NamesOldKreis);
        await AssertLocationAsync("lat=50.5&lon=10.5", ["16056000", "16063", "16", "DE"], Mixed, NamesOldKreis);
        await AssertLocationAsync("regionKey=16063001", ["16063001", "16063", "16", "DE"],
            "The regions come from boundaries of different Gebietsstände: Gemeinde Testgemeinde (16063001) as of 01.01.2021; " +
            "Kreis Wartburgkreis (16063), Land Thüringen (16) as of 31.12.2024.");
        await AssertLocationAsync("regionKey=16056", ["16063", "16", "DE"],
            "Region 16056 is not in the imported boundaries of 31.12.2024: its area is part of Wartburgkreis (16063) now " +
            "(derived from the Gemeinde keys at the boundary import); answered for 16063.");
        var (_, unknownGemeinde) = await LocationAsync("regionKey=16056999");
        Assert.StartsWith("Region 16056999 is not in the directory, and its Kreis 16056 is not in the imported boundaries of 31.12.2024", unknownGemeinde[0]);
    }

    [Fact]
    public async Task NotesOnUnknownKeysSayWhatIsImported()
    {
        await AssertLocationAsync("regionKey=16099", ["16", "DE"],
            "Region 16099 is not in the directory, and no Kreis boundaries are imported; answered for its enclosing regions.");

        await ImportAsync(Thueringen(), Vg1000);

        await AssertLocationAsync("regionKey=16099", ["16", "DE"],
            "Region 16099 is not in the imported Kreis boundaries of 31.12.2024; answered for its enclosing regions.");
        Assert.Equal(["Region 16056999 is not in the directory, and no Gemeinde boundaries are imported; answered for its enclosing regions."],
            (await LocationAsync("regionKey=16056999")).Notes);
    }

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
        foreach (var file in _files.Where(File.Exists))
        {
            File.Delete(file);
        }
    }
}
