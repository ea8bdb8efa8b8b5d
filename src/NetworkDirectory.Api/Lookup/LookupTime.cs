using System.Globalization;
using NetworkDirectory.Api.Common;
using NetworkDirectory.Api.Schedules;

namespace NetworkDirectory.Api.Lookup;

/// <summary>
/// The lookup's `at`: an ISO 8601 instant with offset ('2026-11-28T02:00+01:00', '…Z') or a local
/// Europe/Berlin time without offset ('2026-11-28T02:00'). A local time in the spring-forward gap
/// moves to the end of the gap; one in the repeated autumn hour means its first occurrence.
/// </summary>
public static class LookupTime
{
    private static readonly string[] LocalFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd"];

    public static bool TryParse(string? text, DateTimeOffset now, out DateTimeOffset at, out string? note)
    {
        note = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            at = BerlinTime.Of(now);
            return true;
        }
        var trimmed = text.Trim();
        if (DateTime.TryParseExact(trimmed, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            var zone = LocalInstants.Berlin;
            if (zone.IsInvalidTime(local))
            {
                note = $"{trimmed} does not exist in Europe/Berlin (clocks jump forward); evaluated at the end of the gap.";
            }
            else if (zone.IsAmbiguousTime(local))
            {
                note = $"{trimmed} happens twice in Europe/Berlin (clocks go back); evaluated at its first occurrence. Give an offset to choose.";
            }
            at = BerlinTime.Of(LocalInstants.Start(local, zone));
            return true;
        }
        if (DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
            && (trimmed.EndsWith('Z') || trimmed.EndsWith('z') || HasOffset(trimmed)))
        {
            at = BerlinTime.Of(instant);
            return true;
        }
        at = default;
        return false;
    }

    private static bool HasOffset(string text)
    {
        var time = text.IndexOf('T', StringComparison.Ordinal);
        return time > 0 && (text.IndexOf('+', time) > 0 || text.IndexOf('-', time) > 0);
    }
}
