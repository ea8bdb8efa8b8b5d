using NetworkDirectory.Api.Geography;
using NetworkDirectory.Api.Regions;

namespace NetworkDirectory.Api.Lookup;

/// <summary>Turns one of the four location forms into official regions.</summary>
public sealed class PlaceResolver(IPointLocator points, IPostalCodeDirectory postalCodes)
{
    public const int MaxCandidates = 10;

    public bool BoundariesLoaded => points.IsLoaded;
    public bool PostalCodesLoaded => postalCodes.IsLoaded;

    /// <summary>The chain for a key: the key, then its parents, ending with 'DE'. Unknown keys keep their known ancestors.</summary>
    public static IReadOnlyList<SnapshotRegion> ChainFor(DirectorySnapshot snapshot, string key)
    {
        var chain = new List<SnapshotRegion>();
        if (snapshot.Regions.TryGetValue(key, out var region))
        {
            for (var current = region; current is not null && chain.Count < 8;
                 current = current.ParentKey is { } parent && snapshot.Regions.TryGetValue(parent, out var next) ? next : null)
            {
                chain.Add(current);
            }
        }
        else
        {
            chain.AddRange(RegionKey.SelfAndAncestors(key).Skip(1)
                .Select(k => snapshot.Regions.TryGetValue(k, out var known) ? known : null)
                .OfType<SnapshotRegion>());
        }
        if (chain.Count == 0 || chain[^1].Key != RegionKey.Country)
        {
            chain.Add(snapshot.Regions.TryGetValue(RegionKey.Country, out var de) ? de : new SnapshotRegion("DE", "country", "Deutschland", null, null, null));
        }
        return chain;
    }

    public (ResolvedPlace Place, LocationAnswer Answer)? FromPoint(DirectorySnapshot snapshot, double latitude, double longitude)
    {
        var keys = points.Locate(latitude, longitude);
        if (keys is null || keys.Count == 0)
        {
            return null;
        }
        // Each level was located on its own (boundary sets of different years may disagree about
        // parents, e.g. VG5000 2021 Gemeinden under Kreis 16056 that VG1000 2024 merged into 16063):
        // the located keys win, parents only fill the levels that were not located.
        var chain = new List<SnapshotRegion>(6);
        foreach (var key in keys)
        {
            if (snapshot.Regions.TryGetValue(key, out var region))
            {
                AddLevel(chain, region);
            }
        }
        foreach (var key in keys)
        {
            foreach (var region in ChainFor(snapshot, key))
            {
                AddLevel(chain, region);
            }
        }
        // One region per level and one specificity per level (the schema allows five levels), so the order is total.
        chain.Sort(static (a, b) => ServiceMatcher.SpecificityOf(b.Level).CompareTo(ServiceMatcher.SpecificityOf(a.Level)));
        var place = new ResolvedPlace(chain, (latitude, longitude));
        return (place, new LocationAnswer("coordinates", Refs(chain), points.BoundaryDate, [], 0, false, false, points.Attribution,
            Gebietsstand.ChainNotes(snapshot, chain).ToList()));
    }

    /// <summary>Adds the region unless the chain already has one of its level (the first one of a level wins).</summary>
    private static void AddLevel(List<SnapshotRegion> chain, SnapshotRegion region)
    {
        foreach (var existing in chain)
        {
            if (existing.Level == region.Level)
            {
                return;
            }
        }
        chain.Add(region);
    }

    /// <summary>The chain for a key; an old key (see <see cref="Gebietsstand.SuccessorOf"/>) is answered for its successor, with a note.</summary>
    public (ResolvedPlace Place, LocationAnswer Answer) FromRegionKey(DirectorySnapshot snapshot, string key)
    {
        var notes = new List<string>();
        var answeredFor = key;
        if (Gebietsstand.SuccessorOf(snapshot, key) is var (change, successor))
        {
            notes.Add(Gebietsstand.AnsweredForSuccessor(snapshot, key, change, successor));
            answeredFor = successor;
        }
        else if (!snapshot.Regions.ContainsKey(key))
        {
            notes.Add(Gebietsstand.NotInDirectory(snapshot, key));
        }
        var chain = ChainFor(snapshot, answeredFor);
        notes.AddRange(Gebietsstand.ChainNotes(snapshot, chain));
        return (new ResolvedPlace(chain, null), new LocationAnswer("regionKey", Refs(chain), null, [], 0, false, false, points.Attribution, notes));
    }

