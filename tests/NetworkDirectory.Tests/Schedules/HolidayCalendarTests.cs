using NetworkDirectory.Api.Schedules;

namespace NetworkDirectory.Tests.Schedules;

public class HolidayCalendarTests
{
    private static readonly HolidayCalendar Calendar = new(TestSchedules.ShippedRules);
    private static readonly string[] AllLands = Enumerable.Range(1, 16).Select(n => n.ToString("00", System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    [Theory]
    // Heilige Drei Könige: BW, BY, ST only
    [InlineData("2025-01-06", "09", true)] [InlineData("2025-01-06", "08", true)] [InlineData("2025-01-06", "15", true)]
    [InlineData("2025-01-06", "02", false)] [InlineData("2026-01-06", "09", true)] [InlineData("2026-01-06", "02", false)]
    // Frauentag: BE, and MV since 2023
    [InlineData("2025-03-08", "11", true)] [InlineData("2026-03-08", "11", true)] [InlineData("2025-03-08", "13", true)]
    [InlineData("2026-03-08", "13", true)] [InlineData("2026-03-08", "12", false)] [InlineData("2026-03-08", "09", false)]
    // Berlin's one-off Tag der Befreiung (80th anniversary)
    [InlineData("2025-05-08", "11", true)] [InlineData("2025-05-08", "12", false)] [InlineData("2026-05-08", "11", false)]
    // Fronleichnam
    [InlineData("2026-06-04", "09", true)] [InlineData("2026-06-04", "08", true)] [InlineData("2026-06-04", "06", true)]
    [InlineData("2026-06-04", "05", true)] [InlineData("2026-06-04", "07", true)] [InlineData("2026-06-04", "10", true)]
    [InlineData("2026-06-04", "02", false)] [InlineData("2026-06-04", "11", false)] [InlineData("2025-06-19", "09", true)]
    // Augsburger Hohes Friedensfest: city of Augsburg only, by Gemeinde or Kreis key
    [InlineData("2025-08-08", "09761000", true)] [InlineData("2025-08-08", "09761", true)] [InlineData("2026-08-08", "09761000", true)]
    [InlineData("2025-08-08", "09162", false)] [InlineData("2025-08-08", "09162000", false)] [InlineData("2025-08-08", "09", false)]
    [InlineData("2025-08-08", "09772", false)]
    // Mariä Himmelfahrt: Bavarian Gemeinden with a Catholic majority (Oberbayern by prefix 091; Nürnberg not;
    // an unknown Gemeinde or a Kreis/Land seat by the default, a holiday) and all of Saarland
    [InlineData("2025-08-15", "09162000", true)] [InlineData("2025-08-15", "09162", true)] [InlineData("2025-08-15", "09189123", true)]
    [InlineData("2025-08-15", "09564000", false)] [InlineData("2025-08-15", "09564", false)] [InlineData("2025-08-15", "09562000", false)]
    [InlineData("2025-08-15", "09574", true)] [InlineData("2025-08-15", "09", true)] [InlineData("2025-08-15", "09761000", true)]
    [InlineData("2025-08-15", "10", true)] [InlineData("2025-08-15", "08", false)]
    // Fronleichnam in Sachsen and Thüringen: only in named Gemeinden (Crostwitz yes, Dresden and Erfurt no; Bautzen Kreis and the Eichsfeld by the default)
    [InlineData("2025-06-19", "14625080", true)] [InlineData("2025-06-19", "14612000", false)] [InlineData("2025-06-19", "14625", true)]
    [InlineData("2025-06-19", "14", true)] [InlineData("2025-06-19", "16051000", false)] [InlineData("2025-06-19", "16061", true)]
    [InlineData("2025-06-19", "15", false)]
    // Weltkindertag: Thüringen
    [InlineData("2025-09-20", "16", true)] [InlineData("2026-09-20", "16", true)] [InlineData("2026-09-20", "14", false)]
    // Reformationstag
    [InlineData("2025-10-31", "02", true)] [InlineData("2025-10-31", "14", true)] [InlineData("2025-10-31", "16", true)]
    [InlineData("2025-10-31", "12", true)] [InlineData("2025-10-31", "13", true)] [InlineData("2026-10-31", "03", true)]
    [InlineData("2026-10-31", "01", true)] [InlineData("2026-10-31", "04", true)] [InlineData("2026-10-31", "15", true)]
    [InlineData("2025-10-31", "09", false)] [InlineData("2026-10-31", "09", false)] [InlineData("2026-10-31", "05", false)]
    // Allerheiligen via Kreis keys: Köln (NW) yes, Region Hannover (NI) no
    [InlineData("2025-11-01", "05315", true)] [InlineData("2025-11-01", "03241", false)]
    // Buß- und Bettag: Sachsen only
    [InlineData("2025-11-19", "14", true)] [InlineData("2026-11-18", "14", true)] [InlineData("2025-11-19", "09", false)]
    [InlineData("2026-11-18", "11", false)]
    // Nationwide
    [InlineData("2025-10-03", "DE", true)] [InlineData("2025-10-03", null, true)] [InlineData("2026-06-04", "DE", false)]
    [InlineData("2026-04-07", "09", false)]
    public void KnowsTheHolidaysOfEachLand(string date, string? regionKey, bool expected)
    {
        Assert.Equal(expected, Calendar.IsHoliday(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), regionKey, out var name));
        Assert.Equal(expected, name is not null);
    }

    [Fact]
    public void EasterMondayIsAHolidayEverywhere()
    {
        foreach (var key in AllLands.Append("DE"))
        {
            Assert.True(Calendar.IsHoliday(new DateOnly(2026, 4, 6), key, out var name), key);
            Assert.Equal("Ostermontag", name);
        }
    }

    [Theory]
    [InlineData("2025-10-03", "DE", "Tag der Deutschen Einheit")]
    [InlineData("2025-08-08", "09761000", "Augsburger Hohes Friedensfest (8 August: Augsburger Hohes Friedensfest is a holiday only in the city of Augsburg; the holiday list counts this place in)")]
    [InlineData("2025-08-15", "09574", "Mariä Himmelfahrt (15 August: Mariä Himmelfahrt is a holiday only in Gemeinden with more Catholic than Protestant residents (as determined by the Bayerisches Landesamt für Statistik); the seat's Gemeinde is not known, so it is assumed to be one)")]
    [InlineData("2025-06-19", "14625999", "Fronleichnam (19 June: Fronleichnam is a holiday only in the Gemeinden named by the Saxon Fronleichnam regulation (Catholic Sorbian Gemeinden in the Landkreise Bautzen and Görlitz); the holiday list does not name this Gemeinde, so it is assumed to be one)")]
    [InlineData("2025-11-19", "14", "Buß- und Bettag")]
    [InlineData("2026-06-04", "09", "Fronleichnam")]
    [InlineData("2026-01-06", "08", "Heilige Drei Könige")]
    [InlineData("2026-03-08", "11", "Internationaler Frauentag")]
    [InlineData("2026-09-20", "16", "Weltkindertag")]
    [InlineData("2026-12-26", "05", "2. Weihnachtstag")]
    [InlineData("2025-05-08", "11", "Tag der Befreiung")]
    // PublicHoliday's own PublicHolidayNames throws for this year: two holidays on one date.
    [InlineData("2008-05-01", "DE", "Tag der Arbeit / Christi Himmelfahrt")]
    public void NamesHolidaysInGerman(string date, string regionKey, string expected)
    {
        Calendar.IsHoliday(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), regionKey, out var name);
        Assert.Equal(expected, name);
    }

    [Theory]
    [InlineData("")] [InlineData("1")] [InlineData("00")] [InlineData("17")] [InlineData("x9")] [InlineData("de")]
    public void RejectsKeysOutsideGermany(string regionKey) =>
        Assert.Throws<ArgumentException>(() => Calendar.IsHoliday(new DateOnly(2026, 1, 1), regionKey, out _));

    [Fact]
    public void AnswersConsistentlyUnderConcurrentUse()
    {
        var calendar = new HolidayCalendar();
        var results = new bool[400];
        Parallel.For(0, results.Length, i =>
            results[i] = calendar.IsHoliday(new DateOnly(2000 + i % 40, 10, 3), AllLands[i % 16], out _));
        Assert.All(results, Assert.True);
    }
}
