using Dapper;
using Microsoft.Extensions.DependencyInjection;
using NetworkDirectory.Api.Geography;
using NetworkDirectory.Tests.Geography;

namespace NetworkDirectory.Tests.Writes;

/// <summary>
/// The fixture network with square boundaries imported, and a Hamburg schedule and police
/// district beside Bayern's, so every region-carrying field has a value in Bayern and one outside.
/// <para>Land 09 = [10, 47.5]–[13, 50.5] with Kreise 09184 = [11.0, 47.8]–[11.4, 48.3] and
/// 09162 = [11.4, 48.0]–[11.8, 48.3]; Land 06 = [8, 49]–[10, 51] shares the border lon 10;
/// Land 02 = Kreis 02000 = [9.7, 53.4]–[10.3, 53.8]. Nothing is imported west of lon 8.</para>
/// </summary>
public static class ScopeBoundaries
{
    /// <summary>Inside Kreis 09162.</summary>
    public const string PolygonInMuenchen = """{"type":"Polygon","coordinates":[[[11.45,48.1],[11.6,48.1],[11.6,48.2],[11.45,48.2],[11.45,48.1]]]}""";

    /// <summary>Half in Bayern, half (0.5°) in Hessen.</summary>
    public const string PolygonIntoHessen = """{"type":"Polygon","coordinates":[[[9.5,49.2],[10.5,49.2],[10.5,49.6],[9.5,49.6],[9.5,49.2]]]}""";

    /// <summary>In Bayern but for 0.001° (about 110 m) across the border into Hessen: within the tolerance.</summary>
    public const string PolygonOnTheBorder = """{"type":"Polygon","coordinates":[[[9.999,49.2],[10.5,49.2],[10.5,49.6],[9.999,49.6],[9.999,49.2]]]}""";

    /// <summary>In Baden-Württemberg, where no boundary is imported.</summary>
    public const string PolygonWhereNothingIsImported = """{"type":"Polygon","coordinates":[[[7.0,47.6],[7.2,47.6],[7.2,47.8],[7.0,47.8],[7.0,47.6]]]}""";

    public static async Task ImportAsync(ApiFactory factory)
    {
        factory.CreateSeededClient();
        var path = Squares.WriteTemp(Squares.Collection(
            Squares.Feature("09", "Bayern", "Freistaat", Squares.Box(10, 47.5, 13, 50.5)),
            Squares.Feature("09184", "München", "Landkreis", Squares.Box(11.0, 47.8, 11.4, 48.3)),
            Squares.Feature("09162", "München", "Kreisfreie Stadt", Squares.Box(11.4, 48.0, 11.8, 48.3)),
            Squares.Feature("06", "Hessen", "Land", Squares.Box(8, 49, 10, 51)),
            Squares.Feature("02", "Hamburg", "Freie und Hansestadt", Squares.Box(9.7, 53.4, 10.3, 53.8)),
            Squares.Feature("02000", "Hamburg", "Kreisfreie Stadt", Squares.Box(9.7, 53.4, 10.3, 53.8))));
        try
        {
            await factory.Services.GetRequiredService<BoundaryImporter>().ImportAsync(BoundaryReader.Read(path, new DateOnly(2024, 12, 31)));
        }
        finally
        {
            File.Delete(path);
        }
        using var connection = factory.OpenDatabase();
        connection.Execute("""
            INSERT INTO custom_regions (key, name, kind, land_key, sample) VALUES ('pp-hh', 'Polizei Hamburg (Test)', 'police_district', '02', 1);
            INSERT INTO custom_region_members (custom_region_key, region_key) VALUES ('pp-hh', '02000');
            INSERT INTO schedules (id, label, always_open, closed_on_public_holidays, sample, region_key) VALUES ('sch-hh', 'Bürozeiten Hamburg', 1, 0, 1, '02');
            """);
    }
}
