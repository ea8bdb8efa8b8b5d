using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using NetworkDirectory.Api.Geography;

namespace NetworkDirectory.Benchmarks;

/// <summary>
/// <see cref="RegionLocator.Locate"/> (all loaded levels, what the lookup by coordinates calls) over
/// every point of the GeoNames postal-code table. One benchmark operation as BenchmarkDotNet reports
/// it is one point: a benchmark invocation is one pass over all <see cref="Points"/> points, declared
/// with <c>OperationsPerInvoke</c>. Single-threaded, so the result is per core.
/// </summary>
[Config(typeof(LocateConfig))]
public class LocateBenchmarks
{
    /// <summary>Rows of zipcodes.de.csv (GeoNames, 2026-03-30). Another table is cycled or cut to this many points, with a warning.</summary>
    public const int Points = 23_297;

    private RegionLocator _locator = null!;
    private double[] _latitudes = [];
    private double[] _longitudes = [];

    [ParamsAllValues]
    public Variant Variant { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var rows = ReferenceData.PostalCodes();
        if (rows.Count != Points)
        {
            Console.WriteLine($"// WARNING: the postal-code table has {rows.Count} usable rows, not {Points}; one operation still locates {Points} points (cycled or cut).");
        }
        _latitudes = Enumerable.Range(0, Points).Select(i => rows[i % rows.Count].Latitude).ToArray();
        _longitudes = Enumerable.Range(0, Points).Select(i => rows[i % rows.Count].Longitude).ToArray();
        _locator = ReferenceData.Locator(Variant);
        Console.WriteLine($"// {Variant}: {_locator.Count} boundaries, levels {string.Join(", ", _locator.LevelsLoaded)}");
    }

    /// <summary>Returns the number of keys found so that the work cannot be optimised away.</summary>
    [Benchmark(OperationsPerInvoke = Points)]
    public int Locate()
    {
        var locator = _locator;
        var found = 0;
        for (var i = 0; i < Points; i++)
        {
            found += locator.Locate(_latitudes[i], _longitudes[i]).Count;
        }
        return found;
    }
}

/// <summary>
/// A short job (1 launch, 3 warm-up and 10 measured iterations of ~0.5 s) so that all three variants
/// finish in a few minutes on two cores, with the memory diagnoser (bytes allocated per located point)
/// and a locates-per-second column.
/// </summary>
public sealed class LocateConfig : ManualConfig
{
    public LocateConfig()
    {
        AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10).WithId("Short"));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(new PerSecondColumn());
    }
}

/// <summary>Operations (located points) per second on one core: 1e9 / mean ns per operation.</summary>
public sealed class PerSecondColumn : IColumn
{
    public string Id => nameof(PerSecondColumn);
    public string ColumnName => "Locates/s/core";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Statistics;
    public int PriorityInCategory => 100;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "Located points per second on one core (1e9 / Mean)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        summary[benchmarkCase]?.ResultStatistics is { Mean: > 0 } statistics
            ? (1e9 / statistics.Mean).ToString("N0", System.Globalization.CultureInfo.InvariantCulture)
            : "-";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;
}
