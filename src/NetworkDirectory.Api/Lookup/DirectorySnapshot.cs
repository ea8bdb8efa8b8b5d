using System.Collections.Frozen;
using NetworkDirectory.Api.Schedules;

namespace NetworkDirectory.Api.Lookup;

/// <summary>
/// Everything a lookup needs, read once from the database and held in memory, so that answering
/// "who handles it here, now" touches no disk. Immutable: a change builds a new snapshot and
/// <see cref="DirectorySnapshotHolder"/> swaps the reference.
/// </summary>
public sealed class DirectorySnapshot
{
    public required FrozenDictionary<string, SnapshotAgency> Agencies { get; init; }

    /// <summary>Services by official region key of their coverage (custom regions expanded to their keys).</summary>
    public required FrozenDictionary<string, IReadOnlyList<CoverageEntry>> CoverageByRegion { get; init; }

    /// <summary>Services with a custom coverage polygon.</summary>
    public required IReadOnlyList<SnapshotService> PolygonServices { get; init; }

    public required FrozenDictionary<string, SnapshotResponsibility> Responsibilities { get; init; }

    public required FrozenDictionary<string, Schedule> Schedules { get; init; }

    /// <summary>Official regions by key: name, level and parent (no geometry).</summary>
    public required FrozenDictionary<string, SnapshotRegion> Regions { get; init; }

    public required FrozenSet<string> ExploitationForms { get; init; }

    /// <summary>The default responsibilities of a lookup, in answer order; worked out once per snapshot (a benign race at worst computes it twice).</summary>
    public IReadOnlyList<string> AcuteResponsibilities =>
        _acute ??= Responsibilities.Values.Where(r => r.Acute).OrderBy(r => r.SortOrder).Select(r => r.Code).ToArray();

    private IReadOnlyList<string>? _acute;

    public static DirectorySnapshot Empty { get; } = new()
    {
        Agencies = FrozenDictionary<string, SnapshotAgency>.Empty,
        CoverageByRegion = FrozenDictionary<string, IReadOnlyList<CoverageEntry>>.Empty,
        PolygonServices = [],
        Responsibilities = FrozenDictionary<string, SnapshotResponsibility>.Empty,
        Schedules = FrozenDictionary<string, Schedule>.Empty,
        Regions = FrozenDictionary<string, SnapshotRegion>.Empty,
        ExploitationForms = FrozenSet<string>.Empty,
    };
}

public sealed record SnapshotRegion(string Key, string Level, string Name, string? Designation, string? ParentKey, DateOnly? BoundaryDate)
{
    /// <summary>How answers show the region; one instance per region, so its JSON can be written once (<see cref="LookupJsonResult"/>).</summary>
    public RegionRef Ref { get; } = new(Key, Level, Name, Designation);
}

public sealed record SnapshotResponsibility(string Code, string LabelDe, string LabelEn, bool Acute, int SortOrder);

public sealed record SnapshotAgency(
    string Id, string Name, string Kind, string RegionKey, string? City, string? Website, bool Sample,
    IReadOnlyList<string> Languages, IReadOnlyList<SnapshotContact> Contacts);

public sealed record SnapshotContact(
    string Id, string? ServiceId, string Kind, string Channel, string Value, string? Label,
    IReadOnlyList<string> Languages, string Visibility, string? ScheduleId, bool Sample);

public sealed record SnapshotService(
    string Id, string AgencyId, string Responsibility, bool AllExploitationForms, FrozenSet<string> ExploitationForms,
    int? MinAge, int? MaxAge, bool MinorsOnly, bool UnaccompaniedOnly, int Priority, ICoverageArea? Polygon);

/// <summary>A service reaching a region key, directly or through a custom region.</summary>
public sealed record CoverageEntry(SnapshotService Service, string RegionKey, string? CustomRegionKey, string? CustomRegionName)
{
    /// <summary>How the answer names the custom region the key matched through ("Dienstbereich … (key)"); formatted once per snapshot.</summary>
    public string? Via { get; } = CustomRegionKey is null ? null : $"{CustomRegionName} ({CustomRegionKey})";
}

/// <summary>A custom coverage area of a service (a polygon); thread-safe for concurrent queries.</summary>
public interface ICoverageArea
{
    bool Contains(double latitude, double longitude);
}

/// <summary>Parses a service's coverage GeoJSON; null when it is not a valid area.</summary>
public delegate ICoverageArea? CoverageAreaParser(string geoJson);
