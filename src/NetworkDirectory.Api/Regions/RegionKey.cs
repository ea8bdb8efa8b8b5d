namespace NetworkDirectory.Api.Regions;

/// <summary>
/// Official region keys: "DE", Land (2 digits), Regierungsbezirk (3), Kreis (5), Gemeinde (8, AGS).
/// A 12-digit ARS is accepted and reduced to its AGS (the Gemeindeverband part is dropped).
/// Keys nest by prefix, which is what coverage matching relies on.
/// </summary>
public static class RegionKey
{
    public const string Country = "DE";

    public const string Description =
        "Official key: 'DE', Land (2 digits, '09'), Regierungsbezirk (3, '091'), Kreis (5, '09162') or Gemeinde (8-digit AGS, '09162000'); a 12-digit ARS is accepted.";

    public static bool TryNormalize(string? input, out string key)
    {
        key = "";
        var trimmed = input?.Trim() ?? "";
        if (trimmed.Equals(Country, StringComparison.OrdinalIgnoreCase))
        {
            key = Country;
            return true;
        }
        if (trimmed.Length is not (2 or 3 or 5 or 8 or 12) || !trimmed.All(char.IsAsciiDigit))
        {
            return false;
        }
        key = trimmed.Length == 12 ? trimmed[..5] + trimmed[9..] : trimmed;
        return true;
    }

    public static string Invalid(string? input) =>
        $"'{input}' is not a region key. Use 'DE', a 2-digit Land, 3-digit Regierungsbezirk, 5-digit Kreis or 8-digit Gemeinde key (AGS), or a 12-digit ARS.";

    public static string LevelOf(string key) => key.Length switch
    {
        2 when key == Country => "country",
        2 => "land",
        3 => "regierungsbezirk",
        5 => "kreis",
        8 => "gemeinde",
        _ => "unknown",
    };

    /// <summary>The key itself and every key that contains it: 09162000 → 09162000, 09162, 091, 09, DE.</summary>
    public static IReadOnlyList<string> SelfAndAncestors(string key)
    {
        if (key == Country)
        {
            return [Country];
        }
        var result = new List<string> { key };
        foreach (var length in new[] { 5, 3, 2 })
        {
            if (key.Length > length)
            {
                result.Add(key[..length]);
            }
        }
        result.Add(Country);
        return result;
    }

    /// <summary>True when one of the two keys contains the other (or they are equal): 09 and 09162, DE and anything.</summary>
    public static bool Nested(string a, string b) =>
        a == Country || b == Country || a.StartsWith(b, StringComparison.Ordinal) || b.StartsWith(a, StringComparison.Ordinal);
}
