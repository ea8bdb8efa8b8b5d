using System.Text.Json.Serialization;
using NetworkDirectory.Api.Common;

namespace NetworkDirectory.Api.Agencies;

/// <summary>An agency in its write shape (POST, PUT, PATCH). Unknown properties are rejected.</summary>
/// <param name="Name">1–200 characters.</param>
/// <param name="Kind">Agency kind code (see /v1/taxonomies).</param>
/// <param name="RegionKey">Official key of the region where the agency sits; must lie in your scope.</param>
/// <param name="Location">A point in Germany (WGS84).</param>
/// <param name="Website">An https URL.</param>
/// <param name="Languages">BCP 47 tags ('de', 'ar', 'uk').</param>
/// <param name="InternalNotes">Seen by coordinators and admins only.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record AgencyData(
    string? Name, string? Kind, string? Operator, AddressData? Address, string? RegionKey, GeoPoint? Location,
    string? Website, string? Email, IReadOnlyList<string>? Languages, string? Accessibility, string? InternalNotes);

/// <summary>Postal address; postal code of 5 digits.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record AddressData(string? Street, string? PostalCode, string? City);
