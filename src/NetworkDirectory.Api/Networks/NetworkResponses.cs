using NetworkDirectory.Api.Agencies;

namespace NetworkDirectory.Api.Networks;

/// <summary>A cooperation network as it appears in lists.</summary>
/// <param name="Scope">land, regional or cross_land.</param>
/// <param name="Status">planned, active or dormant.</param>
/// <param name="RegionKeys">The regions the network is responsible for.</param>
/// <param name="CoordinatingAgencyId">The agency that runs the coordinating office.</param>
public sealed record NetworkSummary(
    string Id, string Name, string Scope, string Status, IReadOnlyList<string> RegionKeys,
    string? CoordinatingAgencyId, int MemberCount, bool Sample);

/// <summary>A network with its coordinating office, members and cooperation instruments.</summary>
public sealed record NetworkDetail(
    string Id, string Name, string Scope, string Status, IReadOnlyList<string> RegionKeys, string? Description,
    DateOnly? EstablishedOn, string? Website, AgencySummary? CoordinatingOffice,
    IReadOnlyList<NetworkMember> Members, IReadOnlyList<InstrumentResponse> Instruments, bool Sample, int Version);

/// <summary>An agency in a network, with its role (member role code).</summary>
public sealed record NetworkMember(string AgencyId, string Name, string Kind, string Role, DateOnly? JoinedOn, bool Sample);

/// <summary>A cooperation instrument: an agreement, guideline, decree or round table.</summary>
/// <param name="Type">Instrument type code (see /v1/taxonomies).</param>
/// <param name="Binding">Whether the parties committed to it bindingly.</param>
/// <param name="Published">Whether the text is public; unpublished instruments have no URL.</param>
/// <param name="TargetGroup">minors, adults or both.</param>
/// <param name="ExploitationForms">Exploitation form codes covered; empty when AllExploitationForms is true.</param>
public sealed record InstrumentResponse(
    string Id, string Type, string Title, bool Binding, bool Published, DateOnly? SignedOn, string? Url,
    string TargetGroup, bool AllExploitationForms, IReadOnlyList<string> ExploitationForms, bool Sample);
