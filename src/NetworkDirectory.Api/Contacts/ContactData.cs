using System.Text.Json.Serialization;

namespace NetworkDirectory.Api.Contacts;

/// <summary>A contact in its write shape.</summary>
/// <param name="ServiceId">The service this contact is for; null: all of the agency's services.</param>
/// <param name="Kind">office, hotline, on_call, role_mailbox, named_person.</param>
/// <param name="Channel">phone, email, web_form, via_police_emergency.</param>
/// <param name="Value">Phone number (German or international; stored as E.164), e-mail address, https URL, or '110' for via_police_emergency.</param>
/// <param name="Visibility">public, professional (frontline staff with a key) or internal (coordinators).</param>
/// <param name="ScheduleId">When the contact is staffed; null: unknown.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ContactData(
    string? AgencyId, string? ServiceId, string? Kind, string? Channel, string? Value, string? Label,
    IReadOnlyList<string>? Languages, string? Visibility, string? ScheduleId, int? SortOrder);
