using System.Collections.Concurrent;
using PublicHoliday;
using States = PublicHoliday.GermanPublicHoliday.States;

namespace NetworkDirectory.Api.Schedules;

/// <summary>
/// Public holidays (gesetzliche Feiertage) for a region key: 'DE' or null gives the nationwide
/// holidays only; a Land key ("01".."16") or any longer official key (Regierungsbezirk, Kreis,
/// Gemeinde) gives the holidays of its Land, computed by the PublicHoliday package. The city of
/// Augsburg (keys starting with 09761) adds the Augsburger Hohes Friedensfest on 8 August.
/// </summary>
/// <remarks>
/// <para>Mariä Himmelfahrt (15 August) is by law a holiday in Bavaria only in Gemeinden with a
/// Catholic majority (about 1,700 of 2,056, including München and Augsburg). We follow the
/// package and treat it as a holiday in all of Bavaria: an office wrongly shown closed is the
/// safer error, since the on-call service answers then. The same simplification applies to
/// Fronleichnam, which is also a holiday in some Gemeinden of Sachsen (around Bautzen) and
/// Thüringen (Eichsfeld) but is not returned for those Länder.</para>
/// <para>Thread-safe: the holidays of a (year, scope) are computed once and cached.</para>
/// </remarks>
public sealed class HolidayCalendar
{
    private const string Nationwide = "DE";
    private const string AugsburgKreis = "09761";

    private static readonly States[] LandStates =
    [
        States.SH, States.HH, States.NI, States.HB, States.NW, States.HE, States.RP, States.BW,
        States.BY, States.SL, States.BE, States.BB, States.MV, States.SN, States.ST, States.TH,
    ];

    private readonly ConcurrentDictionary<(int Year, string Scope), IReadOnlyDictionary<DateOnly, string>> _cache = new();

    /// <summary>True when <paramref name="date"/> is a public holiday at <paramref name="regionKey"/>.</summary>
    /// <exception cref="ArgumentException">The key is neither 'DE' nor an official key of a Land.</exception>
    public bool IsHoliday(DateOnly date, string? regionKey, out string? name)
    {
        var found = HolidaysIn(date.Year, regionKey).TryGetValue(date, out var holiday);
        name = holiday;
        return found;
    }

    /// <summary>All public holidays of a year at a region key, with their German names.</summary>
    public IReadOnlyDictionary<DateOnly, string> HolidaysIn(int year, string? regionKey) =>
        _cache.GetOrAdd((year, Scope(regionKey)), static key => Compute(key.Year, key.Scope));

    /// <summary>The cache scope of a key: 'DE', a Land key, or the Augsburg Kreis key.</summary>
    private static string Scope(string? regionKey)
    {
        if (regionKey is null || regionKey == Nationwide)
        {
            return Nationwide;
        }
        if (regionKey.Length < 2 || !regionKey.All(char.IsAsciiDigit) || LandIndex(regionKey[..2]) is null)
        {
            throw new ArgumentException($"'{regionKey}' is not 'DE' or an official region key of a German Land.", nameof(regionKey));
        }
        return regionKey.StartsWith(AugsburgKreis, StringComparison.Ordinal) ? AugsburgKreis : regionKey[..2];
    }

    private static int? LandIndex(string landKey) =>
        int.TryParse(landKey, out var number) && number is >= 1 and <= 16 ? number - 1 : null;

    private static IReadOnlyDictionary<DateOnly, string> Compute(int year, string scope)
    {
        var state = scope == Nationwide ? States.ALL : LandStates[LandIndex(scope[..2])!.Value];
        // Dates come from the package; PublicHolidayNames is not used because it throws when two
        // holidays share a date (Christi Himmelfahrt on 1 May, as in 2008), so names are matched here.
        var holidays = new GermanPublicHoliday { State = state }.PublicHolidays(year)
            .Select(DateOnly.FromDateTime)
            .Distinct()
            .ToDictionary(date => date, date => NameOf(date));
        if (scope == AugsburgKreis)
        {
            // Augsburgisches Friedensfest, a statutory holiday in the city of Augsburg only (BayFTG Art. 1 Abs. 2).
            holidays[new DateOnly(year, 8, 8)] = "Augsburger Hohes Friedensfest";
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
