using NetworkDirectory.Api.Common;

namespace NetworkDirectory.Api.Schedules;

/// <summary>Checks that schedule windows and exceptions make sense.</summary>
internal static class ScheduleChecks
{
    private const int Week = 7 * ClockTime.MinutesPerDay;

    public static IReadOnlyList<ScheduleWindow> Windows(IReadOnlyList<WindowData> windows, ValidationErrors errors)
    {
        var parsed = new List<(ScheduleWindow Window, int Index)>();
        for (var i = 0; i < windows.Count; i++)
        {
            var w = windows[i];
            var field = $"windows[{i}]";
            var startDay = Weekdays.IsoDay(w.StartDay);
            var endDay = Weekdays.IsoDay(w.EndDay);
            if (startDay == 0 || endDay == 0)
            {
                errors.Add(field, $"{field}: startDay and endDay must be one of {string.Join(", ", Weekdays.Names)}.");
                continue;
            }
            if (!TryTime(w.StartTime, out var start) || start.Minutes == ClockTime.MinutesPerDay || !TryTime(w.EndTime, out _))
            {
                errors.Add(field, $"{field}: startTime and endTime must be HH:mm (startTime before 24:00, endTime up to 24:00).");
                continue;
            }
            parsed.Add((ScheduleWindow.Parse(startDay, w.StartTime!, endDay, w.EndTime!), i));
        }
        foreach (var (a, i) in parsed)
        {
            foreach (var (b, j) in parsed.Where(p => p.Index > i))
            {
                if (Overlap(a, b))
                {
                    errors.Add($"windows[{j}]", $"windows[{j}] ({b}) overlaps windows[{i}] ({a}).");
                }
            }
        }
        return parsed.Select(p => p.Window).ToList();
    }

    public static void Exceptions(IReadOnlyList<ExceptionData> exceptions, ValidationErrors errors)
    {
        var seen = new HashSet<DateOnly>();
        for (var i = 0; i < exceptions.Count; i++)
        {
            var e = exceptions[i];
            var field = $"exceptions[{i}]";
            if (e.Date is not { } date)
            {
                errors.Add(field, $"{field}: date is required.");
                continue;
            }
            if (!seen.Add(date))
            {
                errors.Add(field, $"{field}: {date:yyyy-MM-dd} is listed twice.");
            }
            var closed = e.Closed ?? false;
            var hasHours = e.OpenFrom is not null || e.OpenUntil is not null;
            if (closed == hasHours)
            {
                errors.Add(field, $"{field}: either closed: true, or closed: false with openFrom and openUntil.");
            }
            else if (!closed && (!TryTime(e.OpenFrom, out var from) || from.Minutes == ClockTime.MinutesPerDay || !TryTime(e.OpenUntil, out _)))
            {
                errors.Add(field, $"{field}: openFrom and openUntil must be HH:mm (openUntil up to 24:00).");
            }
            errors.MaxLength($"{field}.note", e.Note, 200);
        }
    }

    private static bool TryTime(string? text, out ClockTime time)
    {
        time = default;
        if (text is null)
        {
            return false;
        }
        try
        {
            time = ClockTime.Parse(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static bool Overlap(ScheduleWindow a, ScheduleWindow b)
    {
        static IEnumerable<(int Start, int End)> Segments(ScheduleWindow w)
        {
            var start = w.StartMinuteOfWeek;
            var end = start + w.DurationMinutes;
            return end <= Week ? [(start, end)] : [(start, Week), (0, end - Week)];
        }
        return Segments(a).Any(x => Segments(b).Any(y => x.Start < y.End && y.Start < x.End));
    }
}
