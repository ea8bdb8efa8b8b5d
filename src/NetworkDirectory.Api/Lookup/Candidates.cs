using NetworkDirectory.Api.Schedules;

namespace NetworkDirectory.Api.Lookup;

internal static class Candidates
{
    /// <summary>Flags each responsibility whose responsible agencies differ in another candidate region.</summary>
    public static List<ResponsibilityAnswer> MarkVariation(
        DirectorySnapshot snapshot, IReadOnlyList<PlaceCandidate> candidates, LookupCriteria criteria,
        List<ResponsibilityAnswer> results, ScheduleEvaluator schedules)
    {
        var others = candidates.Skip(1).Select(c => new ResolvedPlace(PlaceResolver.ChainFor(snapshot, c.RegionKey), null)).ToList();
        return results.Select(result =>
        {
            var ids = Ids(result);
            var varies = others.Any(place => !Ids(AnswerBuilder.Answer(snapshot, place, criteria, result.Responsibility, schedules)).SetEquals(ids));
            return varies
                ? result with { VariesByCandidate = true, Explanation = [.. result.Explanation, "The responsible agencies differ between the candidate regions: choose one with regionKey."] }
                : result;
        }).ToList();
    }

    private static HashSet<string> Ids(ResponsibilityAnswer answer) => answer.Agencies.Select(a => a.AgencyId).ToHashSet();
}
