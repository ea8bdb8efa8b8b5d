using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NetworkDirectory.Api.Geography;

namespace NetworkDirectory.Tests.Geography;

/// <summary>The README's imports: VG1000 2024 Kreise and Länder (shapefiles), then the VG5000 2021 Gemeinden; done once for the class.</summary>
public sealed class ImportedGermany : IAsyncLifetime
{
    public ApiFactory Factory { get; } = new();
    public HttpClient Client { get; private set; } = null!;
    public BoundaryImportResult Gemeinden { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Client = Factory.CreateSeededClient();
        if (SharedData.GermanyFolder is null)
        {
            return;
        }
        var importer = Factory.Services.GetRequiredService<BoundaryImporter>();
        await importer.ImportAsync(BoundaryReader.Read(SharedData.Germany("vg1000-2024/shp")));
        Gemeinden = await importer.ImportAsync(BoundaryReader.Read(SharedData.Germany("vg5000-2021/gemeinden.geojson"), new DateOnly(2021, 1, 1)));
    }

    public Task DisposeAsync()
    {
        Client.Dispose();
        Factory.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>One import for every test class that needs it (it takes most of a minute).</summary>
[CollectionDefinition(Name)]
public sealed class ImportedGermanyCollection : ICollectionFixture<ImportedGermany>
{
    public const string Name = "Imported Germany";
}

[Collection(ImportedGermanyCollection.Name)]
public sealed class RealPlaceNameTests(ImportedGermany germany)
{
    private async Task<JsonElement> LocationAsync(string query) =>
        (await HttpAssert.OkAsync(await germany.Client.GetAsync($"/v1/lookup?{query}&responsibility=medical_examination"))).GetProperty("location");

    private static string[] Keys(JsonElement location, string property, string key) =>
        [.. location.GetProperty(property).EnumerateArray().Select(c => c.GetProperty(key).GetString()!)];

    [SharedDataFact]
    public async Task HalleOffersTheVillagesCalledHalleThenHalleSaaleAndHalleWestf()
    {
        var location = await LocationAsync("q=Halle");
        Assert.Equal(["03255016", "03456008", "15002000", "15002", "05754012", "05958020", "09474133"], Keys(location, "candidates", "regionKey"));
        Assert.Equal(7, location.GetProperty("candidatesTotal").GetInt32());
        Assert.False(location.GetProperty("candidatesTruncated").GetBoolean());
    }

    [SharedDataTheory]
    [InlineData("q=Muenchen")]
    [InlineData("q=mu%CC%88nchen")]     // NFD
    [InlineData("q=M%C3%9CNCHEN")]
    public async Task MuenchenIsFoundHoweverTheUmlautIsTyped(string query) =>
        // Then Münchenbernsdorf (Thüringen), a longer name.
        Assert.Equal(["09162000", "09162", "09184", "16076049"], Keys(await LocationAsync(query), "candidates", "regionKey"));

    [SharedDataFact]
    public async Task LandkreisMuenchenIsTheLandkreisFirst() =>
        Assert.Equal(["09184", "09162000", "09162", "16076049"], Keys(await LocationAsync("q=Landkreis%20M%C3%BCnchen"), "candidates", "regionKey"));

    [SharedDataFact]
    public async Task SanktAndStFindTheSamePlaces()
    {
        var sankt = Keys(await LocationAsync("q=Sankt%20Johann"), "candidates", "regionKey");
        Assert.Equal(3, sankt.Length);
        Assert.Equal(sankt, Keys(await LocationAsync("q=St.%20Johann"), "candidates", "regionKey"));
        var all = await LocationAsync("q=St.");
        Assert.Equal(10, all.GetProperty("candidates").GetArrayLength());
        Assert.Equal(33, all.GetProperty("candidatesTotal").GetInt32());
        Assert.True(all.GetProperty("candidatesTruncated").GetBoolean());
    }
}
