namespace NetworkDirectory.Benchmarks.Synth;

// One record per table, named after the table's columns (Dapper binds @Property), so the INSERTs in
// SynthWriter read like the schema in db/migrations. Everything here is sample data (sample = 1).

public sealed record AgencyRow(
    string Id, string Name, string KindCode, string Operator, string Street, string? PostalCode, string City,
    string RegionKey, double? Latitude, double? Longitude, string Website, string Email, string LastVerifiedOn);

public sealed record AgencyLanguageRow(string AgencyId, string Language);

public sealed record ServiceRow(
    string Id, string AgencyId, string ResponsibilityCode, int AllExploitationForms, int? MinAge, int? MaxAge,
    int MinorsOnly, int UnaccompaniedOnly, int Priority, string? Notes);

public sealed record ServiceFormRow(string ServiceId, string FormCode);

public sealed record CoverageRow(string ServiceId, string RegionKey);

public sealed record ScheduleRow(string Id, string Label, int AlwaysOpen, int ClosedOnPublicHolidays, int OpenOnPublicHolidays);

public sealed record WindowRow(string ScheduleId, int StartDay, string StartTime, int EndDay, string EndTime);

public sealed record ExceptionRow(string ScheduleId, string Date, int Closed, string? OpenFrom, string? OpenUntil, string Note);

public sealed record ContactRow(
    string Id, string AgencyId, string? ServiceId, string KindCode, string ChannelCode, string Value, string Label,
    string Visibility, string? ScheduleId, int SortOrder);

/// <summary>The generated directory, in insertion order (parents before children).</summary>
public sealed class SynthDirectory
{
    public List<AgencyRow> Agencies { get; } = [];
    public List<AgencyLanguageRow> AgencyLanguages { get; } = [];
    public List<ServiceRow> Services { get; } = [];
    public List<ServiceFormRow> ServiceForms { get; } = [];
    public List<CoverageRow> Coverage { get; } = [];
    public List<ScheduleRow> Schedules { get; } = [];
    public List<WindowRow> Windows { get; } = [];
    public List<ExceptionRow> Exceptions { get; } = [];
    public List<ContactRow> Contacts { get; } = [];
}
