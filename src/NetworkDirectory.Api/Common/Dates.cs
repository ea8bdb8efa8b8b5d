using System.Globalization;

namespace NetworkDirectory.Api.Common;

/// <summary>Dates are stored as ISO 8601 text ('2026-11-28'), timestamps as UTC ('2026-11-28T09:15:00Z').</summary>
public static class Dates
{
    public static DateOnly Parse(string value) =>
        DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly? ParseOrNull(string? value) => value is null ? null : Parse(value);

    public static DateTimeOffset ParseTimestamp(string value) =>
        DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static string Format(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string? FormatOrNull(DateOnly? value) => value is { } date ? Format(date) : null;

    public static string FormatTimestamp(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
