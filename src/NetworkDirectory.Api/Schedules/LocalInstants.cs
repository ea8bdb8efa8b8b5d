namespace NetworkDirectory.Api.Schedules;

/// <summary>
/// Maps a local wall-clock time to an instant across daylight-saving changes.
/// <list type="bullet">
/// <item>Spring (a skipped hour, e.g. 02:00–03:00 on the last Sunday of March): a time inside the
/// gap maps to the instant the gap ends (03:00 summer time), whether it starts or ends a window.</item>
/// <item>Autumn (a repeated hour, 02:00–03:00 on the last Sunday of October): a start maps to its
/// first occurrence and an end inside the hour to its second, so a window is never split in two
/// and holds every instant whose wall time lies inside it (both 02:30s are inside 02:00–03:00; a
/// window from 02:30 opens at the first 02:30 and stays open through the repeated hour).</item>
/// </list>
/// In one sentence: a local window [start, end) is open from the first instant the clock reads
/// start or later until the last instant it reads earlier than end.
/// </summary>
public static class LocalInstants
{
    public static readonly TimeZoneInfo Berlin = Common.BerlinTime.Zone;

    /// <summary>The earliest instant at which <paramref name="local"/> (or the end of its gap) is reached.</summary>
    public static DateTimeOffset Start(DateTime local, TimeZoneInfo zone) => Resolve(local, zone, earliest: true);

    /// <summary>The latest instant at which <paramref name="local"/> (or the end of its gap) is reached.</summary>
    public static DateTimeOffset End(DateTime local, TimeZoneInfo zone) => Resolve(local, zone, earliest: false);

    private static DateTimeOffset Resolve(DateTime local, TimeZoneInfo zone, bool earliest)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            // Schedule times are whole minutes and real gaps are at most a few hours long.
            var afterGap = local.AddSeconds(-local.Second).AddMilliseconds(-local.Millisecond);
            while (zone.IsInvalidTime(afterGap))
            {
                afterGap = afterGap.AddMinutes(1);
            }
            return new DateTimeOffset(afterGap, zone.GetUtcOffset(afterGap));
        }
        if (zone.IsAmbiguousTime(local))
        {
            var offsets = zone.GetAmbiguousTimeOffsets(local);
            // A larger offset means an earlier instant for the same wall time. An end at the very
            // start of the repeated hour (02:00) is last preceded by 01:59 in its first occurrence.
            // (A minute back, not a tick: .NET already calls 01:59:59.9999999 ambiguous.)
            var first = earliest || !zone.IsAmbiguousTime(local.AddMinutes(-1));
            var offset = first ? offsets.Max() : offsets.Min();
            return new DateTimeOffset(local, offset);
        }
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
