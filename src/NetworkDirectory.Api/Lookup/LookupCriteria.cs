namespace NetworkDirectory.Api.Lookup;

/// <summary>What the caller asks for, validated.</summary>
/// <param name="Responsibilities">Responsibility codes to answer, in answer order.</param>
/// <param name="ExploitationForm">Only services for this form (or for all forms).</param>
/// <param name="Age">Age of the person concerned; services whose age range excludes it are skipped.</param>
/// <param name="Unaccompanied">true: an unaccompanied minor; false: accompanied (services only for unaccompanied minors are skipped); null: unknown.</param>
/// <param name="Language">BCP 47 tag preferred; agencies offering it rank first.</param>
/// <param name="At">The instant to evaluate reachability at.</param>
/// <param name="Visibilities">Contact visibilities the caller may see.</param>
public sealed record LookupCriteria(
    IReadOnlyList<string> Responsibilities, string? ExploitationForm, int? Age, bool? Unaccompanied, string? Language,
    DateTimeOffset At, IReadOnlyList<string> Visibilities);

/// <summary>A place resolved to official regions, most specific first (Gemeinde, Kreis, Regierungsbezirk, Land, DE).</summary>
/// <param name="Point">The coordinates, when the caller gave some (custom polygons are only tested then).</param>
public sealed record ResolvedPlace(IReadOnlyList<SnapshotRegion> Chain, (double Latitude, double Longitude)? Point);
