using System.Collections.Frozen;
using NetworkDirectory.Api.Common;
using NetworkDirectory.Api.Geography;
using NetworkDirectory.Api.Schedules;

namespace NetworkDirectory.Api.Lookup;

/// <summary>
/// Everything a lookup needs, read once from the database and held in memory, so that answering
/// "who handles it here, now" touches no disk. Immutable: a change builds a new snapshot and
/// <see cref="DirectorySnapshotHolder"/> swaps the reference. A write replaces only what it changed
/// (<see cref="With"/>: the changed agencies with their services, contacts and coverage entries, the
/// changed schedules); every list is kept in one defined order, so that the result is the same as
/// reading the whole directory again (<see cref="Create"/>).
/// </summary>
public sealed class DirectorySnapshot
{
    public required IReadOnlyDictionary<string, SnapshotAgency> Agencies { get; init; }

    /// <summary>Services by official region key of their coverage (custom regions expanded to their keys), ordered by <see cref="CoverageOrder"/>.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<CoverageEntry>> CoverageByRegion { get; init; }

    /// <summary>Services with a custom coverage polygon, by id.</summary>
    public required IReadOnlyList<SnapshotService> PolygonServices { get; init; }

    public required FrozenDictionary<string, SnapshotResponsibility> Responsibilities { get; init; }

    public required IReadOnlyDictionary<string, Schedule> Schedules { get; init; }

    /// <summary>Official regions by key: name, level and parent (no geometry).</summary>
    public required FrozenDictionary<string, SnapshotRegion> Regions { get; init; }

    public required FrozenSet<string> ExploitationForms { get; init; }

    /// <summary>Keys the imported boundaries no longer hold, by old key, with the key whose area holds them now.</summary>
    public FrozenDictionary<string, RegionKeyChange> KeyChanges { get; init; } = FrozenDictionary<string, RegionKeyChange>.Empty;

    /// <summary>The Gebietsstand of the imported boundaries, by level (only levels with boundaries).</summary>
    public FrozenDictionary<string, DateOnly> BoundaryDates { get; init; } = FrozenDictionary<string, DateOnly>.Empty;

    /// <summary>The default responsibilities of a lookup, in answer order; worked out once per snapshot (a benign race at worst computes it twice).</summary>
    public IReadOnlyList<string> AcuteResponsibilities =>
        _acute ??= Responsibilities.Values.Where(r => r.Acute).OrderBy(r => r.SortOrder).Select(r => r.Code).ToArray();

    private IReadOnlyList<string>? _acute;

    /// <summary>The place-name search over <see cref="Regions"/>; built on first use and kept by <see cref="With"/>, which leaves the regions as they are.</summary>
    public PlaceNames Names => _names ??= PlaceNames.Of(Regions.Values);

    private PlaceNames? _names;

    public static DirectorySnapshot Empty { get; } = new()
    {
        Agencies = new Dictionary<string, SnapshotAgency>(),
        CoverageByRegion = new Dictionary<string, IReadOnlyList<CoverageEntry>>(),
        PolygonServices = [],
        Responsibilities = FrozenDictionary<string, SnapshotResponsibility>.Empty,
        Schedules = new Dictionary<string, Schedule>(),
        Regions = FrozenDictionary<string, SnapshotRegion>.Empty,
        ExploitationForms = FrozenSet<string>.Empty,
    };

    /// <summary>A snapshot of the whole directory.</summary>
    public static DirectorySnapshot Create(
        FrozenDictionary<string, SnapshotRegion> regions, FrozenDictionary<string, SnapshotResponsibility> responsibilities,
        FrozenSet<string> exploitationForms, IReadOnlyDictionary<string, Schedule> schedules, IReadOnlyList<SnapshotAgency> agencies,
        FrozenDictionary<string, RegionKeyChange>? keyChanges = null, FrozenDictionary<string, DateOnly>? boundaryDates = null)
    {
        var coverage = new Dictionary<string, IReadOnlyList<CoverageEntry>>(StringComparer.Ordinal);
        foreach (var group in agencies.SelectMany(a => a.Coverage).GroupBy(c => c.RegionKey, StringComparer.Ordinal))
        {
            coverage[group.Key] = Ordered(group);
        }
        return new DirectorySnapshot
        {
            Agencies = agencies.ToDictionary(a => a.Id, StringComparer.Ordinal),
            CoverageByRegion = coverage,
            PolygonServices = PolygonsOf(agencies.SelectMany(a => a.Services)),
            Responsibilities = responsibilities,
            Schedules = schedules,
            Regions = regions,
            ExploitationForms = exploitationForms,
            KeyChanges = keyChanges ?? FrozenDictionary<string, RegionKeyChange>.Empty,
            BoundaryDates = boundaryDates ?? FrozenDictionary<string, DateOnly>.Empty,
        };
    }

