using Microsoft.Extensions.DependencyInjection;
using NetworkDirectory.Api.Geography;
using static NetworkDirectory.Tests.Geography.Squares;

namespace NetworkDirectory.Tests.Geography;

public sealed class PostalCodeTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Csv = """
        country_code,zipcode,place,state,community_code,latitude,longitude
        DE,99817,"Eisenach, Stadt",Thüringen,16056,51.5,10.5
        DE,99817,Stedtfeld,Thüringen,16056,51.6,10.6
        DE,99817,Hörselberg,Thüringen,16063,51.5,11.5
        DE,99999,Nirgendwo,Thüringen,16063,bad,11.5
        DE,80331,München,Bayern,09162,48.137,11.575
        """;

    private async Task<HttpClient> ImportedAsync()
    {
        var client = factory.CreateSeededClient();
        await factory.Services.GetRequiredService<PostalCodeDirectory>().ImportAsync(new StringReader(Csv), "test.csv");
        return client;
    }

    [Fact]
    public void CsvColumnsAreFoundByNameAndBadRowsCounted()
    {
        var (rows, skipped) = PostalCodeCsv.Read(new StringReader(Csv));
        Assert.Equal(4, rows.Count);
        Assert.Equal(1, skipped);
        Assert.Equal(new PostalCodeRow("99817", "Eisenach, Stadt", 51.5, 10.5, "16056"), rows[0]);
    }

    [Fact]
    public void CsvWithoutTheNeededColumnsIsRejected() =>
        Assert.Throws<InvalidDataException>(() => PostalCodeCsv.Read(new StringReader("plz,ort\n12345,Irgendwo\n")));

    [Fact]
    public async Task CandidatesAreOrderedByShareAndTheLookupSaysWhenTheAnswerDepends()
    {
        var client = await ImportedAsync();
        var boundaries = WriteTemp(Thueringen());
        try
        {
            await factory.Services.GetRequiredService<BoundaryImporter>().ImportAsync(BoundaryReader.Read(boundaries));
        }
        finally
        {
            File.Delete(boundaries);
        }

        var candidates = factory.Services.GetRequiredService<PostalCodeDirectory>().Candidates("99817");
        Assert.Equal([("16056", 2.0 / 3), ("16063", 1.0 / 3)], candidates);

        var body = await HttpAssert.OkAsync(await client.GetAsync("/v1/lookup?postalCode=99817&responsibility=medical_examination"));
        var location = body.GetProperty("location");
        Assert.True(location.GetProperty("ambiguous").GetBoolean());
        Assert.Equal("16056", location.GetProperty("regions")[0].GetProperty("key").GetString());
        Assert.Equal(2, location.GetProperty("candidates").GetArrayLength());
        Assert.Contains(location.GetProperty("attribution").EnumerateArray(), a => a.GetString()!.Contains("GeoNames"));
        Assert.Contains(location.GetProperty("attribution").EnumerateArray(), a => a.GetString()!.Contains("BKG"));

        // Region names shown for a key or a place name come from the imported boundaries as well.
        foreach (var query in new[] { "regionKey=16056", "q=Eisenach" })
        {
            var named = await HttpAssert.OkAsync(await client.GetAsync($"/v1/lookup?{query}&responsibility=medical_examination"));
            Assert.Contains(named.GetProperty("location").GetProperty("attribution").EnumerateArray(), a => a.GetString()!.Contains("BKG"));
        }
    }

    [Fact]
    public async Task WithoutBoundariesTheTablesKreisIsUsed()
    {
        var client = await ImportedAsync();
        var body = await HttpAssert.OkAsync(await client.GetAsync("/v1/lookup?postalCode=80331&responsibility=taking_into_care"));
        Assert.Equal("09162", body.GetProperty("location").GetProperty("regions")[0].GetProperty("key").GetString());
        Assert.Equal("ja-muc", body.GetProperty("results")[0].GetProperty("agencies")[0].GetProperty("agencyId").GetString());
    }

    [Fact]
    public async Task UnknownPostalCodeIsNotFound()
    {
        var client = await ImportedAsync();
        await HttpAssert.ProblemAsync(await client.GetAsync("/v1/lookup?postalCode=01234"), 404);
    }
}
