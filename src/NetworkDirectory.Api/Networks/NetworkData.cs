using System.Text.Json.Serialization;

namespace NetworkDirectory.Api.Networks;

/// <summary>A network in its write shape.</summary>
/// <param name="Scope">land, regional or cross_land.</param>
/// <param name="Status">planned, active or dormant.</param>
/// <param name="RegionKeys">The network's area; every key must lie in your scope.</param>
/// <param name="Members">Member agencies with their role (member role code); the coordinating agency should be one of them.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record NetworkData(
    string? Name, string? Scope, string? Status, string? CoordinatingAgencyId, IReadOnlyList<string>? RegionKeys,
    IReadOnlyList<MemberData>? Members, string? Description, DateOnly? EstablishedOn, string? Website);

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record MemberData(string? AgencyId, string? Role, DateOnly? JoinedOn);

/// <summary>A cooperation instrument in its write shape.</summary>
/// <param name="Type">Instrument type code (see /v1/taxonomies).</param>
/// <param name="Url">An https URL; only for published instruments.</param>
/// <param name="TargetGroup">minors, adults or both.</param>
/// <param name="ExploitationForms">Exploitation form codes; empty or null: all forms.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record InstrumentData(
    string? NetworkId, string? Type, string? Title, bool? Binding, bool? Published, DateOnly? SignedOn, string? Url,
    string? TargetGroup, IReadOnlyList<string>? ExploitationForms);
