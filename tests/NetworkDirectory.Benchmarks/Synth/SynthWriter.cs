using Dapper;
using Microsoft.Data.Sqlite;

namespace NetworkDirectory.Benchmarks.Synth;

/// <summary>
/// Writes a <see cref="SynthDirectory"/> in one transaction. Dapper runs each INSERT once per row on one
/// command, which Microsoft.Data.Sqlite keeps prepared, so ~10⁵ rows take a second or two.
/// </summary>
public static class SynthWriter
{
    private const string InsertAgency = """
        INSERT INTO agencies (id, name, kind_code, operator, street, postal_code, city, region_key, latitude, longitude,
                              website, email, last_verified_on, verified_by, sample, created_at, updated_at)
        VALUES (@Id, @Name, @KindCode, @Operator, @Street, @PostalCode, @City, @RegionKey, @Latitude, @Longitude,
                @Website, @Email, @LastVerifiedOn, 'Synthetischer Datensatz (Beispiel)', 1, '2026-01-15T09:00:00Z', '2026-01-15T09:00:00Z')
        """;
    private const string InsertAgencyLanguage = "INSERT INTO agency_languages (agency_id, language) VALUES (@AgencyId, @Language)";
    private const string InsertService = """
        INSERT INTO services (id, agency_id, responsibility_code, all_exploitation_forms, min_age, max_age, minors_only,
                              unaccompanied_only, priority, notes, updated_at)
        VALUES (@Id, @AgencyId, @ResponsibilityCode, @AllExploitationForms, @MinAge, @MaxAge, @MinorsOnly,
                @UnaccompaniedOnly, @Priority, @Notes, '2026-01-15T09:00:00Z')
        """;
    private const string InsertServiceForm = "INSERT INTO service_exploitation_forms (service_id, form_code) VALUES (@ServiceId, @FormCode)";
    private const string InsertCoverage = "INSERT INTO service_coverage (service_id, region_key, custom_region_key) VALUES (@ServiceId, @RegionKey, NULL)";
    private const string InsertSchedule = """
        INSERT INTO schedules (id, label, time_zone, always_open, closed_on_public_holidays, open_on_public_holidays,
                               holiday_region_key, sample, updated_at)
        VALUES (@Id, @Label, 'Europe/Berlin', @AlwaysOpen, @ClosedOnPublicHolidays, @OpenOnPublicHolidays, NULL, 1, '2026-01-15T09:00:00Z')
        """;
    private const string InsertWindow = """
        INSERT INTO schedule_windows (schedule_id, start_day, start_time, end_day, end_time)
        VALUES (@ScheduleId, @StartDay, @StartTime, @EndDay, @EndTime)
        """;
    private const string InsertException = """
        INSERT INTO schedule_exceptions (schedule_id, date, closed, open_from, open_until, note)
        VALUES (@ScheduleId, @Date, @Closed, @OpenFrom, @OpenUntil, @Note)
        """;
    private const string InsertContact = """
        INSERT INTO contacts (id, agency_id, service_id, kind_code, channel_code, value, label, visibility, schedule_id,
                              sort_order, sample, updated_at)
        VALUES (@Id, @AgencyId, @ServiceId, @KindCode, @ChannelCode, @Value, @Label, @Visibility, @ScheduleId,
                @SortOrder, 1, '2026-01-15T09:00:00Z')
        """;

    public static void Write(SqliteConnection connection, SynthDirectory directory)
    {
        using var transaction = connection.BeginTransaction();
        connection.Execute(InsertAgency, directory.Agencies, transaction);
        connection.Execute(InsertAgencyLanguage, directory.AgencyLanguages, transaction);
        connection.Execute(InsertService, directory.Services, transaction);
        connection.Execute(InsertServiceForm, directory.ServiceForms, transaction);
        connection.Execute(InsertCoverage, directory.Coverage, transaction);
        connection.Execute(InsertSchedule, directory.Schedules, transaction);
        connection.Execute(InsertWindow, directory.Windows, transaction);
        connection.Execute(InsertException, directory.Exceptions, transaction);
        connection.Execute(InsertContact, directory.Contacts, transaction);
        transaction.Commit();
    }
}