    /// <summary>
    /// This snapshot with the changed agencies and schedules replaced: <paramref name="agencies"/> holds
    /// those of <paramref name="change"/> that still exist (the others were deleted), <paramref name="schedules"/>
    /// those of its schedules that still exist. Copies the dictionaries (a few microseconds per thousand
    /// entries) and rebuilds only the coverage lists of the region keys the change touches.
    /// </summary>
    public DirectorySnapshot With(DirectoryChange change, IReadOnlyList<SnapshotAgency> agencies, IReadOnlyDictionary<string, Schedule> schedules)
    {
        var changed = change.AgencyIds.ToHashSet(StringComparer.Ordinal);
        var agencyMap = new Dictionary<string, SnapshotAgency>(Agencies, StringComparer.Ordinal);
        var touchedKeys = new HashSet<string>(StringComparer.Ordinal);
        var polygonsTouched = false;
        foreach (var id in changed)
        {
            if (agencyMap.Remove(id, out var old))
            {
                touchedKeys.UnionWith(old.Coverage.Select(c => c.RegionKey));
                polygonsTouched |= old.Services.Any(s => s.Polygon is not null);
            }
        }
        foreach (var agency in agencies)
        {
            agencyMap[agency.Id] = agency;
            touchedKeys.UnionWith(agency.Coverage.Select(c => c.RegionKey));
            polygonsTouched |= agency.Services.Any(s => s.Polygon is not null);
        }

        var coverage = CoverageByRegion;
        if (touchedKeys.Count > 0)
        {
            var copy = new Dictionary<string, IReadOnlyList<CoverageEntry>>(CoverageByRegion, StringComparer.Ordinal);
            var added = agencies.SelectMany(a => a.Coverage).ToLookup(c => c.RegionKey, StringComparer.Ordinal);
            foreach (var key in touchedKeys)
            {
                var kept = CoverageByRegion.TryGetValue(key, out var entries) ? entries.Where(e => !changed.Contains(e.Service.AgencyId)) : [];
                var list = Ordered(kept.Concat(added[key]));
                if (list.Count == 0) copy.Remove(key);
                else copy[key] = list;
            }
            coverage = copy;
        }

        var scheduleMap = Schedules;
        if (change.ScheduleIds.Count > 0)
        {
            var copy = new Dictionary<string, Schedule>(Schedules, StringComparer.Ordinal);
            foreach (var id in change.ScheduleIds)
            {
                if (schedules.TryGetValue(id, out var schedule)) copy[id] = schedule;
                else copy.Remove(id);
            }
            scheduleMap = copy;
        }

        return new DirectorySnapshot
        {
            Agencies = agencyMap,
            CoverageByRegion = coverage,
            PolygonServices = polygonsTouched
                ? PolygonsOf(PolygonServices.Where(s => !changed.Contains(s.AgencyId)).Concat(agencies.SelectMany(a => a.Services)))
                : PolygonServices,
            Responsibilities = Responsibilities,
            Schedules = scheduleMap,
            Regions = Regions,
            ExploitationForms = ExploitationForms,
            KeyChanges = KeyChanges,
            BoundaryDates = BoundaryDates,
            _names = _names,
        };
    }

    /// <summary>The one order of a region's coverage entries: by service, then the direct key before custom regions, by key.</summary>
    public static int CoverageOrder(CoverageEntry a, CoverageEntry b)
    {
        var order = StringComparer.Ordinal.Compare(a.Service.Id, b.Service.Id);
        return order != 0 ? order : StringComparer.Ordinal.Compare(a.CustomRegionKey, b.CustomRegionKey);
    }

    private static List<CoverageEntry> Ordered(IEnumerable<CoverageEntry> entries)
    {
        var list = entries.ToList();
        list.Sort(CoverageOrder);
        return list;
    }

    private static List<SnapshotService> PolygonsOf(IEnumerable<SnapshotService> services)
    {
        var list = services.Where(s => s.Polygon is not null).ToList();
        list.Sort((a, b) => StringComparer.Ordinal.Compare(a.Id, b.Id));
        return list;
    }
}

public sealed record SnapshotRegion(string Key, string Level, string Name, string? Designation, string? ParentKey, DateOnly? BoundaryDate)
{
    /// <summary>How answers show the region; one instance per region, so its JSON can be written once (<see cref="LookupJsonResult"/>).</summary>
    public RegionRef Ref { get; } = new(Key, Level, Name, Designation);
}

public sealed record SnapshotResponsibility(string Code, string LabelDe, string LabelEn, bool Acute, int SortOrder);

/// <param name="Services">The agency's services, and <paramref name="Coverage"/> their entries in <see cref="DirectorySnapshot.CoverageByRegion"/>: what a change to the agency replaces together.</param>
public sealed record SnapshotAgency(
    string Id, string Name, string Kind, string RegionKey, string? City, string? Website, bool Sample,
    IReadOnlyList<string> Languages, IReadOnlyList<SnapshotContact> Contacts,
    IReadOnlyList<SnapshotService> Services, IReadOnlyList<CoverageEntry> Coverage);

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
