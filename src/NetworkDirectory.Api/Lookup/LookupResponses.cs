namespace NetworkDirectory.Api.Lookup;

/// <summary>Who handles it here, now: the answer of GET /v1/lookup.</summary>
/// <param name="At">The instant the reachability was evaluated at, in Europe/Berlin local time with its offset.</param>
/// <param name="Location">How the place was resolved.</param>
/// <param name="Results">One entry per requested responsibility, in the order asked; a responsibility nobody covers is a gap, never left out.</param>
/// <param name="EmergencyNumbers">Nationwide emergency numbers, always reachable.</param>
/// <param name="ContainsSample">True when any agency in the answer is fictional sample data.</param>
/// <param name="NextChangeHorizon">How far ahead every nextChange was searched (at plus a year and a day); a nextChange of null means no change before this instant (see nextChangeStatus).</param>
public sealed record LookupResponse(
    DateTimeOffset At, LocationAnswer Location, IReadOnlyList<ResponsibilityAnswer> Results,
    IReadOnlyList<EmergencyNumber> EmergencyNumbers, bool ContainsSample, DateTimeOffset NextChangeHorizon);

/// <summary>The resolved place.</summary>
/// <param name="Input">The location form used: coordinates, postalCode, regionKey or place.</param>
/// <param name="Regions">The official regions containing the place, most specific first.</param>
/// <param name="BoundaryDate">Gebietsstand of the boundaries used, when coordinates were resolved.</param>
/// <param name="Candidates">For postal codes and place names: every region the input may mean, by share.</param>
/// <param name="CandidatesTotal">How many regions match in all; <paramref name="Candidates"/> lists at most 10 of them (0 for coordinates and region keys).</param>
/// <param name="CandidatesTruncated">True when more regions match than <paramref name="Candidates"/> lists: ask with a longer name or the key.</param>
/// <param name="Ambiguous">True when there is more than one candidate; the answer is for the first.</param>
/// <param name="Attribution">Source notes of the data used to resolve the place.</param>
/// <param name="Notes">What the resolution assumed.</param>
public sealed record LocationAnswer(
    string Input, IReadOnlyList<RegionRef> Regions, DateOnly? BoundaryDate, IReadOnlyList<PlaceCandidate> Candidates,
    int CandidatesTotal, bool CandidatesTruncated, bool Ambiguous, IReadOnlyList<string> Attribution, IReadOnlyList<string> Notes);

/// <summary>An official region in the answer.</summary>
public sealed record RegionRef(string Key, string Level, string Name, string? Designation);

/// <summary>A region the input may mean.</summary>
/// <param name="Share">Share of the postal code's places in this region (1 for an exact name match).</param>
public sealed record PlaceCandidate(string RegionKey, string Name, string Level, double Share);

/// <summary>The answer for one responsibility.</summary>
/// <param name="Status">covered: at least one agency is responsible; gap: nobody in the directory covers it here.</param>
/// <param name="Agencies">The responsible agencies at the most specific coverage, best first.</param>
/// <param name="Fallbacks">Less specific services (Land-level or nationwide) to call when nobody above answers.</param>
/// <param name="VariesByCandidate">For ambiguous postal codes: true when another candidate region has other responsible agencies.</param>
/// <param name="Explanation">Which coverage matched, which filters applied, which schedule window or holiday decided.</param>
public sealed record ResponsibilityAnswer(
    string Responsibility, string LabelDe, string LabelEn, string Status,
    IReadOnlyList<AgencyAnswer> Agencies, IReadOnlyList<AgencyAnswer> Fallbacks, bool VariesByCandidate,
    IReadOnlyList<string> Explanation);

/// <summary>An agency responsible at the place, with the contact to use now.</summary>
/// <param name="Coverage">How its coverage matched the place.</param>
/// <param name="ReachableNow">True when one of its contacts is staffed at the requested time.</param>
/// <param name="Contact">The contact to use at that time (a phone or 110 first); null when none is reachable.</param>
/// <param name="NextChange">When the reachability of its contacts next changes (office closes, on-call starts): the earliest of its contacts' nextChange; null when none changes within nextChangeHorizon.</param>
/// <param name="Contacts">All of its contacts for this responsibility visible to the caller, each evaluated.</param>
/// <param name="NextChangeStatus">scheduled: nextChange is set; none_within_horizon: no contact changes before nextChangeHorizon; always_open: a contact is open for good (24/7) and none changes; unknown: no contact has a known schedule.</param>
public sealed record AgencyAnswer(
    string AgencyId, string Name, string Kind, string ServiceId, int Priority, CoverageMatch Coverage,
    bool ReachableNow, ContactAnswer? Contact, DateTimeOffset? NextChange, IReadOnlyList<ContactAnswer> Contacts, bool Sample,
    string NextChangeStatus);

/// <summary>How a service's coverage matched the place.</summary>
/// <param name="Level">custom polygon, gemeinde, kreis, regierungsbezirk, land or country.</param>
/// <param name="RegionKey">The official key that matched (null for a polygon).</param>
/// <param name="Via">The custom region (police or court district) through which the key matched.</param>
public sealed record CoverageMatch(string Level, string? RegionKey, string? Via);

/// <summary>A contact evaluated at the requested time.</summary>
/// <param name="ReachableNow">true/false from its schedule; null when no schedule is known.</param>
/// <param name="NextChange">When it next opens or closes; null when that is not within nextChangeHorizon, or never (see nextChangeStatus).</param>
/// <param name="Reason">What decided: the weekly window, a holiday, a date exception, 24/7.</param>
/// <param name="NextChangeStatus">scheduled: nextChange is set; none_within_horizon: its state holds at least until nextChangeHorizon (it may change later); always_open: open for good (24/7, nothing ahead closes it); unknown: no schedule known.</param>
public sealed record ContactAnswer(
    string Id, string Kind, string Channel, string Value, string? Label, IReadOnlyList<string> Languages, string Visibility,
    bool? ReachableNow, DateTimeOffset? NextChange, string Reason, bool Sample, string NextChangeStatus);

/// <summary>The values of nextChangeStatus.</summary>
public static class NextChangeStatuses
{
    public const string Scheduled = "scheduled";
    public const string NoneWithinHorizon = "none_within_horizon";
    public const string AlwaysOpen = "always_open";
    public const string Unknown = "unknown";
}

/// <summary>A nationwide emergency number.</summary>
public sealed record EmergencyNumber(string Number, string LabelDe, string LabelEn);
