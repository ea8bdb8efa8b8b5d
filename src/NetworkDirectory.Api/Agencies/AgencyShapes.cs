// The agency as the API shows it (list and detail) and as coordinators write it. The stored row is AgencyRow.
using System.Text.Json.Serialization;
using NetworkDirectory.Api.Common;
using NetworkDirectory.Api.Contacts;
using NetworkDirectory.Api.Services;

namespace NetworkDirectory.Api.Agencies;

/// <summary>Postal address of an agency.</summary>
public sealed record Address(string? Street, string? PostalCode, string? City);

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
/// <param name="InternalNotes">Only for admins and the coordinators of the agency's region; null for everyone else.</param>
public sealed record AgencyDetail(
    string Id, string Name, string Kind, string? Operator, Address Address, string RegionKey, GeoPoint? Location,
    string? Website, string? Email, IReadOnlyList<string> Languages, string? Accessibility,
    DateOnly? LastVerifiedOn, bool Sample, int Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    IReadOnlyList<ServiceResponse> Services, IReadOnlyList<ContactResponse> Contacts,
    IReadOnlyList<AgencyNetworkMembership> Networks, string? InternalNotes);

/// <summary>A network the agency belongs to.</summary>
public sealed record AgencyNetworkMembership(string NetworkId, string NetworkName, string Role);

/// <summary>An agency in its write shape (POST, PUT, PATCH). Unknown properties are rejected.</summary>
/// <param name="Name">1–200 characters.</param>
/// <param name="Kind">Agency kind code (see /v1/taxonomies).</param>
/// <param name="RegionKey">Official key of the region where the agency sits; must lie in your scope.</param>
/// <param name="Location">A point in Germany (WGS84).</param>
/// <param name="Website">An https URL.</param>
/// <param name="Languages">BCP 47 tags ('de', 'ar', 'uk').</param>
/// <param name="InternalNotes">Seen only by admins and the coordinators of the agency's region.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record AgencyData(
    string? Name, string? Kind, string? Operator, AddressData? Address, string? RegionKey, GeoPoint? Location,
    string? Website, string? Email, IReadOnlyList<string>? Languages, string? Accessibility, string? InternalNotes);

/// <summary>Postal address; postal code of 5 digits.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record AddressData(string? Street, string? PostalCode, string? City);
