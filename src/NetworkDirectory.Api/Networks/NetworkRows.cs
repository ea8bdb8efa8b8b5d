namespace NetworkDirectory.Api.Networks;

internal sealed class NetworkRow
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public string Scope { get; init; } = "";
    public string Status { get; init; } = "";
    public string? CoordinatingAgencyId { get; init; }
    public string? Description { get; init; }
    public string? EstablishedOn { get; init; }
    public string? Website { get; init; }
    public bool Sample { get; init; }
    public int Version { get; init; }
    public int MemberCount { get; init; }
}

internal sealed class MemberRow
{
    public string AgencyId { get; init; } = "";
    public string Name { get; init; } = "";
    public string KindCode { get; init; } = "";
    public string RoleCode { get; init; } = "";
    public string? JoinedOn { get; init; }
    public bool Sample { get; init; }
}

internal sealed class InstrumentRow
{
    public string Id { get; init; } = "";
    public string TypeCode { get; init; } = "";
    public string Title { get; init; } = "";
    public bool Binding { get; init; }
    public bool Published { get; init; }
    public string? SignedOn { get; init; }
    public string? Url { get; init; }
    public string TargetGroup { get; init; } = "";
    public bool AllExploitationForms { get; init; }
    public bool Sample { get; init; }
}
