using NetworkDirectory.Api.Lookup;

namespace NetworkDirectory.Api.Cards;

/// <summary>What a Kreis' contact sheet shows, before it is written as HTML.</summary>
/// <param name="Entries">One per responsibility of the acute set, in the lookup's order.</param>
/// <param name="DataDate">The latest change of an agency on the sheet (null when none is listed).</param>
/// <param name="Attribution">The boundaries' source notes, as the maps give them; empty when no boundary is imported.</param>
public sealed record ContactSheet(
    SnapshotRegion Kreis, string? LandName, IReadOnlyList<SheetEntry> Entries, bool Sample, IReadOnlyList<string> Visibilities,
    DateOnly Printed, DateOnly? DataDate, IReadOnlyList<string> Attribution);

/// <param name="Agencies">The responsible agencies (the lookup's primary ones); empty for a gap.</param>
/// <param name="Fallbacks">Less specific services the lookup names as fallbacks, at most <see cref="AnswerBuilder.MaxFallbacks"/>.</param>
public sealed record SheetEntry(string Responsibility, string LabelDe, string LabelEn, IReadOnlyList<SheetAgency> Agencies, IReadOnlyList<SheetAgency> Fallbacks)
{
    public bool Gap => Agencies.Count == 0;
}

/// <param name="Coverage">How the coverage matched: "kreis 09162", "land 09 (via …)".</param>
public sealed record SheetAgency(string Id, string Name, string? City, string Coverage, IReadOnlyList<SheetContact> Contacts, bool Sample);

/// <param name="Hours">The contact's schedule in words, in the sheet's language; null when it has none.</param>
public sealed record SheetContact(string Kind, string Channel, string Value, string? Label, string Visibility, string? Hours);

/// <summary>
/// Builds a <see cref="ContactSheet"/> with the lookup's own matching: the place is the Kreis as a lookup by
/// its key resolves it (<see cref="PlaceResolver.ChainFor"/>), the agencies are <see cref="ServiceMatcher.Responsible"/>
/// of <see cref="ServiceMatcher.Match"/> and the fallbacks the rest of the matches, as in <see cref="AnswerBuilder"/>.
/// A sheet is for any hour, so every visible contact of the service is listed with its hours instead of the one
/// reachable now; when the service has no on-call contact of its own, the agency's on-call duty for its other
/// services is listed too (the lookup turns to it when the office is closed).
/// </summary>
public static class ContactSheetBuilder
{
    public static IReadOnlyList<SheetEntry> Entries(DirectorySnapshot snapshot, SnapshotRegion kreis, IReadOnlyList<string> visibilities, bool german)
    {
        var place = new ResolvedPlace(PlaceResolver.ChainFor(snapshot, kreis.Key), null);
        var criteria = new LookupCriteria(snapshot.AcuteResponsibilities, null, null, null, null, DateTimeOffset.UnixEpoch, visibilities);
        var entries = new List<SheetEntry>();
        foreach (var code in snapshot.AcuteResponsibilities)
        {
            var label = snapshot.Responsibilities[code];
            var matches = ServiceMatcher.Match(snapshot, place, criteria, code);
            var responsible = ServiceMatcher.Responsible(matches);
            var fallbacks = matches.Skip(responsible.Count).Take(AnswerBuilder.MaxFallbacks);
            entries.Add(new SheetEntry(code, label.LabelDe, label.LabelEn,
                responsible.Select(m => Agency(snapshot, m, visibilities, german)).ToList(),
                fallbacks.Select(m => Agency(snapshot, m, visibilities, german)).ToList()));
        }
        return entries;
    }

    private static SheetAgency Agency(DirectorySnapshot snapshot, ServiceMatch match, IReadOnlyList<string> visibilities, bool german)
    {
        var visible = match.Agency.Contacts.Where(c => visibilities.Contains(c.Visibility)).ToList();
        var own = visible.Where(c => c.ServiceId is null || c.ServiceId == match.Service.Id).ToList();
        if (!own.Any(c => c.Kind == "on_call"))
        {
            own.AddRange(visible.Where(c => c.Kind == "on_call" && c.ServiceId is not null && c.ServiceId != match.Service.Id));
        }
        var contacts = own.DistinctBy(c => (c.Channel, c.Value)).Select(c => new SheetContact(c.Kind, c.Channel, c.Value, c.Label, c.Visibility,
            c.ScheduleId is { } id && snapshot.Schedules.TryGetValue(id, out var s) ? ScheduleText.Describe(s, german) : null)).ToList();
        var coverage = match.MatchedKey is null ? match.MatchedLevel : $"{match.MatchedLevel} {match.MatchedKey}";
        return new SheetAgency(match.Agency.Id, match.Agency.Name, match.Agency.City, coverage, contacts, match.Agency.Sample);
    }
}
