using System.Collections.Concurrent;
using PublicHoliday;
using States = PublicHoliday.GermanPublicHoliday.States;

namespace NetworkDirectory.Api.Schedules;

/// <summary>
/// Public holidays (gesetzliche Feiertage) for a region key: 'DE' or null gives the nationwide
/// holidays only; a Land key ("01".."16") or any longer official key (Regierungsbezirk, Kreis,
/// Gemeinde) gives the holidays of its Land, computed by the PublicHoliday package, corrected by
/// the <see cref="HolidayRules"/> for holidays that hold only in some Gemeinden.
/// </summary>
/// <remarks>
/// <para>A rule's date is a holiday at a key when its longest matching entry says so; a key no entry
/// matches follows the rule's default, and the holiday's name then carries a note saying which
/// assumption was made (so does the reason of an answer on that date). Mariä Himmelfahrt, which
/// the package gives for all of Bayern, is decided by its rule alone.</para>
/// <para>Thread-safe: the holidays of a (year, outcome of the rules) are computed once and cached;
/// <see cref="Replace"/> swaps rules and caches in one step.</para>
/// </remarks>
public sealed class HolidayCalendar(HolidayRules rules)
{
    private const string Nationwide = "DE";

    private static readonly States[] LandStates =
    [
        States.SH, States.HH, States.NI, States.HB, States.NW, States.HE, States.RP, States.BW,
        States.BY, States.SL, States.BE, States.BB, States.MV, States.SN, States.ST, States.TH,
    ];

    /// <summary>A day on a scope's list: a holiday (with its name), or a rule's date that is not one here (with the note saying why).</summary>
    private readonly record struct Day(bool IsHoliday, string Text);

    private sealed class State(HolidayRules rules)
    {
        public HolidayRules Rules { get; } = rules;
        public ConcurrentDictionary<string, string> Scopes { get; } = new(StringComparer.Ordinal);
        public ConcurrentDictionary<(int Year, string Scope), IReadOnlyDictionary<DateOnly, Day>> Years { get; } = new();
    }

    private State _state = new(rules);

    /// <summary>Without regional rules: every Land-wide holiday only (for tools and tests that need no Gemeinde rules).</summary>
    public HolidayCalendar() : this(HolidayRules.None) { }

    public HolidayRules Rules => Volatile.Read(ref _state).Rules;

    /// <summary>Uses <paramref name="next"/> from now on (after an admin replaced a list, or when the directory is read).</summary>
    public void Replace(HolidayRules next) => Volatile.Write(ref _state, new State(next));

    /// <summary>True when <paramref name="date"/> is a public holiday at <paramref name="regionKey"/>; the name carries a rule's note, if any.</summary>
    /// <exception cref="ArgumentException">The key is neither 'DE' nor an official key of a Land.</exception>
    public bool IsHoliday(DateOnly date, string? regionKey, out string? name)
    {
        var found = Days(date.Year, regionKey).TryGetValue(date, out var day) && day.IsHoliday;
        name = found ? day.Text : null;
        return found;
    }

    /// <summary>For a date that a Gemeinde rule leaves a working day here: the note saying so; else null.</summary>
    public string? WorkingDayNote(DateOnly date, string? regionKey) =>
        Days(date.Year, regionKey).TryGetValue(date, out var day) && !day.IsHoliday ? day.Text : null;

    /// <summary>All public holidays of a year at a region key, with their German names.</summary>
    public IReadOnlyDictionary<DateOnly, string> HolidaysIn(int year, string? regionKey) =>
        Days(year, regionKey).Where(d => d.Value.IsHoliday).ToDictionary(d => d.Key, d => d.Value.Text);

    private IReadOnlyDictionary<DateOnly, Day> Days(int year, string? regionKey)
    {
        var state = Volatile.Read(ref _state);
        var scope = Scope(state, regionKey);
        return state.Years.GetOrAdd((year, scope), static (key, state) => Compute(key.Year, key.Scope, state.Rules), state);
    }

