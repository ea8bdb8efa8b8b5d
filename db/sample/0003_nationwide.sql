-- SAMPLE DATA – fictional agencies and contacts for demonstration; phone numbers from the
-- Bundesnetzagentur's unassigned media ranges (Mitteilung 148/2021); e-mail and web on example.org.
-- Nationwide services. The emergency and helpline short numbers 110, 112 and 116 111 are real
-- facts (sample = 0); every other row is fictional.

INSERT INTO agencies (id, name, kind_code, operator, street, postal_code, city, region_key, latitude, longitude, website, email, accessibility, internal_notes, last_verified_on, verified_by, sample, created_at, updated_at) VALUES
 ('polizei-notruf', 'Polizeinotruf', 'police', 'Polizeien der Länder', NULL, NULL, NULL, 'DE', NULL, NULL, NULL, NULL, NULL, NULL, '2026-10-01', 'Redaktion NetworkDirectory', 0, '2026-01-15T09:00:00Z', '2026-01-15T09:00:00Z'),
 ('notruf-112', 'Notruf 112 – Rettungsdienst und Feuerwehr', 'other', 'Integrierte Leitstellen der Länder', NULL, NULL, NULL, 'DE', NULL, NULL, NULL, NULL, NULL, NULL, '2026-10-01', 'Redaktion NetworkDirectory', 0, '2026-01-15T09:00:00Z', '2026-01-15T09:00:00Z'),
 ('nummer-gegen-kummer', 'Nummer gegen Kummer – Kinder- und Jugendtelefon', 'other', 'Nummer gegen Kummer e. V.', NULL, NULL, NULL, 'DE', NULL, NULL, NULL, NULL, NULL, NULL, '2025-05-20', 'Redaktion NetworkDirectory', 0, '2026-01-15T09:00:00Z', '2026-01-15T09:00:00Z'),
 ('de-kinderschutzhotline', 'Medizinische Kinderschutzhotline (Beispiel)', 'health_service', 'Universitätsklinikum (Beispiel)', 'Beispielstraße 1', '10115', 'Berlin', '11', 52.53, 13.385, 'https://kinderschutzhotline.example.org', 'hotline@kinderschutzhotline.example.org', NULL, NULL, '2026-06-30', 'Koordinierungsstelle (Beispiel)', 1, '2026-01-15T09:00:00Z', '2026-01-15T09:00:00Z'),
 ('de-videodolmetschen', 'Videodolmetschdienst Kinderschutz (Beispiel)', 'other', 'Sprachmittlung e. V. (Beispiel)', 'Beispielweg 12', '60311', 'Frankfurt am Main', '06', 50.111, 8.682, 'https://videodolmetschen.example.org', 'einsatz-info@videodolmetschen.example.org', NULL, 'Abrechnung über Jugendamt; Einsatznummer nur an Fachkräfte weitergeben.', '2025-02-11', 'Koordinierungsstelle (Beispiel)', 1, '2026-01-15T09:00:00Z', '2026-01-15T09:00:00Z'),
 ('de-fks-koordination', 'Generalzolldirektion – Koordinierung FKS Menschenhandel (Beispiel)', 'customs_fks', 'Zollverwaltung (Beispiel)', 'Beispielring 3', '50667', 'Köln', '05', 50.938, 6.958, 'https://fks-koordination.example.org', 'fks-menschenhandel-info@example.org', NULL, NULL, '2025-08-19', 'Koordinierungsstelle (Beispiel)', 1, '2026-01-15T09:00:00Z', '2026-01-15T09:00:00Z');

INSERT INTO agency_languages (agency_id, language) VALUES
 ('polizei-notruf', 'de'),
 ('notruf-112', 'de'),
 ('nummer-gegen-kummer', 'de'),
 ('de-kinderschutzhotline', 'de'),
 ('de-kinderschutzhotline', 'en'),
 ('de-videodolmetschen', 'de'),
 ('de-videodolmetschen', 'en'),
 ('de-videodolmetschen', 'ar'),
 ('de-videodolmetschen', 'fa'),
 ('de-videodolmetschen', 'ro'),
 ('de-videodolmetschen', 'bg'),
 ('de-videodolmetschen', 'uk'),
 ('de-videodolmetschen', 'ru'),
 ('de-videodolmetschen', 'vi'),
 ('de-videodolmetschen', 'ti'),
 ('de-fks-koordination', 'de');

