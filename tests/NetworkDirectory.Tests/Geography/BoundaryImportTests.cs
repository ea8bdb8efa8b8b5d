using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using NetworkDirectory.Api.Geography;
using NetworkDirectory.Tests.Commands;
using static NetworkDirectory.Tests.Geography.Squares;

namespace NetworkDirectory.Tests.Geography;

public sealed class BoundaryImportTests(ApiFactory factory) : IClassFixture<ApiFactory>, IDisposable
{
    private readonly HttpClient _client = factory.CreateSeededClient();
    private readonly List<string> _files = [];

    private string Temp(string content, string extension = ".geojson")
    {
        var path = WriteTemp(content, extension);
        _files.Add(path);
        return path;
    }

    private Task<BoundaryImportResult> ImportAsync(string path) =>
        factory.Services.GetRequiredService<BoundaryImporter>().ImportAsync(BoundaryReader.Read(path, new DateOnly(2024, 12, 31)));

    [Fact]
    public async Task GeoJsonImportStoresRegionsWithParentsAndAnswersLookups()
    {
        var result = await ImportAsync(Temp(Thueringen()));

        Assert.Equal(new Dictionary<string, int> { ["land"] = 1, ["kreis"] = 2 }, result.RegionsByLevel);
        using var connection = factory.OpenDatabase();
        var eisenach = connection.QuerySingle<(string Name, string Parent, string Date, byte[] Geometry)>(
            "SELECT name, parent_key, boundary_date, geometry FROM regions WHERE key = '16056'");
        Assert.Equal(("Eisenach", "16", "2024-12-31"), (eisenach.Name, eisenach.Parent, eisenach.Date));
        var polygon = (Polygon)new WKBReader().Read(eisenach.Geometry);
        Assert.True(polygon.Shell.IsCCW, "exterior rings are counter-clockwise (RFC 7946)");
        Assert.Equal("land,kreis", connection.ExecuteScalar<string>("SELECT levels FROM boundary_imports ORDER BY id DESC LIMIT 1"));

        var lookup = await HttpAssert.OkAsync(await _client.GetAsync("/v1/lookup?lat=51.5&lon=11.5&responsibility=medical_examination"));
        Assert.Equal("16063", lookup.GetProperty("location").GetProperty("regions")[0].GetProperty("key").GetString());
        Assert.Equal("2024-12-31", lookup.GetProperty("location").GetProperty("boundaryDate").GetString());
        Assert.Contains("BKG", lookup.GetProperty("location").GetProperty("attribution")[0].GetString());
        await HttpAssert.ProblemAsync(await _client.GetAsync("/v1/lookup?lat=48.0&lon=11.5"), 422);
    }

    [Fact]
    public async Task BoundariesFromTwoSourcesCarryOneBkgNoteNamingBoth()
    {
        var kreise = Temp(Thueringen());
        var gemeinden = Temp(Collection(Feature("16063001", "Testgemeinde", "Gemeinde", Box(11, 50, 12, 51))));
        await ImportAsync(kreise);
        await ImportAsync(gemeinden);

        var lookup = await HttpAssert.OkAsync(await _client.GetAsync("/v1/lookup?lat=50.5&lon=11.5&responsibility=medical_examination"));
        var note = Assert.Single(lookup.GetProperty("location").GetProperty("attribution").EnumerateArray()).GetString()!;
        Assert.StartsWith(RegionIndex.BkgAttribution + " (Quellen: ", note);
        Assert.Contains(Path.GetFileName(kreise), note);
        Assert.Contains(Path.GetFileName(gemeinden), note);
    }

    [Fact]
    public async Task KeysThatDisappearAreReportedWithTheServicesStillCoveringThem()
    {
        await ImportAsync(Temp(Thueringen()));
        using (var connection = factory.OpenDatabase())
        {
            connection.Execute("INSERT INTO services (id, agency_id, responsibility_code) VALUES ('s-eisenach', 'ja-muc', 'interpreting')");
            connection.Execute("INSERT INTO service_coverage (service_id, region_key) VALUES ('s-eisenach', '16056')");
        }

        var result = await ImportAsync(Temp(Thueringen(withEisenach: false)));

        Assert.Equal(["16056"], result.DisappearedKeys);
        Assert.Equal(["s-eisenach → 16056"], result.OrphanedCoverage);
        using var check = factory.OpenDatabase();
        Assert.Equal(1, check.ExecuteScalar<long>("SELECT count(*) FROM regions WHERE key = '16056' AND geometry IS NULL"));
        var lookup = await HttpAssert.OkAsync(await _client.GetAsync("/v1/lookup?lat=51.5&lon=10.5&responsibility=interpreting"));
        Assert.Equal("16063", lookup.GetProperty("location").GetProperty("regions")[0].GetProperty("key").GetString());
    }

