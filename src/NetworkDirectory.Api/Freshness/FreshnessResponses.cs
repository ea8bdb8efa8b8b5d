namespace NetworkDirectory.Api.Freshness;

/// <summary>
/// How current a region's directory data is. Only agencies carry a verification date
/// (agencies.last_verified_on); a contact counts as verified when its agency is.
/// </summary>
/// <param name="Today">The UTC date the shares and months are measured from.</param>
/// <param name="Networks">Each network whose area overlaps the region (all its members), by name; last, with networkId null, the region's agencies in no network.</param>
/// <param name="Gaps">Kreise of the region without a service for one or more core (acute) responsibilities, by key.</param>
/// <param name="CoverageReport">The region's coverage report (gaps, ambiguous and stale coverage, agencies unreachable off hours), for a Land or Kreis; null for other levels.</param>
public sealed record FreshnessReport(
    string RegionKey, string RegionName, string Level, DateOnly Today,
    IReadOnlyList<NetworkFreshness> Networks, IReadOnlyList<CoverageGap> Gaps, string? CoverageReport);

/// <param name="NetworkId">The network, or null for "agencies not in any network".</param>
/// <param name="VerifiedWithin6Months">Share (0 to 1) of the agencies verified on or after the date 6 months before today; null without agencies.</param>
/// <param name="VerifiedWithin12Months">Share (0 to 1) of the agencies verified on or after the date 12 months before today; null without agencies.</param>
/// <param name="Stale">Agencies never verified or last verified before the date 12 months before today; never verified first, then oldest first.</param>
/// <param name="OpenReports">Reports from the field with status open about the network's agencies (see GET /v1/reports).</param>
public sealed record NetworkFreshness(
    string? NetworkId, string Name, int AgencyCount, int ContactCount,
    double? VerifiedWithin6Months, double? VerifiedWithin12Months, IReadOnlyList<StaleAgency> Stale, int OpenReports = 0);

/// <param name="MonthsSince">Whole calendar months from the last verification to today; null when never verified.</param>
public sealed record StaleAgency(string Id, string Name, DateOnly? LastVerifiedOn, int? MonthsSince);

/// <param name="MissingResponsibilities">Codes of the core responsibilities no service covers in this Kreis.</param>
public sealed record CoverageGap(string KreisKey, string KreisName, IReadOnlyList<string> MissingResponsibilities);

internal sealed record AgencyFreshness(string Id, string Name, DateOnly? LastVerifiedOn, int ContactCount);

internal static class FreshnessMath
{
    public const string NoNetworkName = "Agencies not in any network";

    public static NetworkFreshness Summarize(string? networkId, string name, IReadOnlyList<AgencyFreshness> agencies, DateOnly today)
    {
        var within6 = today.AddMonths(-6);
        var within12 = today.AddMonths(-12);
        var stale = agencies
            .Where(a => a.LastVerifiedOn is not { } date || date < within12)
            .OrderBy(a => a.LastVerifiedOn.HasValue).ThenBy(a => a.LastVerifiedOn).ThenBy(a => a.Name, StringComparer.Ordinal).ThenBy(a => a.Id, StringComparer.Ordinal)
            .Select(a => new StaleAgency(a.Id, a.Name, a.LastVerifiedOn, a.LastVerifiedOn is { } date ? MonthsBetween(date, today) : null))
            .ToList();
        return new NetworkFreshness(
            networkId, name, agencies.Count, agencies.Sum(a => a.ContactCount),
            Share(agencies, within6), Share(agencies, within12), stale);
    }

    /// <summary>Whole months: 2025-01-10 to 2026-01-09 is 11, to 2026-01-10 is 12.</summary>
    public static int MonthsBetween(DateOnly from, DateOnly to)
    {
        var months = (to.Year - from.Year) * 12 + to.Month - from.Month;
        return to.Day < from.Day ? months - 1 : months;
    }

    private static double? Share(IReadOnlyList<AgencyFreshness> agencies, DateOnly since) =>
        agencies.Count == 0 ? null : (double)agencies.Count(a => a.LastVerifiedOn >= since) / agencies.Count;
}
