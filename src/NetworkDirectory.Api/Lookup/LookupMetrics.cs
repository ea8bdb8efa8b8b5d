using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace NetworkDirectory.Api.Lookup;

/// <summary>
/// The lookup's own measurements (request rate and latency per endpoint come from ASP.NET Core's
/// hosting meter): each responsibility's answer by outcome, and the age and size of the snapshot
/// lookups answer from.
/// </summary>
public sealed class LookupMetrics
{
    public const string MeterName = "NetworkDirectory.Lookup";

    /// <summary>The outcome of a lookup whose point lies outside every imported region (the 422 "Outside coverage").</summary>
    public const string OutsideCoverage = "outside_coverage";

    private readonly Counter<long> _answers;

    public LookupMetrics(IMeterFactory meters, DirectorySnapshotHolder directory, TimeProvider clock)
    {
        var meter = meters.Create(MeterName);
        _answers = meter.CreateCounter<long>("networkdirectory.lookup.answers", "{answer}",
            "Answers per requested responsibility, by outcome: covered, gap, or outside_coverage.");
        meter.CreateObservableGauge("networkdirectory.directory.snapshot.age", () => Age(directory, clock), "s",
            "Seconds since the directory snapshot was loaded or last changed by a write.");
        meter.CreateObservableGauge("networkdirectory.directory.snapshot.agencies", () => (long)directory.Current.Agencies.Count, "{agency}",
            "Agencies in the directory snapshot.");
        meter.CreateObservableGauge("networkdirectory.directory.snapshot.services", () => ServiceCount(directory.Current), "{service}",
            "Services in the directory snapshot.");
    }

    /// <param name="outcome">The answer's status (covered, gap) or <see cref="OutsideCoverage"/>.</param>
    public void Answered(string responsibility, string outcome) =>
        _answers.Add(1, new TagList { { "responsibility", responsibility }, { "outcome", outcome } });

    private static IEnumerable<Measurement<double>> Age(DirectorySnapshotHolder directory, TimeProvider clock) =>
        directory.PublishedAt is { } published ? [new((clock.GetUtcNow() - published).TotalSeconds)] : [];

    private static long ServiceCount(DirectorySnapshot snapshot)
    {
        long count = 0;
        foreach (var agency in snapshot.Agencies.Values)
        {
            count += agency.Services.Count;
        }
        return count;
    }
}
