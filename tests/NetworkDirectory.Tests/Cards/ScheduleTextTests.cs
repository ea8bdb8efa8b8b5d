using NetworkDirectory.Api.Cards;
using NetworkDirectory.Api.Schedules;

namespace NetworkDirectory.Tests.Cards;

public sealed class ScheduleTextTests
{
    private static Schedule Weekly(bool closedOnHolidays, bool openOnHolidays, params ScheduleWindow[] windows) =>
        new("s", false, closedOnHolidays, null, null, null, windows, [], openOnHolidays);

    [Fact]
    public void OfficeHoursOnConsecutiveDaysAreJoined() =>
        Assert.Equal("Mo–Do 08:00–16:00, Fr 08:00–13:00; an Feiertagen geschlossen", ScheduleText.Describe(Weekly(true, false,
            [.. Enumerable.Range(1, 4).Select(d => ScheduleWindow.Parse(d, "08:00", d, "16:00")), ScheduleWindow.Parse(5, "08:00", 5, "13:00")]), german: true));

    [Fact]
    public void NightsEndTheNextMorningAndTheWeekendNamesItsEndDay() =>
        Assert.Equal("Mon–Thu 16:00–08:00, Fri 13:00–Mon 08:00; all day on public holidays", ScheduleText.Describe(Weekly(false, true,
            [.. Enumerable.Range(1, 4).Select(d => ScheduleWindow.Parse(d, "16:00", d + 1, "08:00")), ScheduleWindow.Parse(5, "13:00", 1, "08:00")]), german: false));

    [Fact]
    public void AlwaysOpenWithValidityReadsAsSuch() =>
        Assert.Equal("rund um die Uhr; gültig 01.11.2026–31.03.2027", ScheduleText.Describe(
            new Schedule("s", true, false, null, new DateOnly(2026, 11, 1), new DateOnly(2027, 3, 31), [], []), german: true));

    [Fact]
    public void EveningsUntilMidnightEveryDay() =>
        Assert.Equal("Mo–So 18:00–24:00", ScheduleText.Describe(Weekly(false, false,
            [.. Enumerable.Range(1, 7).Select(d => ScheduleWindow.Parse(d, "18:00", d, "24:00"))]), german: true));
}
