using NetworkDirectory.Api.Schedules;

namespace NetworkDirectory.Api.Lookup;

/// <summary>Evaluates an agency's contacts for one service at an instant and picks the one to call.</summary>
internal static class ContactEvaluator
{
    private static readonly string[] Immediate = ["phone", "via_police_emergency"];

    public static AgencyAnswer Answer(DirectorySnapshot snapshot, ServiceMatch match, LookupCriteria criteria, ScheduleEvaluator schedules)
    {
        var visible = match.Agency.Contacts.Where(c => criteria.Visibilities.Contains(c.Visibility)).ToList();
        var contacts = visible
            .Where(c => c.ServiceId is null || c.ServiceId == match.Service.Id)
            .Select(c => Evaluate(snapshot, match.Agency, c, criteria.At, schedules))
            .ToList();

        // Call-now order: a staffed phone (or 110) first, then any other staffed channel. When none
        // of the service's own contacts is staffed, the agency's on-call duty (listed for another of
        // its services) is the way in: a Jugendamt's night duty takes every acute case.
        var now = BestNow(contacts);
        if (now is null)
        {
            var onCall = visible
                .Where(c => c.Kind == "on_call" && c.ServiceId is not null && c.ServiceId != match.Service.Id)
                .Select(c => Evaluate(snapshot, match.Agency, c, criteria.At, schedules))
                .Select(c => c with { Reason = c.Reason + " (the agency's on-call duty)" })
                .ToList();
            contacts.AddRange(onCall);
            now = BestNow(onCall);
        }
        var nextChange = contacts.Where(c => c.NextChange is not null).Select(c => c.NextChange).Min();
        return new AgencyAnswer(
            match.Agency.Id, match.Agency.Name, match.Agency.Kind, match.Service.Id, match.Service.Priority,
            new CoverageMatch(match.MatchedLevel, match.MatchedKey, match.Via),
            now is not null, now, nextChange, contacts, match.Agency.Sample);
    }

    private static ContactAnswer? BestNow(IEnumerable<ContactAnswer> contacts) =>
        contacts.Where(c => c.ReachableNow == true).OrderBy(c => Immediate.Contains(c.Channel) ? 0 : 1).FirstOrDefault();

    private static ContactAnswer Evaluate(DirectorySnapshot snapshot, SnapshotAgency agency, SnapshotContact contact, DateTimeOffset at, ScheduleEvaluator schedules)
    {
        if (contact.ScheduleId is null || !snapshot.Schedules.TryGetValue(contact.ScheduleId, out var schedule))
        {
            return Create(contact, null, null, "no schedule known: hours unknown");
        }
        var reachability = schedules.Evaluate(schedule, at, agency.RegionKey);
        return Create(contact, reachability.Open, reachability.NextChange, reachability.Reason);
    }

    private static ContactAnswer Create(SnapshotContact c, bool? open, DateTimeOffset? next, string reason) => new(
        c.Id, c.Kind, c.Channel, c.Value, c.Label, c.Languages, c.Visibility, open,
        next?.ToOffset(LocalInstants.Berlin.GetUtcOffset(next.Value)), reason, c.Sample);
}
