using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NetworkDirectory.Api.Auth;
using NetworkDirectory.Api.Geography;

namespace NetworkDirectory.Tests.Geography;

/// <summary>
/// The polygon scope check on the official VG1000 boundaries: a Kreis drawn from the simplified
/// file (the same border, generalised to a tenth of its vertices) stays within its own Kreis by the
/// tolerance, and a neighbour's is refused.
/// </summary>
public sealed class RealPolygonScopeTests
{
    private static JsonElement SimplifiedKreis(string key)
    {
        using var file = JsonDocument.Parse(File.ReadAllText(SharedData.Germany("vg1000-2024/kreise.simplified.geojson")));
        return file.RootElement.GetProperty("features").EnumerateArray()
            .Single(f => f.GetProperty("properties").GetProperty("AGS").GetString() == key)
            .GetProperty("geometry").Clone();
    }

    private static object Service(string agency, string key, JsonElement polygon) => new
    {
        agencyId = agency, responsibility = "taking_into_care", coverage = new { regionKeys = new[] { key } }, coveragePolygon = polygon,
    };

    [SharedDataFact]
    public async Task AGeneralisedKreisIsWithinItselfAndANeighboursIsNot()
    {
        using var factory = new ApiFactory();
        factory.CreateSeededClient();
        var importer = factory.Services.GetRequiredService<BoundaryImporter>();
        await importer.ImportAsync(BoundaryReader.Read(SharedData.Germany("vg1000-2024/laender.geojson")));
        await importer.ImportAsync(BoundaryReader.Read(SharedData.Germany("vg1000-2024/kreise.geojson")));
        var muenchen = factory.CreateClientAs(Roles.Coordinator, "09162");
        var hamburg = factory.CreateClientAs(Roles.Coordinator, "02");

        var own = await muenchen.PostAsJsonAsync("/v1/services", Service("ja-muc", "09162", SimplifiedKreis("09162")));
        Assert.True(own.StatusCode == HttpStatusCode.Created, $"{(int)own.StatusCode} {await own.Content.ReadAsStringAsync()}");

        var neighbour = await muenchen.PostAsJsonAsync("/v1/services", Service("ja-muc", "09162", SimplifiedKreis("09184")));
        Assert.Contains("concerns 09184", (await HttpAssert.ProblemAsync(neighbour, 403)).GetProperty("detail").GetString());

        var foreign = await hamburg.PostAsJsonAsync("/v1/services", Service("ja-hh", "02000", SimplifiedKreis("09162")));
        Assert.Contains("concerns 09162", (await HttpAssert.ProblemAsync(foreign, 403)).GetProperty("detail").GetString());
    }
}