    /// <summary>
    /// The cache scope of a key: 'DE', or its Land key followed by the outcome of each of the Land's
    /// rules ("09:HN" — holiday by the first rule, not by the second), so keys that agree share one list.
    /// </summary>
    private static string Scope(State state, string? regionKey)
    {
        if (regionKey is null || regionKey == Nationwide)
        {
            return Nationwide;
        }
        if (state.Scopes.TryGetValue(regionKey, out var known))
        {
            return known;
        }
        if (regionKey.Length < 2 || !regionKey.All(char.IsAsciiDigit) || LandIndex(regionKey[..2]) is null)
        {
            throw new ArgumentException($"'{regionKey}' is not 'DE' or an official region key of a German Land.", nameof(regionKey));
        }
        var land = regionKey[..2];
        var outcomes = state.Rules.InLand(land).Select(r => (char)('a' + (int)r.OutcomeFor(regionKey)!.Value));
        var scope = land + ":" + string.Concat(outcomes);
        // Bounded by the directory's region keys; validated keys only.
        state.Scopes.TryAdd(regionKey, scope);
        return scope;
    }

    private static int? LandIndex(string landKey) =>
        int.TryParse(landKey, out var number) && number is >= 1 and <= 16 ? number - 1 : null;

    private static IReadOnlyDictionary<DateOnly, Day> Compute(int year, string scope, HolidayRules rules)
    {
        var state = scope == Nationwide ? States.ALL : LandStates[LandIndex(scope[..2])!.Value];
        // Dates come from the package; PublicHolidayNames is not used because it throws when two
        // holidays share a date (Christi Himmelfahrt on 1 May, as in 2008), so names are matched here.
        var holidays = new GermanPublicHoliday { State = state }.PublicHolidays(year)
            .Select(DateOnly.FromDateTime)
            .Distinct()
            .ToDictionary(date => date, date => new Day(true, NameOf(date)));
        if (scope == Nationwide)
        {
            return holidays;
        }
        var landRules = rules.InLand(scope[..2]).ToList();
        for (var i = 0; i < landRules.Count; i++)
        {
            var rule = landRules[i];
            var outcome = (HolidayRuleOutcome)(scope[3 + i] - 'a');
            var date = rule.DateIn(year);
            var note = rule.Note(date, outcome);
            var holiday = outcome is HolidayRuleOutcome.Holiday or HolidayRuleOutcome.AssumedHolidayNoGemeinde or HolidayRuleOutcome.AssumedHolidayUnlisted;
            if (holiday)
            {
                holidays[date] = new Day(true, $"{rule.Name} ({note})");
            }
            else if (!holidays.TryGetValue(date, out var other) || other.Text == rule.Name)
            {
                // The package's Land-wide date of this holiday (Mariä Himmelfahrt in Bayern) gives way to the rule.
                holidays[date] = new Day(false, note);
            }
        }
        return holidays;
    }

    private static readonly (Func<int, DateTime> Date, string Name)[] Names =
    [
        (GermanPublicHoliday.NewYear, "Neujahrstag"), (GermanPublicHoliday.Epiphany, "Heilige Drei Könige"),
        (GermanPublicHoliday.WomensDay, "Internationaler Frauentag"), (GermanPublicHoliday.GoodFriday, "Karfreitag"),
        (GermanPublicHoliday.EasterSunday, "Ostersonntag"), (GermanPublicHoliday.EasterMonday, "Ostermontag"),
        (GermanPublicHoliday.MayDay, "Tag der Arbeit"), (GermanPublicHoliday.LiberationDay, "Tag der Befreiung"),
        (GermanPublicHoliday.Ascension, "Christi Himmelfahrt"), (GermanPublicHoliday.PentecostSunday, "Pfingstsonntag"),
        (GermanPublicHoliday.PentecostMonday, "Pfingstmontag"), (GermanPublicHoliday.CorpusChristi, "Fronleichnam"),
        (GermanPublicHoliday.EastGermanUprisingMemorialDay, "Jahrestag des Volksaufstandes in der DDR"),
        (GermanPublicHoliday.Assumption, "Mariä Himmelfahrt"), (GermanPublicHoliday.WorldChildrensDay, "Weltkindertag"),
        (GermanPublicHoliday.GermanUnity, "Tag der Deutschen Einheit"), (GermanPublicHoliday.Reformation, "Reformationstag"),
        (GermanPublicHoliday.AllSaints, "Allerheiligen"), (GermanPublicHoliday.Repentance, "Buß- und Bettag"),
        (GermanPublicHoliday.Christmas, "1. Weihnachtstag"), (GermanPublicHoliday.StStephen, "2. Weihnachtstag"),
    ];

    private static string NameOf(DateOnly date)
    {
        var names = Names.Where(n => DateOnly.FromDateTime(n.Date(date.Year)) == date).Select(n => n.Name).ToList();
        return names.Count > 0 ? string.Join(" / ", names) : "Feiertag";
    }
}
