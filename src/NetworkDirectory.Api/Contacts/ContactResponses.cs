using NetworkDirectory.Api.Schedules;

namespace NetworkDirectory.Api.Contacts;

/// <summary>A way to reach an agency.</summary>
/// <param name="Kind">office, hotline, on_call, role_mailbox, named_person.</param>
/// <param name="Channel">phone, email, web_form, via_police_emergency.</param>
/// <param name="Value">E.164 phone number, e-mail address, URL, or '110' for contact via the police emergency number.</param>
/// <param name="ServiceId">The service this contact is for; null when it serves all of the agency's services.</param>
/// <param name="Visibility">public, professional or internal.</param>
/// <param name="Schedule">When the contact is staffed; null when no schedule is known.</param>
public sealed record ContactResponse(
    string Id, string Kind, string Channel, string Value, string? Label, IReadOnlyList<string> Languages,
    string? ServiceId, string Visibility, ScheduleResponse? Schedule, bool Sample);
