using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NetworkDirectory.Api.Geography;
using Xunit.Abstractions;

namespace NetworkDirectory.Tests.Maps;

/// <summary>Bayern's 96 real Kreise (VG1000 2024) through the import path: valid RFC 7946 at every tolerance, and how large.</summary>
public sealed class BayernMapTests(ITestOutputHelper output)
{
    [SharedDataFact]
    public async Task BayernsKreiseAreValidRfc7946AtEveryTolerance()
    {
        using var factory = new SampleApiFactory();
        var client = factory.CreateSeededClient();
        await factory.Services.GetRequiredService<BoundaryImporter>().ImportAsync(BoundaryReader.Read(SharedData.Germany("vg1000-2024/kreise.geojson"), new DateOnly(2024, 12, 31)));
        foreach (var tolerance in new[] { 0, 50, 250, 1000, 5000 })
        {
            var response = await client.GetAsync($"/v1/maps/coverage?region=09&responsibility=taking_into_care&tolerance={tolerance}");
            var body = await response.Content.ReadAsByteArrayAsync();
            var map = JsonDocument.Parse(body).RootElement;
            Assert.Empty(GeoJsonValidator.Problems(map));
            var features = map.GetProperty("features").EnumerateArray().ToList();
            Assert.Equal(96, features.Count(f => f.GetProperty("geometry").ValueKind != JsonValueKind.Null));
            output.WriteLine($"bayern coverage map: tolerance {tolerance} m: {body.Length / 1024} KB");
        }
    }
}