    [Fact]
    public async Task AFailingImportLeavesThePreviousBoundaries()
    {
        await ImportAsync(Temp(Thueringen()));
        var broken = new BoundarySet([new BoundaryFeature("16063", "kreis", "Neu", null, null, Box(11, 50, 12, 52)),
            new BoundaryFeature("16099999", "kreis", "Kaputt", null, null, Box(11, 50, 12, 52))], null, "broken.geojson", "VG");

        await Assert.ThrowsAnyAsync<Exception>(() => factory.Services.GetRequiredService<BoundaryImporter>().ImportAsync(broken));

        using var connection = factory.OpenDatabase();
        Assert.Equal("Wartburgkreis", connection.ExecuteScalar<string>("SELECT name FROM regions WHERE key = '16063'"));
        Assert.Equal(0, connection.ExecuteScalar<long>("SELECT count(*) FROM regions WHERE key = '16099999'"));
    }

    [Fact]
    public void WaterAreasAreSkippedPartsMergedAndInvalidRingsRepaired()
    {
        var bowTie = Geo.Factory.CreatePolygon([new(10, 50), new(11, 51), new(11, 50), new(10, 51), new(10, 50)]);
        var set = BoundaryReader.Read(Temp(Collection(
            Feature("01001", "Flensburg", "Kreisfreie Stadt", Box(9, 54, 9.5, 54.5), gf: 4),
            Feature("01001", "Flensburg", "Kreisfreie Stadt", Box(9.5, 54, 10, 54.5), gf: 4),
            Feature("01001", "Flensburg", "Kreisfreie Stadt", Box(8, 54, 8.5, 54.5), gf: 2),
            Feature("16071", "Weimarer Land", "Landkreis", bowTie),
            Feature("1", "Unbekannt", "?", Box(8, 50, 9, 51)))));

        Assert.Equal(["01001", "16071"], set.Features.Select(f => f.Key));
        var flensburg = set.Features[0].Geometry;
        Assert.Equal(0.5 * 1.0, flensburg.Area, 6);        // two land parts merged, water part left out
        Assert.True(set.Features[1].Geometry.IsValid);
        Assert.Equal(new DateOnly(2024, 12, 31), BoundaryReader.Read(Temp(Thueringen()), new DateOnly(2024, 12, 31)).BoundaryDate);
    }

    [Fact]
    public async Task ImportFromAUrlDownloadsTheZip()
    {
        var folder = Directory.CreateTempSubdirectory("nd-zip-");
        File.WriteAllText(Path.Combine(folder.FullName, "kreise.geojson"), Thueringen());
        File.WriteAllText(Path.Combine(folder.FullName, "aktualitaet.txt"), "31.12.2024");
        var zip = Temp("", ".zip");
        File.Delete(zip);
        ZipFile.CreateFromDirectory(folder.FullName, zip);
        folder.Delete(true);

        var port = FreePort();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var serving = Task.Run(async () =>
        {
            var context = await listener.GetContextAsync();
            context.Response.ContentType = "application/zip";
            await using (var file = File.OpenRead(zip))
            {
                await file.CopyToAsync(context.Response.OutputStream);
            }
            context.Response.Close();
        });

        var result = await CliRun.RunAsync("boundaries", "import", $"http://127.0.0.1:{port}/vg1000.zip", $"--Database:Path={factory.DatabasePath}");
        await serving;

        Assert.True(result.Code == 0, result.Error);
        Assert.Equal("Imported 1 land, 2 kreis from Verwaltungsgebiete, Stand 31.12.2024 (vg1000.zip).", result.OutputLines[0]);
        using var connection = factory.OpenDatabase();
        Assert.Equal("2024-12-31", connection.ExecuteScalar<string>("SELECT boundary_date FROM regions WHERE key = '16063'"));
    }

    [Fact]
    public async Task UnreachableSourceFailsTheCommandAndChangesNothing()
    {
        var result = await CliRun.RunAsync("boundaries", "import", $"http://127.0.0.1:{FreePort()}/missing.zip", $"--Database:Path={factory.DatabasePath}");
        Assert.Equal(1, result.Code);
        Assert.StartsWith("Import failed, nothing was changed: ", result.Error);
        Assert.Equal("", result.Output);
    }

    internal static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        foreach (var file in _files.Where(File.Exists))
        {
            File.Delete(file);
        }
    }
}
