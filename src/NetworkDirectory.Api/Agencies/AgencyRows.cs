using NetworkDirectory.Api.Common;
using NetworkDirectory.Api.Contacts;
using NetworkDirectory.Api.Services;

namespace NetworkDirectory.Api.Agencies;

internal sealed class AgencyRow
{
    public const string Columns = """
        a.id, a.name, a.kind_code, a.operator, a.street, a.postal_code, a.city, a.region_key, a.latitude, a.longitude,
        a.website, a.email, a.accessibility, a.internal_notes, a.last_verified_on, a.sample, a.version, a.created_at, a.updated_at
        """;

    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public string KindCode { get; init; } = "";
    public string? Operator { get; init; }
    public string? Street { get; init; }
    public string? PostalCode { get; init; }
    public string? City { get; init; }
    public string RegionKey { get; init; } = "";
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public string? Website { get; init; }
    public string? Email { get; init; }
    public string? Accessibility { get; init; }
    public string? InternalNotes { get; init; }
    public string? LastVerifiedOn { get; init; }
    public bool Sample { get; init; }
    public int Version { get; init; }
    public string CreatedAt { get; init; } = "";
    public string UpdatedAt { get; init; } = "";

    private GeoPoint? Location => Latitude is { } lat && Longitude is { } lon ? new GeoPoint(lat, lon) : null;

    public AgencySummary ToSummary(IReadOnlyList<string> languages) => new(
        Id, Name, KindCode, Operator, new Address(Street, PostalCode, City), RegionKey, Location,
        Website, Email, languages, Dates.ParseOrNull(LastVerifiedOn), Sample);

    public AgencyDetail ToDetail(
        IReadOnlyList<string> languages, IReadOnlyList<ServiceResponse> services,
        IReadOnlyList<ContactResponse> contacts, IReadOnlyList<AgencyNetworkMembership> networks, string? internalNotes) => new(
        Id, Name, KindCode, Operator, new Address(Street, PostalCode, City), RegionKey, Location,
        Website, Email, languages, Accessibility, Dates.ParseOrNull(LastVerifiedOn), Sample, Version,
        Dates.ParseTimestamp(CreatedAt), Dates.ParseTimestamp(UpdatedAt), services, contacts, networks, internalNotes);
}
