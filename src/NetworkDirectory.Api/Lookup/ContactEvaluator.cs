using NetworkDirectory.Api.Schedules;

namespace NetworkDirectory.Api.Lookup;

/// <summary>Evaluates an agency's contacts for one service at an instant and picks the one to call.</summary>
internal static class ContactEvaluator
{
    private static readonly string[] Immediate = ["phone", "via_police_emergency"];

    public static AgencyAnswer Answer(DirectorySnapshot snapshot, ServiceMatch match, LookupCriteria criteria, ScheduleEvaluator schedules)
    {
        var agencyContacts = match.Agency.Contacts;
        var contacts = new List<ContactAnswer>(agencyContacts.Count);
        foreach (var c in agencyContacts)
        {
            if (Visible(c, criteria) && (c.ServiceId is null || c.ServiceId == match.Service.Id))
            {
                contacts.Add(Evaluate(snapshot, match.Agency, c, criteria.At, schedules));
            }
        }

        // Call-now order: a staffed phone (or 110) first, then any other staffed channel. When none
        // of the service's own contacts is staffed, the agency's on-call duty (listed for another of
        // its services) is the way in: a Jugendamt's night duty takes every acute case.
        var now = BestNow(contacts, 0);
        if (now is null)
        {
            var firstOnCall = contacts.Count;
            foreach (var c in agencyContacts)
            {
                if (Visible(c, criteria) && c.Kind == "on_call" && c.ServiceId is not null && c.ServiceId != match.Service.Id)
                {
                    var answer = Evaluate(snapshot, match.Agency, c, criteria.At, schedules);
                    contacts.Add(answer with { Reason = answer.Reason + " (the agency's on-call duty)" });
                }
            }
            now = BestNow(contacts, firstOnCall);
        }
        DateTimeOffset? nextChange = null;
        bool noneWithinHorizon = false, alwaysOpen = false;
        foreach (var c in contacts)
        {
            if (c.NextChange is { } next && (nextChange is null || next < nextChange))
            {
                nextChange = next;
            }
            noneWithinHorizon |= c.NextChangeStatus == NextChangeStatuses.NoneWithinHorizon;
            alwaysOpen |= c.NextChangeStatus == NextChangeStatuses.AlwaysOpen;
        }
        // A contact that may change after the horizon outweighs one that never does: the agency's nextChange may still come.
        var status = nextChange is not null ? NextChangeStatuses.Scheduled
            : noneWithinHorizon ? NextChangeStatuses.NoneWithinHorizon
            : alwaysOpen ? NextChangeStatuses.AlwaysOpen
            : NextChangeStatuses.Unknown;
        return new AgencyAnswer(
            match.Agency.Id, match.Agency.Name, match.Agency.Kind, match.Service.Id, match.Service.Priority,
            new CoverageMatch(match.MatchedLevel, match.MatchedKey, match.Via),
            now is not null, now, nextChange, contacts, match.Agency.Sample, status);
    }

    private static bool Visible(SnapshotContact contact, LookupCriteria criteria)
    {
        foreach (var visibility in criteria.Visibilities)
        {
            if (visibility == contact.Visibility)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The first reachable contact from <paramref name="from"/> on with an immediate channel, else the first reachable one.</summary>
    private static ContactAnswer? BestNow(List<ContactAnswer> contacts, int from)
    {
        ContactAnswer? other = null;
        for (var i = from; i < contacts.Count; i++)
        {
            if (contacts[i].ReachableNow == true)
            {
                if (Immediate.Contains(contacts[i].Channel))
                {
                    return contacts[i];
                }
                other ??= contacts[i];
            }
        }
        return other;
    }

    private static ContactAnswer Evaluate(DirectorySnapshot snapshot, SnapshotAgency agency, SnapshotContact contact, DateTimeOffset at, ScheduleEvaluator schedules)
    {
        if (contact.ScheduleId is null || !snapshot.Schedules.TryGetValue(contact.ScheduleId, out var schedule))
        {
            return Create(contact, null, null, "no schedule known: hours unknown", NextChangeStatuses.Unknown);
        }
        var reachability = schedules.Evaluate(schedule, at, agency.RegionKey);
        var status = reachability.NextChange is not null ? NextChangeStatuses.Scheduled
            : reachability.NeverChanges ? NextChangeStatuses.AlwaysOpen
            : NextChangeStatuses.NoneWithinHorizon;
        return Create(contact, reachability.Open, reachability.NextChange, reachability.Reason, status);
    }

    private static ContactAnswer Create(SnapshotContact c, bool? open, DateTimeOffset? next, string reason, string status) => new(
        c.Id, c.Kind, c.Channel, c.Value, c.Label, c.Languages, c.Visibility, open,
        next?.ToOffset(LocalInstants.Berlin.GetUtcOffset(next.Value)), reason, c.Sample, status);
}
