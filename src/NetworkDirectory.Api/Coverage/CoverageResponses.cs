namespace NetworkDirectory.Api.Coverage;

/// <summary>The kinds of coverage finding; stable codes a coordinator's tooling may rely on.</summary>
public static class FindingKinds
{
    public const string Gap = "gap";
    public const string Ambiguous = "ambiguous";
    public const string StaleKey = "stale_key";
    public const string NoOffHoursContact = "no_off_hours_contact";

    public static readonly IReadOnlyList<string> All = [Gap, Ambiguous, StaleKey, NoOffHoursContact];
}

/// <summary>Where the core (acute) responsibilities of a Land or Kreis are not answered well by a lookup.</summary>
/// <param name="Today">The Europe/Berlin date the report was made on; the off-hours instants are those of the following week.</param>
/// <param name="OffHoursInstants">The instants at which agencies must be reachable for an acute responsibility (Europe/Berlin, the week after today).</param>
/// <param name="Counts">Findings per kind (every kind listed, zero included).</param>
/// <param name="ContainsSample">True when a finding names a sample agency or region of the bundled sample network.</param>
public sealed record CoverageReport(
    string RegionKey, string RegionName, string Level, DateOnly Today, IReadOnlyList<string> Responsibilities,
    IReadOnlyList<DateTimeOffset> OffHoursInstants, IReadOnlyDictionary<string, int> Counts, IReadOnlyList<CoverageFinding> Findings,
    bool ContainsSample);

/// <param name="Kind">gap, ambiguous, stale_key or no_off_hours_contact.</param>
/// <param name="RegionKey">The Gemeinde or Kreis concerned (gap, ambiguous), the key that no longer exists (stale_key), the agency's region (no_off_hours_contact).</param>
/// <param name="SuccessorKey">stale_key only: the key whose area holds the old key now, when a boundary import derived it.</param>
/// <param name="UnreachableAt">no_off_hours_contact only: the off-hours instants at which no contact is known to be staffed.</param>
/// <param name="Message">What is wrong and what to do about it, in a sentence.</param>
public sealed record CoverageFinding(
    string Kind, string RegionKey, string RegionName, string Level, string Responsibility, IReadOnlyList<FindingAgency> Agencies,
    string? SuccessorKey, IReadOnlyList<DateTimeOffset>? UnreachableAt, string Message);

/// <param name="ServiceId">The agency's service for the responsibility.</param>
/// <param name="Priority">The service's priority (lower wins among equally specific coverage).</param>
public sealed record FindingAgency(string Id, string Name, string ServiceId, int Priority, bool Sample);
