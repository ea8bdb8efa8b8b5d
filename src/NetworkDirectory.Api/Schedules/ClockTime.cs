using System.Globalization;

namespace NetworkDirectory.Api.Schedules;

/// <summary>
/// A local wall-clock time of day as stored in the schedule tables ('HH:MM'), counted in minutes
/// after midnight. Unlike <see cref="TimeOnly"/> it can hold '24:00' (1440), the end of the day.
/// </summary>
public readonly record struct ClockTime
{
    public const int MinutesPerDay = 1440;

    public ClockTime(int minutes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minutes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minutes, MinutesPerDay);
        Minutes = minutes;
    }

    /// <summary>Minutes after midnight, 0..1440.</summary>
    public int Minutes { get; }

    public static ClockTime EndOfDay => new(MinutesPerDay);

    public static ClockTime From(TimeOnly time) => new(time.Hour * 60 + time.Minute);

    /// <summary>Parses 'HH:MM' (00:00..24:00).</summary>
    public static ClockTime Parse(string text)
    {
        if (text is not [_, _, ':', _, _]
            || !int.TryParse(text.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            || !int.TryParse(text.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            || minutes > 59 || hours * 60 + minutes > MinutesPerDay)
        {
            throw new FormatException($"'{text}' is not a time of day 'HH:MM' between 00:00 and 24:00.");
        }
        return new ClockTime(hours * 60 + minutes);
    }

    /// <summary>The time as <see cref="TimeOnly"/>; '24:00' has no such value and throws.</summary>
    public TimeOnly ToTimeOnly() => Minutes < MinutesPerDay
        ? new TimeOnly(Minutes / 60, Minutes % 60)
        : throw new InvalidOperationException("24:00 has no TimeOnly value.");

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Minutes / 60:00}:{Minutes % 60:00}");
}
