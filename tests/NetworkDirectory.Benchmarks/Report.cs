using System.Globalization;
using NetworkDirectory.Api.Geography;

namespace NetworkDirectory.Benchmarks;

/// <summary>
/// `-- report`: for each variant the index memory and the postal-code accuracy. No timing here (the
/// timing is the BenchmarkDotNet run) and no assertion: it prints what it sees.
/// <para>Memory: the boundaries are first held as WKB byte arrays (what the product reads from
/// SQLite); then, with <see cref="GC.GetTotalMemory(bool)"/> after a full collection, the heap is
/// measured before decoding, after decoding the geometries and after building the
/// <see cref="RegionLocator"/>. <see cref="GC.GetTotalAllocatedBytes(bool)"/> gives what decoding and
/// building allocated in all (garbage included).</para>
/// </summary>
public static class Report
{
    public static int Run(TextWriter output)
    {
        var culture = CultureInfo.InvariantCulture;
        var rows = ReferenceData.PostalCodes();
        var withKreis = rows.Where(r => r.KreisKey is not null).ToList();
        output.WriteLine($"Postal-code table: {rows.Count:N0} points, {withKreis.Count:N0} with a Kreis key (community_code).");
        output.WriteLine($"Runtime: .NET {Environment.Version}, {Environment.ProcessorCount} logical cores, Server GC {System.Runtime.GCSettings.IsServerGC}.");
        output.WriteLine();
        output.WriteLine("| variant | boundaries | vertices | geometries (MB) | index on top (MB) | locator retained (MB) | allocated while decoding + building (MB) | points located (any level) | Kreis accuracy |");
        output.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        foreach (var variant in Enum.GetValues<Variant>())
        {
            var stored = ReferenceData.Stored(variant);
            var before = GC.GetTotalMemory(forceFullCollection: true);
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var boundaries = ReferenceData.Decode(stored);
            var decoded = GC.GetTotalMemory(forceFullCollection: true);
            var vertices = boundaries.Sum(b => (long)b.Geometry.NumPoints);
            var locator = new RegionLocator(boundaries, ReferenceData.BoundaryDate(stored));
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            boundaries = null;
            var built = GC.GetTotalMemory(forceFullCollection: true);

            var located = rows.Count(r => locator.Locate(r.Latitude, r.Longitude).Count > 0);
            var (hits, how) = variant == Variant.Vg5000Gemeinden
                ? (withKreis.Count(p => locator.LocateAt("gemeinde", p.Latitude, p.Longitude) is { } g && g[..5] == p.KreisKey), "Gemeinde AGS[0..5] = table Kreis")
                : (withKreis.Count(p => locator.LocateAt("kreis", p.Latitude, p.Longitude) == p.KreisKey), "located Kreis = table Kreis");
            output.WriteLine(string.Create(culture,
                $"| {variant} ({string.Join("+", locator.LevelsLoaded)}) | {locator.Count:N0} | {vertices:N0} | {Mb(decoded - before)} | {Mb(built - decoded)} | {Mb(built - before)} | {Mb(allocated)} | {located:N0} of {rows.Count:N0} | {hits:N0} of {withKreis.Count:N0} = {(double)hits / withKreis.Count:P2} ({how}) |"));
            GC.KeepAlive(locator);
            GC.KeepAlive(stored);
        }
        output.WriteLine();
        output.WriteLine("geometries = heap growth from decoding the WKB; index on top = growth from building the RegionLocator (grid of boxes + IndexedPointInAreaLocator per region);");
        output.WriteLine("locator retained = both, i.e. what RegionIndex keeps alive. GC.GetTotalMemory(true) after a full collection; MB = 2^20 bytes.");
        return 0;
    }

    private static string Mb(long bytes) => (bytes / 1048576.0).ToString("F1", CultureInfo.InvariantCulture);
}
