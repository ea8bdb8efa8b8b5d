using System.Globalization;
using NetworkDirectory.Api.Lookup;
using NetworkDirectory.Api.Schedules;

namespace NetworkDirectory.Api.Coverage;

/// <summary>
/// Finds the coverage problems of a Land or Kreis with the lookup's own rule: every place is
/// resolved with <see cref="PlaceResolver.ChainFor"/> and matched with <see cref="ServiceMatcher.Match"/>
/// (no filters, as a lookup by regionKey without filters), so a gap here is a gap in a lookup and the
/// agencies of an ambiguity are exactly the lookup's primary agencies. Custom polygons are not tested
/// (a lookup by region key does not test them either).
/// </summary>
public static class CoverageAnalysis
{
    private static readonly IReadOnlyList<string> Frontline = ["public", "professional"];

    public static CoverageReport Analyze(DirectorySnapshot snapshot, ScheduleEvaluator schedules, SnapshotRegion region, DateTimeOffset now)
    {
        var responsibilities = snapshot.AcuteResponsibilities;
        var instants = OffHoursInstants(now);
        var criteria = new LookupCriteria(responsibilities, null, null, null, null, now, Frontline);
        var kreise = snapshot.Regions.Values
            .Where(r => r.Level == "kreis" && r.Key.StartsWith(region.Key, StringComparison.Ordinal) && !snapshot.KeyChanges.ContainsKey(r.Key))
            .OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        var gemeinden = snapshot.Regions.Values
            .Where(r => r.Level == "gemeinde" && r.Key.StartsWith(region.Key, StringComparison.Ordinal) && !snapshot.KeyChanges.ContainsKey(r.Key))
            .GroupBy(r => r.Key[..5], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.Key, StringComparer.Ordinal).ToList(), StringComparer.Ordinal);

        var findings = new List<CoverageFinding>();
        var primaries = new Dictionary<string, ServiceMatch>(StringComparer.Ordinal);
        foreach (var responsibility in responsibilities)
        {
            foreach (var kreis in kreise)
            {
                var matches = Match(snapshot, kreis, criteria, responsibility);
                var own = gemeinden.GetValueOrDefault(kreis.Key) ?? [];
                var gemeindeCovered = own.Where(g => HasOwnCoverage(snapshot, g.Key, responsibility)).ToList();
                if (matches.Count == 0)
                {
                    if (gemeindeCovered.Count == 0)
                    {
                        findings.Add(Gap(kreis, responsibility, ""));
                    }
                    else
                    {
                        // Only some Gemeinden have coverage of their own: the others are the gaps.
                        findings.AddRange(own.Where(g => !gemeindeCovered.Contains(g)).Select(g => Gap(g, responsibility, $" (other Gemeinden of {kreis.Name} are covered by Gemeinde)")));
                    }
                }
                Collect(snapshot, kreis, matches, responsibility, findings, primaries);
                foreach (var gemeinde in gemeindeCovered)
                {
                    Collect(snapshot, gemeinde, Match(snapshot, gemeinde, criteria, responsibility), responsibility, findings, primaries);
                }
            }
        }
        findings.AddRange(StaleKeys(snapshot, region.Key, responsibilities));
        foreach (var match in primaries.Values.OrderBy(m => m.Service.Responsibility, StringComparer.Ordinal).ThenBy(m => m.Agency.Name, StringComparer.Ordinal).ThenBy(m => m.Service.Id, StringComparer.Ordinal))
        {
            var unreachable = instants.Where(at => !ContactEvaluator.Answer(snapshot, match, criteria with { At = at }, schedules).ReachableNow).ToList();
            if (unreachable.Count > 0)
            {
                var home = snapshot.Regions.GetValueOrDefault(match.Agency.RegionKey);
                findings.Add(new CoverageFinding(FindingKinds.NoOffHoursContact, match.Agency.RegionKey, home?.Name ?? match.Agency.RegionKey, home?.Level ?? "unknown",
                    match.Service.Responsibility, [Agency(match)], null, unreachable,
                    $"{match.Agency.Name} is the responsible agency for {match.Service.Responsibility} but no public or professional contact is known to be staffed at " +
                    $"{unreachable.Count} of {instants.Count} off-hours instants (first {Local(unreachable[0])}): add an on-call contact with a schedule, or a 'via_police_emergency' contact."));
            }
        }