INSERT INTO services (id, agency_id, responsibility_code, all_exploitation_forms, min_age, max_age, minors_only, unaccompanied_only, priority, notes) VALUES
 ('svc-polizei-notruf', 'polizei-notruf', 'emergency_intervention', 1, NULL, NULL, 0, 0, 900, 'Notruf 110: erreicht die örtlich zuständige Polizei; vermittelt außerhalb der Bürozeiten an die Rufbereitschaft des Jugendamts.'),
 ('svc-notruf-112', 'notruf-112', 'emergency_intervention', 1, NULL, NULL, 0, 0, 900, 'Medizinischer Notfall.'),
 ('svc-nummer-gegen-kummer', 'nummer-gegen-kummer', 'consultation', 1, NULL, 21, 0, 0, 900, 'Anonyme Beratung für Kinder und Jugendliche; keine Fallzuständigkeit.'),
 ('svc-de-kinderschutzhotline', 'de-kinderschutzhotline', 'consultation', 1, NULL, 17, 1, 0, 50, 'Kollegiale Beratung für Fachkräfte aus Medizin, Jugendhilfe und Familiengerichtsbarkeit.'),
 ('svc-de-videodolmetschen', 'de-videodolmetschen', 'interpreting', 1, NULL, NULL, 0, 0, 200, NULL),
 ('svc-de-fks-koordination', 'de-fks-koordination', 'network_coordination', 0, NULL, NULL, 0, 0, 300, NULL);

INSERT INTO service_exploitation_forms (service_id, form_code) VALUES
 ('svc-de-fks-koordination', 'labour_exploitation'),
 ('svc-de-fks-koordination', 'forced_begging');

INSERT INTO service_coverage (service_id, region_key, custom_region_key) VALUES
 ('svc-polizei-notruf', 'DE', NULL),
 ('svc-notruf-112', 'DE', NULL),
 ('svc-nummer-gegen-kummer', 'DE', NULL),
 ('svc-de-kinderschutzhotline', 'DE', NULL),
 ('svc-de-videodolmetschen', 'DE', NULL),
 ('svc-de-fks-koordination', 'DE', NULL);

INSERT INTO contacts (id, agency_id, service_id, kind_code, channel_code, value, label, visibility, schedule_id, sort_order, sample) VALUES
 ('ct-polizei-notruf-110', 'polizei-notruf', NULL, 'hotline', 'phone', '110', 'Polizeinotruf 110', 'public', 'sch-always-open', 0, 0),
 ('ct-notruf-112', 'notruf-112', NULL, 'hotline', 'phone', '112', 'Notruf 112', 'public', 'sch-always-open', 0, 0),
 ('ct-nummer-gegen-kummer-116111', 'nummer-gegen-kummer', NULL, 'hotline', 'phone', '116111', 'Kinder- und Jugendtelefon 116 111', 'public', NULL, 0, 0),
 ('ct-de-kinderschutzhotline', 'de-kinderschutzhotline', 'svc-de-kinderschutzhotline', 'hotline', 'phone', '+493023125100', 'Hotline für Fachkräfte (Beispielnummer)', 'professional', 'sch-24-7', 0, 1),
 ('ct-de-kinderschutzhotline-mail', 'de-kinderschutzhotline', NULL, 'role_mailbox', 'email', 'team@kinderschutzhotline.example.org', 'Funktionspostfach', 'public', NULL, 1, 1),
 ('ct-de-kinderschutzhotline-form', 'de-kinderschutzhotline', NULL, 'office', 'web_form', 'https://kinderschutzhotline.example.org/kontakt', 'Kontaktformular', 'public', NULL, 2, 1),
 ('ct-de-videodolmetschen', 'de-videodolmetschen', NULL, 'hotline', 'phone', '+496990009100', 'Einsatzvermittlung (Beispielnummer)', 'professional', 'sch-24-7', 0, 1),
 ('ct-de-videodolmetschen-mail', 'de-videodolmetschen', NULL, 'role_mailbox', 'email', 'einsatz@videodolmetschen.example.org', 'Buchung planbarer Termine', 'professional', 'sch-office-by', 1, 1),
 ('ct-de-fks-koordination', 'de-fks-koordination', NULL, 'office', 'phone', '+492214710100', 'Zentrale (Beispielnummer)', 'professional', 'sch-office-by', 0, 1),
 ('ct-de-fks-koordination-mail', 'de-fks-koordination', NULL, 'role_mailbox', 'email', 'fks-menschenhandel@example.org', 'Funktionspostfach', 'professional', NULL, 1, 1);

INSERT INTO contact_languages (contact_id, language) VALUES
 ('ct-de-kinderschutzhotline', 'de'),
 ('ct-de-kinderschutzhotline', 'en'),
 ('ct-de-videodolmetschen', 'de'),
 ('ct-de-videodolmetschen', 'en'),
 ('ct-de-videodolmetschen', 'ar'),
 ('ct-de-videodolmetschen', 'fa'),
 ('ct-de-videodolmetschen', 'ro'),
 ('ct-de-videodolmetschen', 'bg'),
 ('ct-de-videodolmetschen', 'uk');
