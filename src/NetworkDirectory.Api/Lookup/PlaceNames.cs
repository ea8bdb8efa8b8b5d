using System.Globalization;
using System.Text;

namespace NetworkDirectory.Api.Lookup;

/// <summary>
/// The place-name search of the lookup (<c>q=</c>): names are compared in one normal form (Unicode
/// NFC, lower case, ß → ss, ä/ö/ü → ae/oe/ue, "St." → "Sankt"), so that "Muenchen", "münchen" typed
/// with a combining umlaut (NFD) and "MÜNCHEN" all find München. A leading "Landkreis", "Kreis" or
/// "Stadt" is optional and prefers regions of that kind. Ranked: the exact name (of the kind asked
/// for first), then official names that continue it with a word ("Halle (Saale)", "Offenbach am
/// Main"), then the other names that begin with it ("Hallenberg"); within a rank by name, level, key.
/// </summary>
public sealed class PlaceNames
{
    private readonly (SnapshotRegion Region, string Name)[] _places;

    private PlaceNames((SnapshotRegion, string)[] places) => _places = places;

    /// <summary>The Gemeinden, Kreise and Länder of a snapshot with their names in normal form (built once per set of regions).</summary>
    public static PlaceNames Of(IEnumerable<SnapshotRegion> regions) => new(regions
        .Where(r => r.Level is "gemeinde" or "kreis" or "land")
        .Select(r => (r, Normalize(r.Name)))
        .ToArray());

    /// <summary>The best <paramref name="take"/> matches, and how many regions match in all.</summary>
    public (IReadOnlyList<SnapshotRegion> Matches, int Total) Search(string query, int take)
    {
        var full = Normalize(query);
        var (name, kind) = WithoutKind(full);
        var ranked = new List<(SnapshotRegion Region, int Rank)>();
        foreach (var (region, normalized) in _places)
        {
            // The full text too: "Stadt Wehlen" and "Stadtallendorf" are official names.
            var rank = Rank(normalized, full);
            if (kind is not null && Rank(normalized, name) is { } withoutKind)
            {
                withoutKind = withoutKind == 0 && !IsOfKind(region, kind) ? 1 : withoutKind;
                rank = rank is null ? withoutKind : Math.Min(rank.Value, withoutKind);
            }
            if (rank is { } found)
            {
                ranked.Add((region, found));
            }
        }
        var best = ranked
            .OrderBy(m => m.Rank)
            .ThenBy(m => m.Region.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(m => ServiceMatcher.SpecificityOf(m.Region.Level) * -1)
            .ThenBy(m => m.Region.Key, StringComparer.Ordinal)
            .Take(take)
            .Select(m => m.Region)
            .ToList();
        return (best, ranked.Count);
    }

    /// <summary>0 the same name, 2 the name followed by more words, 3 a longer name; null no match (1 is an exact name of another kind).</summary>
    private static int? Rank(string candidate, string query)
    {
        if (!candidate.StartsWith(query, StringComparison.Ordinal))
        {
            return null;
        }
        if (candidate.Length == query.Length)
        {
            return 0;
        }
        return char.IsLetterOrDigit(candidate[query.Length]) ? 3 : 2;
    }

    private static readonly (string Prefix, string Kind)[] Kinds =
        [("landkreis ", "landkreis"), ("kreis ", "kreis"), ("stadt ", "stadt"), ("kreisfreie stadt ", "stadt")];

    /// <summary>The name without a leading kind ("landkreis münchen" → "münchen", "landkreis"); a bare kind stays a name.</summary>
    private static (string Name, string? Kind) WithoutKind(string query)
    {
        foreach (var (prefix, kind) in Kinds.OrderByDescending(k => k.Prefix.Length))
        {
            if (query.Length > prefix.Length && query.StartsWith(prefix, StringComparison.Ordinal))
            {
                return (query[prefix.Length..], kind);
            }
        }
        return (query, null);
    }

    private static bool IsOfKind(SnapshotRegion region, string kind)
    {
        var designation = region.Designation ?? "";
        return kind switch
        {
            // BKG's BEZ: Landkreis, Kreis (NRW, SH), Kreisfreie Stadt, Stadtkreis (BW), Stadt, Gemeinde, ...
            "landkreis" => region.Level == "kreis" && designation is "Landkreis" or "Kreis",
            "kreis" => region.Level == "kreis",
            _ => designation.Contains("Stadt", StringComparison.OrdinalIgnoreCase),
        };
    }

    /// <summary>The one form names are compared in: NFC, lower case, umlauts and ß spelt out, "st." as "sankt", single spaces.</summary>
    public static string Normalize(string text)
    {
        var lower = text.Normalize(NormalizationForm.FormC).ToLower(CultureInfo.InvariantCulture);
        var builder = new StringBuilder(lower.Length + 8);
        foreach (var c in lower)
        {
            switch (c)
            {
                case 'ä': builder.Append("ae"); break;
                case 'ö': builder.Append("oe"); break;
                case 'ü': builder.Append("ue"); break;
                case 'ß': builder.Append("ss"); break;
                case var space when char.IsWhiteSpace(space):
                    if (builder.Length > 0 && builder[^1] != ' ') builder.Append(' ');
                    break;
                default: builder.Append(c); break;
            }
        }
        var words = builder.ToString().Trim().Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            // "St. Ingbert", "St Ingbert" and "Sankt Ingbert" are the same name; "St.Ingbert" too (a bare "St" is a prefix: Stuttgart).
            if (words[i] is "st." || (words[i] is "st" && i < words.Length - 1))
            {
                words[i] = "sankt";
            }
            else if (words[i].StartsWith("st.", StringComparison.Ordinal) && words[i].Length > 3)
            {
                words[i] = "sankt " + words[i][3..];
            }
        }
        return string.Join(' ', words);
    }
}
