namespace NetworkDirectory.Api.Services;

/// <summary>A row of <c>services</c>, as the agency detail, the write shape and the lookup snapshot read it.</summary>
internal sealed class ServiceRow
{
    public const string Columns = """
        s.id, s.agency_id, s.responsibility_code, s.all_exploitation_forms, s.min_age, s.max_age, s.minors_only,
        s.unaccompanied_only, s.priority, s.coverage_geojson, s.notes, s.version
        """;

    public string Id { get; init; } = "";
    public string AgencyId { get; init; } = "";
    public string ResponsibilityCode { get; init; } = "";
    public bool AllExploitationForms { get; init; }
    public int? MinAge { get; init; }
    public int? MaxAge { get; init; }
    public bool MinorsOnly { get; init; }
    public bool UnaccompaniedOnly { get; init; }
    public int Priority { get; init; }
    public string? CoverageGeojson { get; init; }
    public string? Notes { get; init; }
    public int Version { get; init; }
}
