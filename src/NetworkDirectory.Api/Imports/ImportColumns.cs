namespace NetworkDirectory.Api.Imports;

/// <summary>One column of the flat import/export template.</summary>
/// <param name="Types">The row types the column applies to; a value in any other row type is a problem.</param>
public sealed record ImportColumn(string Name, IReadOnlyList<string> Types, string Description);

/// <summary>
/// The template: one sheet (or one CSV file), one row per entity, the <c>type</c> column saying which.
/// Schedules take their weekly windows and date exceptions from <c>window</c> and <c>exception</c> rows
/// that name them in <c>scheduleId</c>. Lists in a cell are separated by spaces. The column order is
/// stable; new columns are only ever added at the end.
/// </summary>
public static class ImportColumns
{
    public const string Agency = "agency";
    public const string Service = "service";
    public const string Contact = "contact";
    public const string Schedule = "schedule";
    public const string Window = "window";
    public const string Exception = "exception";

    public static readonly IReadOnlyList<string> Types = [Agency, Service, Contact, Schedule, Window, Exception];

    private static readonly string[] All = [.. Types];

    public static readonly IReadOnlyList<ImportColumn> Columns =
    [
        new("type", All, "agency, service, contact, schedule, window (a weekly window of a schedule) or exception (a date of a schedule that differs)."),
        new("id", [Agency, Service, Contact, Schedule], "Stable id of the entity: an existing id updates it, a new one creates it (lower-case letters, digits and '-', at most 100)."),
        new("agencyId", [Service, Contact], "The agency of a service or contact (an id of an agency row or of an existing agency)."),
        new("serviceId", [Contact], "The service a contact is for; empty: all of the agency's services."),
        new("scheduleId", [Contact, Window, Exception], "Contact: when it is staffed (empty: unknown). Window and exception rows: the schedule they belong to."),
        new("name", [Agency], "Name of the agency (1–200 characters)."),
        new("kind", [Agency, Contact], "Agency kind code or contact kind code (see /v1/taxonomies)."),
        new("operator", [Agency], "Träger: the organisation that runs the agency."),
        new("street", [Agency], "Street and number."),
        new("postalCode", [Agency], "5-digit postal code."),
        new("city", [Agency], "City."),
        new("regionKey", [Agency, Schedule], "Agency: official key of the region where it sits. Schedule: the region it belongs to ('DE': nationwide)."),
        new("latitude", [Agency], "WGS84 latitude, e.g. 48.137 (a decimal comma is accepted)."),
        new("longitude", [Agency], "WGS84 longitude, e.g. 11.575."),
        new("website", [Agency], "An https URL."),
        new("email", [Agency], "E-mail address."),
        new("languages", [Agency, Contact], "BCP 47 language tags separated by spaces: 'de en ar'."),
        new("accessibility", [Agency], "Accessibility notes."),
        new("internalNotes", [Agency], "Seen only by admins and the coordinators of the agency's region."),
        new("responsibility", [Service], "Responsibility code (see /v1/taxonomies)."),
        new("exploitationForms", [Service], "Exploitation form codes separated by spaces; empty: all forms."),
        new("minAge", [Service], "Youngest age served (0–120)."),
        new("maxAge", [Service], "Oldest age served (0–120)."),
        new("minorsOnly", [Service], "true or false."),
        new("unaccompaniedOnly", [Service], "true or false."),
        new("coverageRegionKeys", [Service], "Official region keys the service covers, separated by spaces: '09162 09184'."),
        new("coverageCustomRegions", [Service], "Custom region keys (police or court districts) the service covers, separated by spaces."),
        new("coveragePolygon", [Service], "Optional GeoJSON Polygon or MultiPolygon (WGS84) as text."),
        new("priority", [Service], "0–1000; lower is asked first among equally specific services (default 100)."),
        new("channel", [Contact], "phone, email, web_form or via_police_emergency."),
        new("value", [Contact], "Phone number, e-mail address, https URL, or '110' for via_police_emergency."),
        new("label", [Contact, Schedule], "Contact or schedule label."),
        new("visibility", [Contact], "public, professional or internal."),
        new("sortOrder", [Contact], "Order among the agency's contacts (default 0)."),
        new("alwaysOpen", [Schedule], "true for 24/7."),
        new("closedOnPublicHolidays", [Schedule], "true or false."),
        new("openOnPublicHolidays", [Schedule], "true: on-call duty, staffed all day on public holidays."),
        new("holidayRegionKey", [Schedule], "Land (or Gemeinde) whose public holidays apply."),
        new("validFrom", [Schedule], "First day the schedule applies (yyyy-MM-dd)."),
        new("validUntil", [Schedule], "Last day the schedule applies (yyyy-MM-dd)."),
        new("startDay", [Window], "monday … sunday."),
        new("startTime", [Window], "HH:mm."),
        new("endDay", [Window], "monday … sunday (the day the window ends: overnight and weekend windows end on a later day)."),
        new("endTime", [Window], "HH:mm; 24:00 for the end of the day."),
        new("date", [Exception], "The date that differs (yyyy-MM-dd)."),
        new("closed", [Exception], "true: closed all day; false: open only from openFrom to openUntil."),
        new("openFrom", [Exception], "HH:mm."),
        new("openUntil", [Exception], "HH:mm."),
        new("notes", [Service, Exception], "Service notes, or the note of a date exception."),
        new("sample", All, "Written by the export: true for the bundled fictional sample entries. Ignored on import."),
    ];

    public static readonly IReadOnlyList<string> Names = Columns.Select(c => c.Name).ToList();

    private static readonly Dictionary<string, ImportColumn> ByName = Columns.ToDictionary(c => c.Name, StringComparer.Ordinal);

    public static ImportColumn? Find(string name) => ByName.GetValueOrDefault(name);
}
