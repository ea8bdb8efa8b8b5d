namespace NetworkDirectory.Api.Services;

internal sealed class ServiceRow
{
    public string Id { get; init; } = "";
    public string ResponsibilityCode { get; init; } = "";
    public bool AllExploitationForms { get; init; }
    public int? MinAge { get; init; }
    public int? MaxAge { get; init; }
    public bool MinorsOnly { get; init; }
    public bool UnaccompaniedOnly { get; init; }
    public int Priority { get; init; }
    public bool HasCustomPolygon { get; init; }
    public string? Notes { get; init; }
}
