namespace NetworkDirectory.Tests;

/// <summary>
/// A small, hand-checked network for the endpoint tests (fictional; phone numbers from the
/// Bundesnetzagentur's media ranges). Expected answers in the tests are derived from this text.
/// </summary>
public static class TestNetwork
{
    public const string Sql = """
        INSERT INTO regions (key, level, name, designation, parent_key) VALUES
          ('091', 'regierungsbezirk', 'Oberbayern', 'Regierungsbezirk', '09'),
          ('09162', 'kreis', 'München', 'Kreisfreie Stadt', '091'),
          ('09162000', 'gemeinde', 'München', 'Stadt', '09162'),
          ('09184', 'kreis', 'München', 'Landkreis', '091'),
          ('02000', 'kreis', 'Hamburg', 'Kreisfreie Stadt', '02');

        INSERT INTO custom_regions (key, name, kind, land_key, sample) VALUES ('pp-test', 'Polizeipräsidium Test', 'police_district', '09', 1);
        INSERT INTO custom_region_members (custom_region_key, region_key) VALUES ('pp-test', '09162'), ('pp-test', '09184');

        INSERT INTO agencies (id, name, kind_code, operator, street, postal_code, city, region_key, latitude, longitude, website, email,
                              accessibility, internal_notes, last_verified_on, sample, created_at, updated_at) VALUES
          ('ja-muc', 'Jugendamt München (Test)', 'youth_welfare_office', 'Stadt München', 'Teststraße 1', '80331', 'München', '09162000',
           48.137, 11.575, 'https://ja-muc.example.org', 'ja-muc@example.org', 'stufenlos', 'INTERNAL-NOTE-JA', '2026-05-01', 1,
           '2026-01-15T09:00:00Z', '2026-02-01T10:30:00Z'),
          ('ja-lkm', 'Jugendamt Landkreis München (Test)', 'youth_welfare_office', 'Landkreis München', NULL, NULL, 'München', '09184',
           NULL, NULL, NULL, NULL, NULL, NULL, NULL, 1, '2026-01-15T09:00:00Z', '2026-01-15T09:00:00Z'),
          ('fbs-by', 'Fachberatung 100% Bayern (Test)', 'specialised_counselling', 'Verein Beispielhilfe e. V.', NULL, NULL, 'Nürnberg', '09',
           NULL, NULL, NULL, NULL, NULL, NULL, '2025-01-10', 1, '2026-01-15T09:00:00Z', '2026-01-15T09:00:00Z'),
          ('pol-test', 'Kriminalfachdezernat (Test)', 'police', NULL, NULL, NULL, 'München', '09162000',
           NULL, NULL, NULL, NULL, NULL, NULL, NULL, 1, '2026-01-15T09:00:00Z', '2026-01-15T09:00:00Z'),
          ('hotline-de', 'Medizinische Hotline (Test)', 'health_service', NULL, NULL, NULL, 'Berlin', '11',
           NULL, NULL, NULL, NULL, NULL, NULL, NULL, 1, '2026-01-15T09:00:00Z', '2026-01-15T09:00:00Z'),
          ('ja-hh', 'Jugendamt Hamburg (Test)', 'youth_welfare_office', NULL, NULL, NULL, 'Hamburg', '02000',
           NULL, NULL, NULL, NULL, NULL, NULL, NULL, 1, '2026-01-15T09:00:00Z', '2026-01-15T09:00:00Z');

        INSERT INTO agency_languages (agency_id, language) VALUES
          ('ja-muc', 'de'), ('ja-muc', 'en'), ('fbs-by', 'de'), ('fbs-by', 'ro'), ('fbs-by', 'ar-SY');

        INSERT INTO services (id, agency_id, responsibility_code, all_exploitation_forms, min_age, max_age, minors_only, unaccompanied_only, priority) VALUES
          ('s-ja-muc-care', 'ja-muc', 'taking_into_care', 1, NULL, 17, 1, 0, 10),
          ('s-ja-muc-umf', 'ja-muc', 'age_assessment', 1, NULL, NULL, 1, 1, 10),
          ('s-ja-lkm-care', 'ja-lkm', 'taking_into_care', 1, NULL, 17, 1, 0, 10),
          ('s-fbs-labour', 'fbs-by', 'specialised_counselling', 0, 14, 27, 0, 0, 50),
          ('s-pol', 'pol-test', 'criminal_investigation', 1, NULL, NULL, 0, 0, 20),
          ('s-hotline', 'hotline-de', 'medical_examination', 1, NULL, NULL, 0, 0, 90),
          ('s-ja-hh-care', 'ja-hh', 'taking_into_care', 1, NULL, 17, 1, 0, 10),
          ('s-ja-muc-consult', 'ja-muc', 'consultation', 1, NULL, NULL, 0, 0, 10),
          ('s-fbs-consult', 'fbs-by', 'consultation', 0, NULL, NULL, 0, 0, 10);

        INSERT INTO service_exploitation_forms (service_id, form_code) VALUES
          ('s-fbs-labour', 'labour_exploitation'), ('s-fbs-labour', 'forced_begging'), ('s-fbs-consult', 'labour_exploitation');

        INSERT INTO service_coverage (service_id, region_key, custom_region_key) VALUES
          ('s-ja-muc-care', '09162', NULL), ('s-ja-muc-umf', '09162', NULL), ('s-ja-lkm-care', '09184', NULL),
          ('s-fbs-labour', '09', NULL), ('s-pol', NULL, 'pp-test'), ('s-hotline', 'DE', NULL), ('s-ja-hh-care', '02000', NULL),
          ('s-ja-muc-consult', '09162', NULL), ('s-fbs-consult', '09', NULL);

        INSERT INTO schedules (id, label, always_open, closed_on_public_holidays, valid_from, valid_until, sample, region_key) VALUES
          ('sch-office', 'Bürozeiten', 0, 1, '2026-01-01', NULL, 1, '09'),
          ('sch-oncall', 'Rufbereitschaft', 0, 0, NULL, NULL, 1, '09');
        INSERT INTO schedule_windows (schedule_id, start_day, start_time, end_day, end_time) VALUES
          ('sch-office', 1, '08:00', 1, '16:00'), ('sch-office', 5, '08:00', 5, '13:00'),
          ('sch-oncall', 1, '16:00', 2, '08:00'), ('sch-oncall', 5, '13:00', 1, '08:00');
        INSERT INTO schedule_exceptions (schedule_id, date, closed, open_from, open_until, note) VALUES
          ('sch-office', '2026-12-24', 1, NULL, NULL, 'Heiligabend');

        INSERT INTO contacts (id, agency_id, service_id, kind_code, channel_code, value, label, visibility, schedule_id, sort_order, sample) VALUES
          ('c-ja-muc-office', 'ja-muc', NULL, 'office', 'phone', '+498999998101', 'Zentrale', 'public', 'sch-office', 1, 1),
          ('c-ja-muc-110', 'ja-muc', 's-ja-muc-care', 'on_call', 'via_police_emergency', '110', 'Nachts über die Polizei', 'public', 'sch-oncall', 2, 1),
          ('c-ja-muc-oncall', 'ja-muc', 's-ja-muc-care', 'on_call', 'phone', '+498999998999', 'Rufbereitschaft direkt', 'professional', 'sch-oncall', 3, 1),
          ('c-ja-muc-person', 'ja-muc', NULL, 'named_person', 'email', 'erika.beispiel@example.org', 'Erika Beispiel', 'internal', NULL, 4, 1),
          ('c-fbs-mail', 'fbs-by', NULL, 'role_mailbox', 'email', 'beratung@example.org', NULL, 'public', NULL, 1, 1),
          ('c-hotline', 'hotline-de', NULL, 'hotline', 'phone', '+493023125555', NULL, 'public', NULL, 1, 1);
        INSERT INTO contact_languages (contact_id, language) VALUES ('c-fbs-mail', 'uk'), ('c-ja-muc-office', 'tr');

        INSERT INTO networks (id, name, scope, status, coordinating_agency_id, description, established_on, website, sample, created_at, updated_at) VALUES
          ('net-by', 'Netzwerk Bayern (Test)', 'land', 'active', 'fbs-by', 'Kooperation gegen Ausbeutung', '2021-06-01', 'https://net.example.org', 1, '2026-01-15T09:00:00Z', '2026-01-15T09:00:00Z'),
          ('net-hh', 'Netzwerk Hamburg (Test)', 'cross_land', 'planned', NULL, NULL, NULL, NULL, 1, '2026-01-15T09:00:00Z', '2026-01-15T09:00:00Z');
        INSERT INTO network_regions (network_id, region_key) VALUES ('net-by', '09'), ('net-hh', '02'), ('net-hh', '04');
        INSERT INTO network_members (network_id, agency_id, role_code, joined_on) VALUES
          ('net-by', 'fbs-by', 'coordinator', '2021-06-01'), ('net-by', 'ja-muc', 'member', '2022-01-01'), ('net-by', 'pol-test', 'advisory', NULL),
          ('net-hh', 'ja-hh', 'member', NULL);
        INSERT INTO instruments (id, network_id, type_code, title, binding, published, signed_on, url, target_group, all_exploitation_forms, sample) VALUES
          ('inst-by-koop', 'net-by', 'cooperation_agreement', 'Kooperationsvereinbarung (Test)', 1, 1, '2022-03-01', 'https://net.example.org/koop.pdf', 'minors', 1, 1),
          ('inst-by-leit', 'net-by', 'guideline', 'Leitfaden Arbeitsausbeutung (Test)', 0, 0, NULL, NULL, 'both', 0, 1);
        INSERT INTO instrument_exploitation_forms (instrument_id, form_code) VALUES ('inst-by-leit', 'labour_exploitation');

        INSERT INTO field_reports (id, kind, agency_id, contact_id, region_key, message, reply_to, reporter, status, created_at, updated_at) VALUES
          ('fr-test', 'wrong_number', 'ja-muc', 'c-ja-muc-office', '09162000', 'Die Zentrale meldet sich nicht (Test).', 'melder@example.org', NULL, 'open',
           '2026-02-01T08:00:00Z', '2026-02-01T08:00:00Z');

        INSERT INTO imports (id, occurred_at, actor, region_key, format, file_sha256, delete_missing, rows, created, updated, deleted, unchanged) VALUES
          ('imp-test', '2026-02-01T09:00:00Z', 'Koordinierung Bayern (coordinator)', '09', 'csv', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 0, 3, 1, 1, 0, 1);
        """;
}