    /// <summary>Candidates for a postal code, largest share first, at most <see cref="MaxCandidates"/>, and how many there are; empty when unknown.</summary>
    public (IReadOnlyList<PlaceCandidate> Candidates, int Total) PostalCodeCandidates(DirectorySnapshot snapshot, string postalCode)
    {
        var all = postalCodes.Candidates(postalCode);
        return (all.Take(MaxCandidates).Select(c => Candidate(snapshot, c.RegionKey, c.Share)).ToList(), all.Count);
    }

    /// <summary>Gemeinden, Kreise and Länder whose name matches, best first (see <see cref="PlaceNames"/>), and how many match in all.</summary>
    public static (IReadOnlyList<PlaceCandidate> Candidates, int Total) NameCandidates(DirectorySnapshot snapshot, string name)
    {
        var (matches, total) = snapshot.Names.Search(name, MaxCandidates);
        return (matches.Select(r => new PlaceCandidate(r.Key, Label(r), r.Level, 1.0 / matches.Count)).ToList(), total);
    }

    public static (ResolvedPlace Place, LocationAnswer Answer) FromCandidates(
        DirectorySnapshot snapshot, string input, IReadOnlyList<PlaceCandidate> candidates, int total, IReadOnlyList<string> attribution)
    {
        var chain = ChainFor(snapshot, candidates[0].RegionKey);
        var notes = new List<string>();
        if (total > 1)
        {
            notes.Add((total > candidates.Count ? $"{total} regions match, the first {candidates.Count} are listed" : $"{total} regions match") +
                      $"; the answer is for {candidates[0].Name} ({candidates[0].RegionKey}). Ask again with regionKey to choose another.");
        }
        notes.AddRange(Gebietsstand.ChainNotes(snapshot, chain));
        return (new ResolvedPlace(chain, null),
            new LocationAnswer(input, Refs(chain), null, candidates, total, total > candidates.Count, candidates.Count > 1, attribution, notes));
    }

    /// <summary>Region keys and names come from the imported boundaries: their source note goes with every answer that shows them.</summary>
    public IReadOnlyList<string> BoundaryAttribution => points.Attribution;

    /// <summary>A postal-code answer shows the table's places and, located in the boundaries, their regions.</summary>
    public IReadOnlyList<string> PostalCodeAttribution
    {
        get
        {
            // One list for as long as both sources stay the same, so that its JSON is written once.
            var current = Volatile.Read(ref _postalCodeAttribution);
            if (current is null || !ReferenceEquals(current.Table, postalCodes.Attribution) || !ReferenceEquals(current.Boundaries, points.Attribution))
            {
                current = new CombinedAttribution(postalCodes.Attribution, points.Attribution, [.. postalCodes.Attribution, .. points.Attribution]);
                Volatile.Write(ref _postalCodeAttribution, current);
            }
            return current.Both;
        }
    }

    private sealed record CombinedAttribution(IReadOnlyList<string> Table, IReadOnlyList<string> Boundaries, IReadOnlyList<string> Both);

    private CombinedAttribution? _postalCodeAttribution;

    private static PlaceCandidate Candidate(DirectorySnapshot snapshot, string key, double share) =>
        snapshot.Regions.TryGetValue(key, out var region)
            ? new PlaceCandidate(key, Label(region), region.Level, share)
            : new PlaceCandidate(key, key, RegionKey.LevelOf(key), share);

    private static string Label(SnapshotRegion region) =>
        region.Designation is { Length: > 0 } designation ? $"{region.Name} ({designation})" : region.Name;

    private static RegionRef[] Refs(IReadOnlyList<SnapshotRegion> chain)
    {
        var refs = new RegionRef[chain.Count];
        for (var i = 0; i < refs.Length; i++)
        {
            refs[i] = chain[i].Ref;
        }
        return refs;
    }
}
