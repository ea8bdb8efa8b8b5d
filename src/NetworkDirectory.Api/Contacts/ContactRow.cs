namespace NetworkDirectory.Api.Contacts;

/// <summary>A row of <c>contacts</c>, as the agency detail, the write shape and the lookup snapshot read it.</summary>
internal sealed class ContactRow
{
    public const string Columns =
        "c.id, c.agency_id, c.service_id, c.kind_code, c.channel_code, c.value, c.label, c.visibility, c.schedule_id, c.sort_order, c.sample, c.version";

    public string Id { get; init; } = "";
    public string AgencyId { get; init; } = "";
    public string? ServiceId { get; init; }
    public string KindCode { get; init; } = "";
    public string ChannelCode { get; init; } = "";
    public string Value { get; init; } = "";
    public string? Label { get; init; }
    public string Visibility { get; init; } = "";
    public string? ScheduleId { get; init; }
    public int SortOrder { get; init; }
    public bool Sample { get; init; }
    public int Version { get; init; }
}
