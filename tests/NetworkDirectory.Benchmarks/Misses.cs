using System.Globalization;
using System.Text.RegularExpressions;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Distance;
using NetworkDirectory.Api.Geography;

namespace NetworkDirectory.Benchmarks;

/// <summary>
/// `-- misses`: every postal-code point whose located VG1000 Kreis differs from the Kreis the table
/// names, as tab-separated rows with the distance from the point to the named Kreis, then a summary
/// (lines starting with '#') that sorts the misses into the kinds the README discusses.
/// </summary>
public static partial class Misses
{
    /// <summary>Rows whose place is a company or an office of Deutsche Post: a heuristic for large-customer codes (the table does not mark them).</summary>
    [GeneratedRegex(@"GmbH|\bAG\b|\bKG\b|Verlag|Deutsche Post|Verkaufsstelle|Institut|Supermarkt", RegexOptions.IgnoreCase)]
    private static partial Regex CompanyName();

    public static int Run(TextWriter output)
    {
        var culture = CultureInfo.InvariantCulture;
        var rows = ReferenceData.PostalCodes().Where(r => r.KreisKey is not null).ToList();
        var boundaries = ReferenceData.Decode(ReferenceData.Stored(Variant.Vg1000Kreise));
        var kreise = boundaries.ToDictionary(b => b.Key, b => b.Geometry);
        var locator = new RegionLocator(boundaries, null);
        var factory = new GeometryFactory();

        var misses = new List<(PostalCodeRow Row, string? Located, double Metres)>();
        foreach (var row in rows)
        {
            var located = locator.LocateAt("kreis", row.Latitude, row.Longitude);
            if (located != row.KreisKey)
            {
                var metres = kreise.TryGetValue(row.KreisKey!, out var named)
                    ? Metres(named, factory.CreatePoint(new Coordinate(row.Longitude, row.Latitude)))
                    : double.NaN;
                misses.Add((row, located, metres));
            }
        }

        output.WriteLine("zipcode\tplace\ttable_kreis\tlocated_kreis\tmetres_to_table_kreis\tlatitude\tlongitude");
        foreach (var (row, located, metres) in misses.OrderBy(m => m.Metres))
        {
            output.WriteLine(string.Create(culture,
                $"{row.Code}\t{row.Place}\t{row.KreisKey}\t{located ?? "-"}\t{metres:F0}\t{row.Latitude}\t{row.Longitude}"));
        }

        var companies = misses.Where(m => CompanyName().IsMatch(m.Row.Place)).ToList();
        var others = misses.Except(companies).ToList();
        var outside = others.Count(m => m.Located is null);
        var near = others.Count(m => m.Located is not null && m.Metres <= 500);
        var far = others.Count(m => m.Located is not null && m.Metres > 500);
        var allCompanies = rows.Count(r => CompanyName().IsMatch(r.Place));
        output.WriteLine(string.Create(culture, $"# {rows.Count:N0} rows with a Kreis key; {rows.Count - misses.Count:N0} located in the named Kreis ({(double)(rows.Count - misses.Count) / rows.Count:P2}); {misses.Count} misses:"));
        output.WriteLine(string.Create(culture, $"#   {companies.Count} rows named after a company or a Deutsche Post office (large-customer codes, by name; {allCompanies:N0} such rows in the table)"));
        output.WriteLine(string.Create(culture, $"#   {outside} other points outside every Kreis (open water such as the Bodensee or the coast, or just abroad)"));
        output.WriteLine(string.Create(culture, $"#   {near} other points in a neighbouring Kreis within 500 m of the named one (VG1000 is generalised to 1:1,000,000; GeoNames points are rounded)"));
        output.WriteLine(string.Create(culture, $"#   {far} other points farther inside another Kreis (the table's Kreis belongs to the code, not the place: 22113 Hamburg Horn, Billstedt, Moorfleet … → Stormarn 01062)"));
        output.WriteLine(string.Create(culture, $"# without the company-named rows: {(double)(rows.Count - allCompanies - others.Count) / (rows.Count - allCompanies):P2} of {rows.Count - allCompanies:N0}"));
        return 0;
    }

    /// <summary>Distance in metres from the point to the nearest point of the area (equirectangular; fine at these distances).</summary>
    private static double Metres(Geometry area, Point point)
    {
        var nearest = DistanceOp.NearestPoints(area, point)[0];
        var dLat = (nearest.Y - point.Y) * 111_320;
        var dLon = (nearest.X - point.X) * 111_320 * Math.Cos(point.Y * Math.PI / 180);
        return Math.Sqrt(dLat * dLat + dLon * dLon);
    }
}
