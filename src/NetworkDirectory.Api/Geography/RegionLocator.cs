using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;

namespace NetworkDirectory.Api.Geography;

/// <summary>A boundary to index: an official key, its level and its (multi)polygon in WGS84.</summary>
public sealed record RegionBoundary(string Key, string Level, Geometry Geometry);

/// <summary>
/// Point → official regions, one index per level: an <see cref="EnvelopeGrid"/> of the regions'
/// bounding boxes in front of per-region <see cref="IndexedPointInAreaLocator"/>s (NTS's pattern
/// with an STRtree; the grid answers the box query in one cell read). Immutable after construction and
/// safe for concurrent queries (every locator's index is built eagerly here, not lazily on a
/// query thread); a new boundary set builds a new instance that <see cref="RegionIndex"/> swaps in.
/// <para>Border rule: a point on a boundary counts as inside; when it lies in (or on the border of)
/// several regions of one level, the smallest key wins, so the answer is deterministic.</para>
/// <para>Levels above a located Kreis are not located again: a Kreis key begins with the keys of its
/// Land (two digits) and Regierungsbezirk (three), and a Kreis never crosses their borders, so when
/// that region is loaded it is taken from the key. Gemeinde and Kreis are each located, since sets
/// of different years disagree about which Kreis a Gemeinde key belongs to.</para>
/// </summary>
public sealed class RegionLocator
{
    /// <summary>Most specific first.</summary>
    public static readonly string[] Levels = ["gemeinde", "kreis", "regierungsbezirk", "land"];

    private readonly (string Level, Level Index)[] _levels;

    /// <summary>Keys loaded at the levels that can be taken from a Kreis key.</summary>
    private readonly HashSet<string> _aboveKreis;

    private sealed record Entry(string Key, IndexedPointInAreaLocator Locator, Envelope Box);

    /// <summary>One level's regions in ascending key order and the grid over their boxes.</summary>
    private sealed record Level(Entry[] Entries, EnvelopeGrid Grid);

    public RegionLocator(IEnumerable<RegionBoundary> boundaries, DateOnly? boundaryDate)
    {
        BoundaryDate = boundaryDate;
        var all = boundaries as IReadOnlyList<RegionBoundary> ?? boundaries.ToList();

        // Building the locators' segment indexes is most of the start-up time (11k regions): each
        // region's index is independent, so they are built in parallel. Every slot is written by one
        // worker, and Parallel.For returns only after all of them finished, so the levels below see
        // fully built locators; nothing changes after this constructor.
        var entries = new Entry[all.Count];
        Parallel.For(0, all.Count, i =>
        {
            if (!Levels.Contains(all[i].Level))
            {
                return;
            }
            var geometry = all[i].Geometry;
            var locator = new IndexedPointInAreaLocator(geometry);
            locator.Locate(geometry.EnvelopeInternal.Centre); // builds the index now
            entries[i] = new Entry(all[i].Key, locator, geometry.EnvelopeInternal);
        });

        _levels = Levels.Select(level =>
        {
            var ofLevel = Enumerable.Range(0, all.Count).Where(i => entries[i] is not null && all[i].Level == level).Select(i => entries[i]).ToArray();
            Array.Sort(ofLevel, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
            return (level, new Level(ofLevel, new EnvelopeGrid(ofLevel.Select(e => e.Box).ToArray())));
        }).Where(l => l.Item2.Entries.Length > 0).ToArray();
        _aboveKreis = all.Where(b => b.Level is "regierungsbezirk" or "land").Select(b => b.Key).ToHashSet(StringComparer.Ordinal);
        Count = all.Count;
        LevelsLoaded = _levels.Select(l => l.Level).ToArray();
    }

    public int Count { get; }

    public IReadOnlyList<string> LevelsLoaded { get; }

    public DateOnly? BoundaryDate { get; }

    /// <summary>The key of the containing region at each loaded level, most specific first; empty outside every region.</summary>
    public IReadOnlyList<string> Locate(double latitude, double longitude)
    {
        var coordinate = Geo.Coordinate(latitude, longitude);
        var keys = new List<string>(_levels.Length);
        string? kreis = null;
        foreach (var (level, index) in _levels)
        {
            if (kreis is not null && FromKreisKey(kreis, level) is { } parent)
            {
                keys.Add(parent);
            }
            else if (Locate(index, coordinate) is { } key)
            {
                keys.Add(key);
                kreis = level == "kreis" ? key : kreis;
            }
        }
        return keys;
    }

    /// <summary>The containing region's key at one level, or null.</summary>
    public string? LocateAt(string level, double latitude, double longitude)
    {
        foreach (var (l, index) in _levels)
        {
            if (l == level)
            {
                return Locate(index, Geo.Coordinate(latitude, longitude));
            }
        }
        return null;
    }

    /// <summary>The loaded Regierungsbezirk or Land whose key the Kreis key begins with; null for other levels or when not loaded.</summary>
    private string? FromKreisKey(string kreis, string level)
    {
        var length = level switch { "land" => 2, "regierungsbezirk" => 3, _ => 0 };
        if (length == 0 || kreis.Length < length)
        {
            return null;
        }
        // Looked up by span: the stored key is returned, so no substring is made per lookup.
        return _aboveKreis.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(kreis.AsSpan(0, length), out var key) ? key : null;
    }

    private static string? Locate(Level level, Coordinate coordinate)
    {
        // The point-in-polygon tests are the expensive part: the grid gives the regions whose box
        // holds the point in ascending key order; the first that contains the point is the answer
        // under the border rule, and the larger keys need no test at all.
        var candidates = level.Grid.Query(coordinate.X, coordinate.Y);
        while (candidates.MoveNext())
        {
            var entry = level.Entries[candidates.Current];
            if (entry.Locator.Locate(coordinate) != Location.Exterior)
            {
                return entry.Key;
            }
        }
        return null;
    }
}
