namespace NetworkDirectory.Api.Common;

/// <summary>Agencies keep Europe/Berlin time: the zone, an instant in it, and today's date there.</summary>
public static class BerlinTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    public static DateTimeOffset Of(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(Of(clock.GetUtcNow()).DateTime);
}
