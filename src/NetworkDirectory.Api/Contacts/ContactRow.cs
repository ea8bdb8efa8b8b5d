namespace NetworkDirectory.Api.Contacts;

internal sealed class ContactRow
{
    public string Id { get; init; } = "";
    public string? ServiceId { get; init; }
    public string KindCode { get; init; } = "";
    public string ChannelCode { get; init; } = "";
    public string Value { get; init; } = "";
    public string? Label { get; init; }
    public string Visibility { get; init; } = "";
    public string? ScheduleId { get; init; }
    public bool Sample { get; init; }
}
