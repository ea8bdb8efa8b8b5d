using System.ComponentModel;

namespace NetworkDirectory.Api.Reports;

public static class FieldReportKinds
{
    public static readonly IReadOnlyList<string> All = ["wrong_number", "agency_closed", "other"];
}

public static class FieldReportStatuses
{
    public const string Open = "open";
    public static readonly IReadOnlyList<string> All = [Open, "accepted", "rejected"];
}

/// <summary>What someone in the field reports. Give agencyId or contactId (or both, when the contact is the agency's).</summary>
public sealed record FieldReportData(
    [property: Description("wrong_number, agency_closed or other.")] string? Kind,
    [property: Description("The agency the report is about.")] string? AgencyId,
    [property: Description("The contact the report is about (a wrong number); its agency is taken from it.")] string? ContactId,
    [property: Description("What is wrong, 1 to 1000 characters. No personal data of people in a case, please.")] string? Message,
    [property: Description("Optional e-mail address for a reply; shown only to the region's coordinators and admins.")] string? ReplyTo);

/// <summary>The only thing a reporter gets back: the report's id.</summary>
public sealed record FieldReportReceipt(string Id);

/// <summary>A coordinator's decision on a report.</summary>
public sealed record FieldReportStatusData(
    [property: Description("open, accepted or rejected.")] string? Status,
    [property: Description("Why, up to 1000 characters (optional).")] string? Note);

/// <summary>A report as the region's coordinators and admins see it.</summary>
/// <param name="RegionKey">The agency's region when the report was made: whose coordinators review it.</param>
/// <param name="Reporter">The API key that reported it; null for an anonymous report.</param>
/// <param name="ReplyTo">The reporter's reply address, when given.</param>
public sealed record FieldReportResponse(
    string Id, string Kind, string AgencyId, string? AgencyName, string? ContactId, string RegionKey, string Message, string? ReplyTo,
    string? Reporter, string Status, string? StatusNote, string? StatusBy, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, bool Sample);

/// <summary>One row of field_reports (with the agency's name and sample flag, when the agency still exists).</summary>
public sealed class FieldReportRow
{
    public const string Columns =
        "r.id AS Id, r.kind AS Kind, r.agency_id AS AgencyId, a.name AS AgencyName, r.contact_id AS ContactId, r.region_key AS RegionKey, " +
        "r.message AS Message, r.reply_to AS ReplyTo, r.reporter AS Reporter, r.status AS Status, r.status_note AS StatusNote, " +
        "r.status_by AS StatusBy, r.created_at AS CreatedAt, r.updated_at AS UpdatedAt, r.version AS Version, coalesce(a.sample, 0) AS Sample";

    public required string Id { get; init; }
    public required string Kind { get; init; }
    public required string AgencyId { get; init; }
    public string? AgencyName { get; init; }
    public string? ContactId { get; init; }
    public required string RegionKey { get; init; }
    public required string Message { get; init; }
    public string? ReplyTo { get; init; }
    public string? Reporter { get; init; }
    public required string Status { get; init; }
    public string? StatusNote { get; init; }
    public string? StatusBy { get; init; }
    public required string CreatedAt { get; init; }
    public required string UpdatedAt { get; init; }
    public long Version { get; init; }
    public bool Sample { get; init; }

    public FieldReportResponse ToResponse() => new(
        Id, Kind, AgencyId, AgencyName, ContactId, RegionKey, Message, ReplyTo, Reporter, Status, StatusNote, StatusBy,
        Common.Dates.ParseTimestamp(CreatedAt), Common.Dates.ParseTimestamp(UpdatedAt), Sample);
}
