using System.Text.Json.Serialization;

namespace NetworkDirectory.Api.Schedules;

/// <summary>A schedule in its write shape (Europe/Berlin local time).</summary>
/// <param name="HolidayRegionKey">Land (or Gemeinde, for city-only holidays) whose public holidays apply; coordinators must give one in their scope.</param>
/// <param name="OpenOnPublicHolidays">On-call duty: staffed all day on those holidays.</param>
/// <param name="Windows">Weekly windows; a window may run overnight (monday 22:00 – tuesday 06:00) or over the weekend; windows must not overlap.</param>
/// <param name="Exceptions">Dates that differ: closed, or open only from openFrom to openUntil.</param>
/// <param name="RegionKey">The region the schedule belongs to: who may write it keeps it ('DE': nationwide, admins). Default on create: your key's one region (admins: 'DE'); contacts of agencies outside it may use it only with its scope.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ScheduleData(
    string? Label, bool? AlwaysOpen, bool? ClosedOnPublicHolidays, bool? OpenOnPublicHolidays, string? HolidayRegionKey,
    DateOnly? ValidFrom, DateOnly? ValidUntil, IReadOnlyList<WindowData>? Windows, IReadOnlyList<ExceptionData>? Exceptions,
    string? RegionKey = null);

/// <param name="StartDay">monday .. sunday.</param>
/// <param name="StartTime">HH:mm.</param>
/// <param name="EndTime">HH:mm; 24:00 for the end of the day.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record WindowData(string? StartDay, string? StartTime, string? EndDay, string? EndTime);

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ExceptionData(DateOnly? Date, bool? Closed, string? OpenFrom, string? OpenUntil, string? Note);