        var counts = FindingKinds.All.ToDictionary(k => k, k => findings.Count(f => f.Kind == k), StringComparer.Ordinal);
        var sample = findings.Any(f => f.Agencies.Any(a => a.Sample));
        return new CoverageReport(region.Key, region.Name, region.Level, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, LocalInstants.Berlin).DateTime), responsibilities, instants, counts, findings, sample);
    }

    /// <summary>
    /// The off-hours instants of the week after <paramref name="now"/>: every night at 03:00, every
    /// weekday evening at 20:00 and Saturday and Sunday at 12:00, Europe/Berlin (14 instants).
    /// </summary>
    public static IReadOnlyList<DateTimeOffset> OffHoursInstants(DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, LocalInstants.Berlin).DateTime);
        var untilMonday = ((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7;
        var monday = today.AddDays(untilMonday == 0 ? 7 : untilMonday);
        var list = new List<DateTimeOffset>();
        for (var day = 0; day < 7; day++)
        {
            var date = monday.AddDays(day);
            list.Add(LocalInstants.Start(date.ToDateTime(new TimeOnly(3, 0)), LocalInstants.Berlin));
            var weekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            list.Add(LocalInstants.Start(date.ToDateTime(weekend ? new TimeOnly(12, 0) : new TimeOnly(20, 0)), LocalInstants.Berlin));
        }
        return list;
    }

    private static IReadOnlyList<ServiceMatch> Match(DirectorySnapshot snapshot, SnapshotRegion place, LookupCriteria criteria, string responsibility) =>
        ServiceMatcher.Match(snapshot, new ResolvedPlace(PlaceResolver.ChainFor(snapshot, place.Key), null), criteria, responsibility);

    private static bool HasOwnCoverage(DirectorySnapshot snapshot, string key, string responsibility) =>
        snapshot.CoverageByRegion.TryGetValue(key, out var entries) && entries.Any(e => e.Service.Responsibility == responsibility);

    /// <summary>Records the primary agencies (for the off-hours check) and an ambiguity when several share the best specificity and priority.</summary>
    private static void Collect(DirectorySnapshot snapshot, SnapshotRegion place, IReadOnlyList<ServiceMatch> matches, string responsibility,
        List<CoverageFinding> findings, Dictionary<string, ServiceMatch> primaries)
    {
        if (matches.Count == 0)
        {
            return;
        }
        var top = matches[0];
        var tied = matches.TakeWhile(m => m.Specificity == top.Specificity && m.Service.Priority == top.Service.Priority).ToList();
        foreach (var m in matches.TakeWhile(m => m.Specificity == top.Specificity))
        {
            primaries.TryAdd(m.Service.Id, m);
        }
        // A Gemeinde is checked only for coverage of its own: an ambiguity inherited from its Kreis is reported once, at the Kreis.
        if (tied.Count > 1 && (place.Level != "gemeinde" || top.Specificity == ServiceMatcher.SpecificityOf("gemeinde")))
        {
            var matched = top.MatchedKey is { } key && snapshot.Regions.TryGetValue(key, out var m) ? m : null;
            var level = matched is null ? top.MatchedLevel : $"{matched.Level} {matched.Key}";
            var advice = $"a lookup lists {top.Agency.Name} first only by name: give one service a lower priority number or narrow the coverage.";
            if (matched is null || matched.Key == place.Key)
            {
                findings.Add(new CoverageFinding(FindingKinds.Ambiguous, place.Key, place.Name, place.Level, responsibility, tied.Select(Agency).ToList(), null, null,
                    $"{tied.Count} agencies cover {responsibility} in {place.Name} ({place.Key}) through {level} with the same priority {top.Service.Priority}; {advice}"));
            }
            else if (findings.All(f => f.Kind != FindingKinds.Ambiguous || f.RegionKey != matched.Key || f.Responsibility != responsibility))
            {
                // Inherited from a wider region (a Land's or the nationwide coverage): one finding at the key that holds it, not one per Kreis.
                findings.Add(new CoverageFinding(FindingKinds.Ambiguous, matched.Key, matched.Name, matched.Level, responsibility, tied.Select(Agency).ToList(), null, null,
                    $"{tied.Count} agencies cover {responsibility} through {level} ({matched.Name}) with the same priority {top.Service.Priority}, " +
                    $"and every place of the report without more specific coverage inherits it (first {place.Name}, {place.Key}); {advice}"));
            }
        }
    }

    private static CoverageFinding Gap(SnapshotRegion place, string responsibility, string note) =>
        new(FindingKinds.Gap, place.Key, place.Name, place.Level, responsibility, [], null, null,
            $"No agency covers {responsibility} in {place.Name} ({place.Key}){note}: a lookup there answers 'gap' and sends the caller to 110. " +
            "Add coverage for this key, its Kreis or its Land to the responsible agency's service.");

    /// <summary>Coverage of the responsibilities on keys the imported boundaries no longer hold, inside the region or whose successor is.</summary>
    private static IEnumerable<CoverageFinding> StaleKeys(DirectorySnapshot snapshot, string regionKey, IReadOnlyList<string> responsibilities)
    {
        foreach (var (oldKey, change) in snapshot.KeyChanges.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            if (!oldKey.StartsWith(regionKey, StringComparison.Ordinal) && !change.NewKey.StartsWith(regionKey, StringComparison.Ordinal))
            {
                continue;
            }
            if (!snapshot.CoverageByRegion.TryGetValue(oldKey, out var entries))
            {
                continue;
            }
            var name = snapshot.Regions.TryGetValue(oldKey, out var old) ? old.Name : oldKey;
            var successor = snapshot.Regions.TryGetValue(change.NewKey, out var next) ? $"{next.Name} ({next.Key})" : change.NewKey;
            foreach (var group in entries.Where(e => responsibilities.Contains(e.Service.Responsibility)).GroupBy(e => e.Service.Responsibility))
            {
                var agencies = group.Select(e => new FindingAgency(e.Service.AgencyId, snapshot.Agencies[e.Service.AgencyId].Name, e.Service.Id, e.Service.Priority,
                    snapshot.Agencies[e.Service.AgencyId].Sample)).DistinctBy(a => a.ServiceId).ToList();
                var via = group.Select(e => e.Via).OfType<string>().Distinct().ToList();
                yield return new CoverageFinding(FindingKinds.StaleKey, oldKey, name, change.Level, group.Key, agencies, change.NewKey, null,
                    $"Coverage of {group.Key} names {change.Level} {oldKey} ({name}), which the imported boundaries no longer hold" +
                    (via.Count > 0 ? $" (through {string.Join(", ", via)})" : "") +
                    $"; its area is part of {successor} now: replace the key with {change.NewKey} or the Gemeinden it stands for.");
            }
        }
    }

    private static FindingAgency Agency(ServiceMatch m) => new(m.Agency.Id, m.Agency.Name, m.Service.Id, m.Service.Priority, m.Agency.Sample);

    private static string Local(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, LocalInstants.Berlin).ToString("ddd yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
