namespace NetworkDirectory.Api.Services;

/// <summary>Whom a service is for.</summary>
/// <param name="MinAge">Lowest age served, if limited.</param>
/// <param name="MaxAge">Highest age served, if limited.</param>
/// <param name="MinorsOnly">Only for people under 18.</param>
/// <param name="UnaccompaniedOnly">Only for unaccompanied minors.</param>
public sealed record TargetGroup(int? MinAge, int? MaxAge, bool MinorsOnly, bool UnaccompaniedOnly);

/// <summary>Where a service applies.</summary>
/// <param name="RegionKeys">Official keys at any level (a key covers every region inside it).</param>
/// <param name="CustomRegions">Named sets of official keys (police or court districts).</param>
/// <param name="HasCustomPolygon">Whether a custom coverage polygon is defined as well.</param>
public sealed record Coverage(IReadOnlyList<string> RegionKeys, IReadOnlyList<CustomRegionRef> CustomRegions, bool HasCustomPolygon);

/// <summary>A custom region used as coverage, with the official keys it stands for.</summary>
public sealed record CustomRegionRef(string Key, string Name, string Kind, IReadOnlyList<string> RegionKeys);

/// <summary>One responsibility an agency takes on, for whom and where.</summary>
/// <param name="Responsibility">Responsibility code (see /v1/taxonomies).</param>
/// <param name="ExploitationForms">Exploitation form codes; empty when AllExploitationForms is true.</param>
/// <param name="Priority">Among equally specific coverage, the lower number is asked first.</param>
public sealed record ServiceResponse(
    string Id, string Responsibility, bool AllExploitationForms, IReadOnlyList<string> ExploitationForms,
    TargetGroup TargetGroup, Coverage Coverage, int Priority, string? Notes);
