using System.Globalization;
using NetworkDirectory.Api.Schedules;

namespace NetworkDirectory.Api.Cards;

/// <summary>
/// A schedule as a person reads it on paper: "Mo–Do 08:00–16:00, Fr 08:00–13:00; an Feiertagen geschlossen".
/// Windows with the same times on consecutive days are joined ("Mo–Do"); a window that ends the next
/// morning reads "16:00–08:00", one that ends days later names its end day ("Fr 13:00–Mo 08:00").
/// Date exceptions (Heiligabend closed) are left out: a sheet is printed and kept for months, the list would
/// not fit, and the sheet's footer points to the lookup for the hours of a given day.
/// </summary>
public static class ScheduleText
{
    private static readonly string[] DaysDe = ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"];

    public static string Describe(Schedule schedule, bool german)
    {
        var parts = new List<string>
        {
            schedule.AlwaysOpen ? (german ? "rund um die Uhr" : "24/7")
            : schedule.Windows.Count == 0 ? (german ? "keine festen Zeiten" : "no regular hours")
            : Windows(schedule.Windows, german),
        };
        if (schedule.OpenOnPublicHolidays)
        {
            parts.Add(german ? "an Feiertagen ganztägig" : "all day on public holidays");
        }
        else if (schedule.ClosedOnPublicHolidays)
        {
            parts.Add(german ? "an Feiertagen geschlossen" : "closed on public holidays");
        }
        if (schedule.ValidFrom is not null || schedule.ValidUntil is not null)
        {
            parts.Add((german ? "gültig " : "valid ") + $"{Date(schedule.ValidFrom, german)}–{Date(schedule.ValidUntil, german)}".Trim('–'));
        }
        return string.Join("; ", parts);
    }

    private static string Windows(IReadOnlyList<ScheduleWindow> windows, bool german)
    {
        Func<int, string> day = german ? d => DaysDe[d - 1] : ScheduleWindow.DayName;
        var ordered = windows.OrderBy(w => w.StartMinuteOfWeek).ToList();
        var groups = new List<(int First, int Last, ScheduleWindow Window)>();
        foreach (var window in ordered)
        {
            if (groups.Count > 0 && Joinable(groups[^1].Window, window) && groups[^1].Last + 1 == window.StartDay)
            {
                groups[^1] = (groups[^1].First, window.StartDay, window);
            }
            else
            {
                groups.Add((window.StartDay, window.StartDay, window));
            }
        }
        return string.Join(", ", groups.Select(g =>
        {
            var range = g.First == g.Last ? day(g.First) : $"{day(g.First)}–{day(g.Last)}";
            var w = g.Window;
            var start = ClockTime.From(w.StartTime);
            return EndsWithinADay(w) ? $"{range} {start}–{w.EndTime}" : $"{range} {start}–{day(w.EndDay)} {w.EndTime}";
        }));
    }

    /// <summary>Same times and the same day offset: Mon 16:00–Tue 08:00 joins Tue 16:00–Wed 08:00.</summary>
    private static bool Joinable(ScheduleWindow a, ScheduleWindow b) =>
        EndsWithinADay(a) && EndsWithinADay(b) && a.StartTime == b.StartTime && a.EndTime == b.EndTime
        && (a.EndDay - a.StartDay + 7) % 7 == (b.EndDay - b.StartDay + 7) % 7;

    private static bool EndsWithinADay(ScheduleWindow w) => w.DurationMinutes <= ClockTime.MinutesPerDay && (w.EndDay - w.StartDay + 7) % 7 <= 1;

    private static string Date(DateOnly? date, bool german) =>
        date?.ToString(german ? "dd.MM.yyyy" : "yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
