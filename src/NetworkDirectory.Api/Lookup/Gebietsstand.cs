using System.Globalization;
using NetworkDirectory.Api.Geography;
using NetworkDirectory.Api.Regions;

namespace NetworkDirectory.Api.Lookup;

/// <summary>
/// What the location notes say about the Gebietsstand: which key an old key became, which levels of
/// a chain come from boundaries of different dates, and what is (not) imported for a key.
/// </summary>
internal static class Gebietsstand
{
    /// <summary>
    /// The key change that answers for <paramref name="key"/>, followed to its last successor: its own
    /// (16056 → 16063), or, for a key the directory does not hold, that of its nearest ancestor
    /// (16056123 → Kreis 16056 → 16063). Null when none applies.
    /// </summary>
    public static (RegionKeyChange Change, string Successor)? SuccessorOf(DirectorySnapshot snapshot, string key)
    {
        var from = snapshot.KeyChanges.ContainsKey(key) ? key
            : snapshot.Regions.ContainsKey(key) ? null
            : RegionKey.SelfAndAncestors(key).Skip(1).TakeWhile(k => !snapshot.Regions.ContainsKey(k) || snapshot.KeyChanges.ContainsKey(k))
                .FirstOrDefault(snapshot.KeyChanges.ContainsKey);
        if (from is null)
        {
            return null;
        }
        var change = snapshot.KeyChanges[from];
        var successor = change.NewKey;
        // A chain of mergers (A → B, later B → C); bounded, in case the table ever holds a cycle.
        for (var hops = 0; hops < 5 && snapshot.KeyChanges.TryGetValue(successor, out var next); hops++)
        {
            successor = next.NewKey;
        }
        return (change, successor);
    }

    public static string AnsweredForSuccessor(DirectorySnapshot snapshot, string key, RegionKeyChange change, string successor)
    {
        var boundaries = change.BoundaryDate is { } date ? $"the imported boundaries of {Format(date)}" : "the imported boundaries";
        var missing = change.OldKey == key
            ? $"Region {key} is not in {boundaries}"
            : $"Region {key} is not in the directory, and its {Level(change.Level)} {change.OldKey} is not in {boundaries}";
        var derived = change.DerivedFrom == "disappeared" ? "from its last boundary" : "from the Gemeinde keys";
        return $"{missing}: its area is part of {Name(snapshot, successor)} now (derived {derived} at the boundary import); answered for {successor}.";
    }

    /// <summary>Why a key that is not in the directory is answered for its enclosing regions, saying what is imported.</summary>
    public static string NotInDirectory(DirectorySnapshot snapshot, string key)
    {
        var level = RegionKey.LevelOf(key);
        return snapshot.BoundaryDates.TryGetValue(level, out var date)
            ? $"Region {key} is not in the imported {Level(level)} boundaries of {Format(date)}; answered for its enclosing regions."
            : $"Region {key} is not in the directory, and no {Level(level)} boundaries are imported; answered for its enclosing regions.";
    }

    /// <summary>
    /// Notes for a chain whose levels come from boundaries of different dates (VG5000 2021 Gemeinden
    /// under VG1000 2024 Kreise), and for a Gemeinde whose key names another Kreis than the one holding it.
    /// </summary>
    public static IEnumerable<string> ChainNotes(DirectorySnapshot snapshot, IReadOnlyList<SnapshotRegion> chain)
    {
        var dated = chain.Where(r => r.BoundaryDate is not null).ToList();
        if (dated.Select(r => r.BoundaryDate).Distinct().Count() > 1)
        {
            yield return "The regions come from boundaries of different Gebietsstände: " + string.Join("; ", dated
                .GroupBy(r => r.BoundaryDate!.Value)
                .Select(g => string.Join(", ", g.Select(r => $"{Level(r.Level)} {Name(r)}")) + $" as of {Format(g.Key)}")) + ".";
        }
        if (chain.FirstOrDefault(r => r.Level == "gemeinde") is { } gemeinde
            && chain.FirstOrDefault(r => r.Level == "kreis") is { } kreis
            && !gemeinde.Key.StartsWith(kreis.Key, StringComparison.Ordinal))
        {
            var named = gemeinde.Key[..5];
            yield return snapshot.KeyChanges.TryGetValue(named, out var change) && change.NewKey == kreis.Key
                ? $"The key of Gemeinde {gemeinde.Key} names Kreis {named}, which is not in the imported Kreis boundaries" +
                  (change.BoundaryDate is { } date ? $" of {Format(date)}" : "") + $"; its area is part of {Name(kreis)} now."
                : $"The key of Gemeinde {gemeinde.Key} names Kreis {named}, but the imported Kreis boundaries put it in {Name(kreis)}.";
        }
    }

    private static string Name(DirectorySnapshot snapshot, string key) =>
        snapshot.Regions.TryGetValue(key, out var region) ? Name(region) : key;

    private static string Name(SnapshotRegion region) => $"{region.Name} ({region.Key})";

    private static string Level(string level) => level switch
    {
        "gemeinde" => "Gemeinde",
        "kreis" => "Kreis",
        "regierungsbezirk" => "Regierungsbezirk",
        "land" => "Land",
        _ => level,
    };

    private static string Format(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
}
