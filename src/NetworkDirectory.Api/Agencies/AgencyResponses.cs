namespace NetworkDirectory.Api.Agencies;

/// <summary>Postal address of an agency.</summary>
public sealed record Address(string? Street, string? PostalCode, string? City);

/// <summary>A point in WGS84.</summary>
public sealed record GeoPoint(double Latitude, double Longitude);

/// <summary>An agency as it appears in lists.</summary>
/// <param name="Kind">Agency kind code (see /v1/taxonomies).</param>
/// <param name="Operator">Träger: the organisation that runs the agency.</param>
/// <param name="RegionKey">Official key of the region where the agency sits.</param>
/// <param name="LastVerifiedOn">When a coordinator last confirmed the entry.</param>
/// <param name="Sample">True for fictional demonstration entries: never call or write to them.</param>
public sealed record AgencySummary(
    string Id, string Name, string Kind, string? Operator, Address Address, string RegionKey, GeoPoint? Location,
    string? Website, string? Email, IReadOnlyList<string> Languages, DateOnly? LastVerifiedOn, bool Sample);

/// <summary>An agency with its services, its contacts visible to the caller, and its networks.</summary>
/// <param name="Version">Increases with every change of the agency's own fields; its ETag ("3") for writes.</param>
/// <param name="InternalNotes">Only for coordinators and admins; null for everyone else.</param>
public sealed record AgencyDetail(
    string Id, string Name, string Kind, string? Operator, Address Address, string RegionKey, GeoPoint? Location,
    string? Website, string? Email, IReadOnlyList<string> Languages, string? Accessibility,
    DateOnly? LastVerifiedOn, bool Sample, int Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    IReadOnlyList<ServiceResponse> Services, IReadOnlyList<ContactResponse> Contacts,
    IReadOnlyList<AgencyNetworkMembership> Networks, string? InternalNotes);

/// <summary>Whom a service is for.</summary>
/// <param name="MinAge">Lowest age served, if limited.</param>
/// <param name="MaxAge">Highest age served, if limited.</param>
/// <param name="MinorsOnly">Only for people under 18.</param>
/// <param name="UnaccompaniedOnly">Only for unaccompanied minors.</param>
public sealed record TargetGroup(int? MinAge, int? MaxAge, bool MinorsOnly, bool UnaccompaniedOnly);

/// <summary>Where a service applies.</summary>
/// <param name="RegionKeys">Official keys at any level (a key covers every region inside it).</param>
/// <param name="CustomRegions">Named sets of official keys (police or court districts).</param>
/// <param name="HasCustomPolygon">Whether a custom coverage polygon is defined as well.</param>
public sealed record Coverage(IReadOnlyList<string> RegionKeys, IReadOnlyList<CustomRegionRef> CustomRegions, bool HasCustomPolygon);

/// <summary>A custom region used as coverage, with the official keys it stands for.</summary>
public sealed record CustomRegionRef(string Key, string Name, string Kind, IReadOnlyList<string> RegionKeys);

/// <summary>One responsibility an agency takes on, for whom and where.</summary>
/// <param name="Responsibility">Responsibility code (see /v1/taxonomies).</param>
/// <param name="ExploitationForms">Exploitation form codes; empty when AllExploitationForms is true.</param>
/// <param name="Priority">Among equally specific coverage, the lower number is asked first.</param>
public sealed record ServiceResponse(
    string Id, string Responsibility, bool AllExploitationForms, IReadOnlyList<string> ExploitationForms,
    TargetGroup TargetGroup, Coverage Coverage, int Priority, string? Notes);

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

/// <summary>A network the agency belongs to.</summary>
public sealed record AgencyNetworkMembership(string NetworkId, string NetworkName, string Role);
