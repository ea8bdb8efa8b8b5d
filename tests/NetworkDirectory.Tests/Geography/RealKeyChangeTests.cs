using System.Text.Json;
using Dapper;
using NetworkDirectory.Api.Geography;

namespace NetworkDirectory.Tests.Geography;

/// <summary>Keys across Gebietsstände on the real boundaries: VG5000 2021 Gemeinden under VG1000 2024 Kreise.</summary>
[Collection(ImportedGermanyCollection.Name)]
public sealed class RealKeyChangeTests(ImportedGermany germany)
{
    private const string Mixed = "The regions come from boundaries of different Gebietsstände: ";

    private async Task<JsonElement> LocationAsync(string query) =>
        (await HttpAssert.OkAsync(await germany.Client.GetAsync($"/v1/lookup?{query}&responsibility=medical_examination"))).GetProperty("location");

    private static string[] Keys(JsonElement location, string property, string key) =>
        [.. location.GetProperty(property).EnumerateArray().Select(c => c.GetProperty(key).GetString()!)];

    private static string[] Notes(JsonElement location) => [.. location.GetProperty("notes").EnumerateArray().Select(n => n.GetString()!)];

    [SharedDataFact]
    public async Task TheImportDerivesEisenachsMergerAndAnswersTheOldKeysForTheWartburgkreis()
    {
        Assert.Equal([new RegionKeyChange("16056", "16063", "kreis", "gemeinde_keys", new DateOnly(2024, 12, 31))], germany.Gemeinden.KeyChanges);
        using (var connection = germany.Factory.OpenDatabase())
        {
            Assert.Equal(1, connection.ExecuteScalar<long>("SELECT count(*) FROM region_key_changes"));
        }

        var kreis = await LocationAsync("regionKey=16056");
        Assert.Equal(["16063", "16", "DE"], Keys(kreis, "regions", "key"));
        Assert.Equal(["Region 16056 is not in the imported boundaries of 31.12.2024: its area is part of Wartburgkreis (16063) now " +
                      "(derived from the Gemeinde keys at the boundary import); answered for 16063."], Notes(kreis));

        const string NamesOldKreis = "The key of Gemeinde 16056000 names Kreis 16056, which is not in the imported Kreis boundaries of 31.12.2024; " +
                                     "its area is part of Wartburgkreis (16063) now.";
        foreach (var query in new[] { "regionKey=16056000", "lat=50.9746&lon=10.3195" })
        {
            var gemeinde = await LocationAsync(query);
            Assert.Equal(["16056000", "16063", "16", "DE"], Keys(gemeinde, "regions", "key"));
            Assert.Equal([Mixed + "Gemeinde Eisenach (16056000) as of 01.01.2021; Kreis Wartburgkreis (16063), Land Thüringen (16) as of 31.12.2024.", NamesOldKreis],
                Notes(gemeinde));
        }
    }

    [SharedDataFact]
    public async Task NotesDescribeTheImportedBoundaries()
    {
        var muenchen = await LocationAsync("regionKey=09162000");
        Assert.Equal(["09162000", "09162", "091", "09", "DE"], Keys(muenchen, "regions", "key"));
        Assert.Equal([Mixed + "Gemeinde München (09162000) as of 01.01.2021; Kreis München (09162), Land Bayern (09) as of 31.12.2024."], Notes(muenchen));

        Assert.Equal(["Region 16099 is not in the imported Kreis boundaries of 31.12.2024; answered for its enclosing regions."],
            Notes(await LocationAsync("regionKey=16099")));
        Assert.Equal(["Region 09162999 is not in the imported Gemeinde boundaries of 01.01.2021; answered for its enclosing regions."],
            Notes(await LocationAsync("regionKey=09162999")));
    }
}
