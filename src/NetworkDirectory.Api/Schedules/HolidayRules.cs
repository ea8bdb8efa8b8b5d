using System.Globalization;
using PublicHoliday;

namespace NetworkDirectory.Api.Schedules;

/// <summary>
/// A public holiday that holds only in some Gemeinden of one Land (Mariä Himmelfahrt in Bayern,
/// Fronleichnam in parts of Sachsen and Thüringen, the Augsburger Friedensfest), with the official
/// key prefixes it is known for. Stored in holiday_rules / holiday_rule_keys; an admin replaces the
/// list with PUT /v1/admin/holiday-rules/{code}.
/// </summary>
/// <param name="DateRule">'MM-DD' for a fixed date, 'easter+N' for one N days after Easter Sunday (Fronleichnam: easter+60).</param>
/// <param name="AppliesWhere">Completes "a holiday only in …", e.g. "Gemeinden with more Catholic than Protestant residents".</param>
/// <param name="DefaultHoliday">What a key without an entry assumes (a Land or Kreis key, or a Gemeinde the list does not name).</param>
public sealed record HolidayRule(
    string Code, string Name, string LandKey, string DateRule, string AppliesWhere, bool DefaultHoliday, IReadOnlyList<HolidayRuleEntry> Entries)
{
    public DateOnly DateIn(int year)
    {
        if (DateRule.StartsWith("easter+", StringComparison.Ordinal)
            && int.TryParse(DateRule.AsSpan(7), NumberStyles.None, CultureInfo.InvariantCulture, out var days))
        {
            return DateOnly.FromDateTime(GermanPublicHoliday.EasterSunday(year)).AddDays(days);
        }
        return DateOnly.ParseExact(string.Create(CultureInfo.InvariantCulture, $"{year:0000}-{DateRule}"), "yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    public static bool IsValidDateRule(string rule) =>
        rule.StartsWith("easter+", StringComparison.Ordinal)
            ? int.TryParse(rule.AsSpan(7), NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days <= 100
            : DateOnly.TryParseExact($"2024-{rule}", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    /// <summary>
    /// What the rule says for a region key: the entry with the longest prefix of the key decides; a
    /// key no entry is a prefix of is unknown and takes <see cref="DefaultHoliday"/>. Null when the
    /// key is not in the rule's Land.
    /// </summary>
    public HolidayRuleOutcome? OutcomeFor(string regionKey)
    {
        if (!regionKey.StartsWith(LandKey, StringComparison.Ordinal))
        {
            return null;
        }
        HolidayRuleEntry? best = null;
        foreach (var entry in Entries)
        {
            if (regionKey.StartsWith(entry.KeyPrefix, StringComparison.Ordinal) && (best is null || entry.KeyPrefix.Length > best.KeyPrefix.Length))
            {
                best = entry;
            }
        }
        if (best is not null)
        {
            return best.Holiday ? HolidayRuleOutcome.Holiday : HolidayRuleOutcome.NotHoliday;
        }
        var gemeinde = regionKey.Length >= 8;
        return (DefaultHoliday, gemeinde) switch
        {
            (true, true) => HolidayRuleOutcome.AssumedHolidayUnlisted,
            (true, false) => HolidayRuleOutcome.AssumedHolidayNoGemeinde,
            (false, true) => HolidayRuleOutcome.AssumedNotHolidayUnlisted,
            (false, false) => HolidayRuleOutcome.AssumedNotHolidayNoGemeinde,
        };
    }

    /// <summary>What the answer says about the rule on its date: "15 August: Mariä Himmelfahrt is a holiday only in …; …".</summary>
    public string Note(DateOnly date, HolidayRuleOutcome outcome)
    {
        var head = $"{date.ToString("d MMMM", CultureInfo.InvariantCulture)}: {Name} is a holiday only in {AppliesWhere}";
        return outcome switch
        {
            HolidayRuleOutcome.Holiday => head + "; the holiday list counts this place in",
            HolidayRuleOutcome.NotHoliday => head + "; the holiday list counts this place out",
            HolidayRuleOutcome.AssumedHolidayNoGemeinde => head + "; the seat's Gemeinde is not known, so it is assumed to be one",
            HolidayRuleOutcome.AssumedHolidayUnlisted => head + "; the holiday list does not name this Gemeinde, so it is assumed to be one",
            HolidayRuleOutcome.AssumedNotHolidayNoGemeinde => head + "; the seat's Gemeinde is not known, so it is assumed not to be one",
            _ => head + "; the holiday list does not name this Gemeinde, so it is assumed not to be one",
        };
    }
}

/// <param name="KeyPrefix">An official key or its start: '091' (all of Oberbayern), '09564' (Nürnberg), '14625080' (Crostwitz).</param>
/// <param name="Source">Where the entry comes from, and how sure it is.</param>
public sealed record HolidayRuleEntry(string KeyPrefix, bool Holiday, string Source);

public enum HolidayRuleOutcome
{
    Holiday,
    NotHoliday,
    AssumedHolidayNoGemeinde,
    AssumedHolidayUnlisted,
    AssumedNotHolidayNoGemeinde,
    AssumedNotHolidayUnlisted,
}

/// <summary>All rules, as read together; immutable, replaced as a whole.</summary>
public sealed class HolidayRules(IReadOnlyList<HolidayRule> rules)
{
    public static readonly HolidayRules None = new([]);

    public IReadOnlyList<HolidayRule> All { get; } = rules;

    public IEnumerable<HolidayRule> InLand(string landKey) => All.Where(r => r.LandKey == landKey);
}
