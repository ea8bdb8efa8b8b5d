using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NetworkDirectory.Api.Geography;
using Xunit.Abstractions;

namespace NetworkDirectory.Tests.Coverage;

/// <summary>
/// The bundled sample on Bayern's 96 real Kreise (VG1000 2024): the sample covers only a few of them,
/// so the report must name every other Kreis as a gap for a Kreis-level responsibility, and the map
/// must draw each of those Kreise with its real boundary, valid RFC 7946.
/// </summary>
public sealed class RealLandCoverageTests(ITestOutputHelper output)
{
    [SharedDataFact]
    public async Task OnBayernsRealKreiseEveryUncoveredKreisIsAGapAndTheMapDrawsIt()
    {
        using var factory = new SampleApiFactory();
        var admin = factory.CreateClientAs("admin");
        await factory.Services.GetRequiredService<BoundaryImporter>().ImportAsync(
            BoundaryReader.Read(SharedData.Germany("vg1000-2024/kreise.geojson"), new DateOnly(2024, 12, 31)));

        var report = await HttpAssert.OkAsync(await admin.GetAsync("/v1/regions/09/coverage-report"));
        var coverage = await HttpAssert.OkAsync(await admin.GetAsync("/v1/maps/coverage?region=09&responsibility=taking_into_care&tolerance=1000"));
        // The coverage map is the lookup's answer per Kreis: its gaps are exactly the report's Kreis gaps.
        var mapGaps = coverage.GetProperty("features").EnumerateArray()
            .Where(f => f.GetProperty("properties").GetProperty("status").GetString() == "gap").Select(f => f.GetProperty("id").GetString()).Order().ToList();
        var reportGaps = report.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("kind").GetString() == "gap" && f.GetProperty("responsibility").GetString() == "taking_into_care")
            .Select(f => f.GetProperty("regionKey").GetString()).Order().ToList();
        Assert.NotEmpty(reportGaps);
        Assert.True(reportGaps.Count < 96, "the sample covers some Bayern Kreise for taking_into_care");
        Assert.Equal(mapGaps, reportGaps);

        var response = await admin.GetAsync("/v1/regions/09/coverage-report/geojson?tolerance=1000");
        var body = await response.Content.ReadAsByteArrayAsync();
        var map = JsonDocument.Parse(body).RootElement;
        Assert.Empty(Maps.GeoJsonValidator.Problems(map));
        var drawn = map.GetProperty("features").EnumerateArray()
            .Where(f => f.GetProperty("geometry").ValueKind != JsonValueKind.Null).Select(f => f.GetProperty("id").GetString()).ToHashSet();
        Assert.All(reportGaps, key => Assert.Contains(key, drawn));
        output.WriteLine($"bayern coverage report: {report.GetProperty("findings").GetArrayLength()} findings " +
            $"({string.Join(", ", report.GetProperty("counts").EnumerateObject().Select(c => $"{c.Name} {c.Value}"))}); " +
            $"taking_into_care gaps in {reportGaps.Count} of 96 Kreise; GeoJSON at 1000 m: {body.Length / 1024} KB");
    }
}
