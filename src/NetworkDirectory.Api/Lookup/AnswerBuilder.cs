using NetworkDirectory.Api.Schedules;

namespace NetworkDirectory.Api.Lookup;

/// <summary>Builds the per-responsibility answer of a lookup from the in-memory snapshot.</summary>
public static class AnswerBuilder
{
    public const int MaxFallbacks = 3;

    /// <param name="placeName">How a gap names the place; default: its most specific region, e.g. "Dresden (14612000)".</param>
    public static ResponsibilityAnswer Answer(
        DirectorySnapshot snapshot, ResolvedPlace place, LookupCriteria criteria, string responsibility, ScheduleEvaluator schedules,
        string? placeName = null)
    {
        var label = snapshot.Responsibilities[responsibility];
        var matches = ServiceMatcher.Match(snapshot, place, criteria, responsibility);
        var explanation = new List<string> { Filters(criteria) };

        // Without filters the relaxed match would be the same match again.
        var excluded = criteria is { ExploitationForm: null, Age: null, Unaccompanied: null }
            ? 0
            : ServiceMatcher.Match(snapshot, place, criteria with { ExploitationForm = null, Age = null, Unaccompanied = null }, responsibility).Count - matches.Count;
        if (excluded > 0)
        {
            explanation.Add($"{excluded} service(s) for this responsibility cover the place but were excluded by the filters.");
        }

        if (matches.Count == 0)
        {
            explanation.Add($"Gap: no agency in the directory covers {responsibility} at {placeName ?? Describe(place)}. In an emergency call the police on 110.");
            return new ResponsibilityAnswer(responsibility, label.LabelDe, label.LabelEn, "gap", [], [], false, explanation);
        }

        var top = matches[0].Specificity;
        var primary = new List<AgencyAnswer>();
        var reachableFallbacks = new List<AgencyAnswer>();
        var otherFallbacks = new List<AgencyAnswer>();
        foreach (var match in matches)
        {
            var answer = ContactEvaluator.Answer(snapshot, match, criteria, schedules);
            (match.Specificity == top ? primary : answer.ReachableNow ? reachableFallbacks : otherFallbacks).Add(answer);
        }
        // Reachable fallbacks first, each group in match order, at most MaxFallbacks.
        var fallbacks = reachableFallbacks.Count >= MaxFallbacks ? reachableFallbacks[..MaxFallbacks] : reachableFallbacks;
        fallbacks.AddRange(otherFallbacks.Take(MaxFallbacks - fallbacks.Count));

        var first = matches[0];
        explanation.Add(first.MatchedKey is null
            ? $"Coverage: {first.Agency.Name} covers a custom area that contains the point (most specific)."
            : $"Coverage: {first.Agency.Name} covers {first.MatchedLevel} {first.MatchedKey} ({Name(snapshot, first.MatchedKey)})"
              + (first.Via is null ? "" : $" through {first.Via}") + $"; priority {first.Service.Priority}.");
        if (criteria.Language is { } language && !matches.Any(m => ServiceMatcher.Offers(m.Agency, language, criteria.Visibilities)))
        {
            explanation.Add($"No responsible agency lists the language '{language}'; ask for an interpreter (responsibility interpreting).");
        }
        var firstAnswer = primary[0];
        explanation.Add(firstAnswer.Contact is { } contact
            ? $"Reachable now via {contact.Channel} {contact.Value}: {contact.Reason}."
            : $"{firstAnswer.Name} has no staffed contact at this time" + (firstAnswer.NextChange is { } next ? $" (next change {next:yyyy-MM-dd HH:mm zzz})."
                : firstAnswer.NextChangeStatus == NextChangeStatuses.NoneWithinHorizon ? " (and none within a year)." : ".")
              + (fallbacks.Any(f => f.ReachableNow) ? " See fallbacks." : " In an emergency call the police on 110."));

        return new ResponsibilityAnswer(responsibility, label.LabelDe, label.LabelEn, "covered", primary, fallbacks, false, explanation);
    }

    private static string Filters(LookupCriteria c)
    {
        var parts = new List<string>();
        if (c.ExploitationForm is not null) parts.Add($"exploitationForm={c.ExploitationForm}");
        if (c.Age is not null) parts.Add($"age={c.Age}");
        if (c.Unaccompanied is not null) parts.Add($"unaccompanied={(c.Unaccompanied.Value ? "true" : "false")}");
        if (c.Language is not null) parts.Add($"language={c.Language} (preference)");
        parts.Add($"contacts visible: {string.Join(", ", c.Visibilities)}");
        return "Filters: " + string.Join("; ", parts) + ".";
    }

    private static string Name(DirectorySnapshot snapshot, string key) =>
        snapshot.Regions.TryGetValue(key, out var region) ? region.Name : key;

    internal static string Describe(ResolvedPlace place) =>
        place.Chain.Count > 0 ? Describe(place.Chain[0]) : "this place";

    internal static string Describe(SnapshotRegion region) => $"{region.Name} ({region.Key})";
}
