-- NetworkDirectory schema, version 1.
-- Conventions: ids of entities are TEXT (stable, URL-safe: [a-z0-9-]); dates are ISO 8601 TEXT
-- ('2026-11-28'); timestamps are UTC ISO 8601 TEXT ('2026-11-28T09:15:00Z'); booleans are
-- INTEGER 0/1; local times of schedules are 'HH:MM' in Europe/Berlin.

-- Taxonomies: stable codes, German and English labels, extensible by inserting rows.
CREATE TABLE agency_kinds (
    code        TEXT PRIMARY KEY CHECK (code GLOB '[a-z]*' AND code NOT GLOB '*[^a-z0-9_]*'),
    label_de    TEXT NOT NULL,
    label_en    TEXT NOT NULL,
    sort_order  INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE responsibilities (
    code          TEXT PRIMARY KEY CHECK (code GLOB '[a-z]*' AND code NOT GLOB '*[^a-z0-9_]*'),
    label_de      TEXT NOT NULL,
    label_en      TEXT NOT NULL,
    case_step     INTEGER CHECK (case_step BETWEEN 1 AND 7), -- NULL: cross-cutting (coordination, interpreting)
    legal_basis   TEXT,
    -- part of the default set a lookup answers when the caller names no responsibility
    acute         INTEGER NOT NULL DEFAULT 0 CHECK (acute IN (0, 1)),
    sort_order    INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE exploitation_forms (
    code            TEXT PRIMARY KEY CHECK (code GLOB '[a-z]*' AND code NOT GLOB '*[^a-z0-9_]*'),
    label_de        TEXT NOT NULL,
    label_en        TEXT NOT NULL,
    stgb_reference  TEXT,
    sort_order      INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE instrument_types (
    code        TEXT PRIMARY KEY CHECK (code GLOB '[a-z]*' AND code NOT GLOB '*[^a-z0-9_]*'),
    label_de    TEXT NOT NULL,
    label_en    TEXT NOT NULL,
    sort_order  INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE member_roles (
    code        TEXT PRIMARY KEY CHECK (code GLOB '[a-z]*' AND code NOT GLOB '*[^a-z0-9_]*'),
    label_de    TEXT NOT NULL,
    label_en    TEXT NOT NULL,
    sort_order  INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE contact_kinds (
    code        TEXT PRIMARY KEY CHECK (code GLOB '[a-z]*' AND code NOT GLOB '*[^a-z0-9_]*'),
    label_de    TEXT NOT NULL,
    label_en    TEXT NOT NULL,
    sort_order  INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE contact_channels (
    code        TEXT PRIMARY KEY CHECK (code GLOB '[a-z]*' AND code NOT GLOB '*[^a-z0-9_]*'),
    label_de    TEXT NOT NULL,
    label_en    TEXT NOT NULL,
    sort_order  INTEGER NOT NULL DEFAULT 0
);

-- Official regions. key: 'DE' (Germany), Land 2 digits, Regierungsbezirk 3, Kreis 5,
-- Gemeinde 8 (AGS). ars is the 12-digit Regionalschlüssel where known.
CREATE TABLE regions (
    key             TEXT PRIMARY KEY,
    level           TEXT NOT NULL CHECK (level IN ('country', 'land', 'regierungsbezirk', 'kreis', 'gemeinde')),
    name            TEXT NOT NULL,
    designation     TEXT,                 -- BKG BEZ: 'Landkreis', 'Kreisfreie Stadt', ...
    parent_key      TEXT REFERENCES regions (key),
    ars             TEXT,
    geometry        BLOB,                 -- WKB, SRID 4326, filled by the boundary import
    boundary_date   TEXT,                 -- Gebietsstand of the geometry / of the key
    boundary_source TEXT,
    CHECK ((level = 'country' AND key = 'DE')
        OR (level = 'land' AND length(key) = 2)
        OR (level = 'regierungsbezirk' AND length(key) = 3)
        OR (level = 'kreis' AND length(key) = 5)
        OR (level = 'gemeinde' AND length(key) = 8)),
    CHECK (key = 'DE' OR key NOT GLOB '*[^0-9]*')
);
CREATE INDEX ix_regions_parent ON regions (parent_key);
CREATE INDEX ix_regions_level ON regions (level);

-- Custom regions (a police district, a court district) are a named set of official keys.
CREATE TABLE custom_regions (
    key         TEXT PRIMARY KEY CHECK (key GLOB '[a-z]*' AND key NOT GLOB '*[^a-z0-9-]*'),
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('police_district', 'court_district', 'prosecution_district', 'bamf_district', 'youth_office_district', 'other')),
    land_key    TEXT NOT NULL REFERENCES regions (key),
    sample      INTEGER NOT NULL DEFAULT 0 CHECK (sample IN (0, 1))
);

CREATE TABLE custom_region_members (
    custom_region_key TEXT NOT NULL REFERENCES custom_regions (key) ON DELETE CASCADE,
    region_key        TEXT NOT NULL REFERENCES regions (key),
    PRIMARY KEY (custom_region_key, region_key)
);

CREATE TABLE agencies (
    id                  TEXT PRIMARY KEY CHECK (id GLOB '[a-z0-9]*' AND id NOT GLOB '*[^a-z0-9-]*'),
    name                TEXT NOT NULL,
    kind_code           TEXT NOT NULL REFERENCES agency_kinds (code),
    operator            TEXT,                 -- Träger
    street              TEXT,
    postal_code         TEXT,
    city                TEXT,
    region_key          TEXT NOT NULL REFERENCES regions (key), -- where the agency sits (decides its public holidays)
    latitude            REAL CHECK (latitude BETWEEN -90 AND 90),
    longitude           REAL CHECK (longitude BETWEEN -180 AND 180),
    website             TEXT,
    email               TEXT,
    accessibility       TEXT,
    internal_notes      TEXT,                 -- for coordinators only, never public
    last_verified_on    TEXT,
    verified_by         TEXT,
    sample              INTEGER NOT NULL DEFAULT 0 CHECK (sample IN (0, 1)),
    version             INTEGER NOT NULL DEFAULT 1,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    CHECK ((latitude IS NULL) = (longitude IS NULL))
);
CREATE INDEX ix_agencies_kind ON agencies (kind_code);
CREATE INDEX ix_agencies_region ON agencies (region_key);

CREATE TABLE agency_languages (
    agency_id   TEXT NOT NULL REFERENCES agencies (id) ON DELETE CASCADE,
    language    TEXT NOT NULL,               -- BCP 47 tag
    PRIMARY KEY (agency_id, language)
);

CREATE TABLE networks (
    id                      TEXT PRIMARY KEY CHECK (id GLOB '[a-z0-9]*' AND id NOT GLOB '*[^a-z0-9-]*'),
    name                    TEXT NOT NULL,
    scope                   TEXT NOT NULL CHECK (scope IN ('land', 'regional', 'cross_land')),
    status                  TEXT NOT NULL CHECK (status IN ('planned', 'active', 'dormant')),
    coordinating_agency_id  TEXT REFERENCES agencies (id),
    description             TEXT,
    established_on          TEXT,
    website                 TEXT,
    sample                  INTEGER NOT NULL DEFAULT 0 CHECK (sample IN (0, 1)),
    version                 INTEGER NOT NULL DEFAULT 1,
    created_at              TEXT NOT NULL,
    updated_at              TEXT NOT NULL
);

-- The area a network is responsible for (one Land, several Länder, or some Kreise).
CREATE TABLE network_regions (
    network_id  TEXT NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    region_key  TEXT NOT NULL REFERENCES regions (key),
    PRIMARY KEY (network_id, region_key)
);

CREATE TABLE network_members (
    network_id  TEXT NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    agency_id   TEXT NOT NULL REFERENCES agencies (id) ON DELETE CASCADE,
    role_code   TEXT NOT NULL REFERENCES member_roles (code),
    joined_on   TEXT,
    PRIMARY KEY (network_id, agency_id)
);

CREATE TABLE instruments (
    id              TEXT PRIMARY KEY CHECK (id GLOB '[a-z0-9]*' AND id NOT GLOB '*[^a-z0-9-]*'),
    network_id      TEXT NOT NULL REFERENCES networks (id) ON DELETE CASCADE,
    type_code       TEXT NOT NULL REFERENCES instrument_types (code),
    title           TEXT NOT NULL,
    binding         INTEGER NOT NULL CHECK (binding IN (0, 1)),
    published       INTEGER NOT NULL CHECK (published IN (0, 1)),
    signed_on       TEXT,
    url             TEXT,
    target_group    TEXT NOT NULL CHECK (target_group IN ('minors', 'adults', 'both')),
    all_exploitation_forms INTEGER NOT NULL DEFAULT 0 CHECK (all_exploitation_forms IN (0, 1)),
    sample          INTEGER NOT NULL DEFAULT 0 CHECK (sample IN (0, 1))
);

CREATE TABLE instrument_exploitation_forms (
    instrument_id   TEXT NOT NULL REFERENCES instruments (id) ON DELETE CASCADE,
    form_code       TEXT NOT NULL REFERENCES exploitation_forms (code),
    PRIMARY KEY (instrument_id, form_code)
);

-- Who handles what where: agency x responsibility x exploitation forms x target group x coverage.
CREATE TABLE services (
    id                      TEXT PRIMARY KEY CHECK (id GLOB '[a-z0-9]*' AND id NOT GLOB '*[^a-z0-9-]*'),
    agency_id               TEXT NOT NULL REFERENCES agencies (id) ON DELETE CASCADE,
    responsibility_code     TEXT NOT NULL REFERENCES responsibilities (code),
    all_exploitation_forms  INTEGER NOT NULL DEFAULT 1 CHECK (all_exploitation_forms IN (0, 1)),
    min_age                 INTEGER CHECK (min_age BETWEEN 0 AND 120),
    max_age                 INTEGER CHECK (max_age BETWEEN 0 AND 120),
    minors_only             INTEGER NOT NULL DEFAULT 0 CHECK (minors_only IN (0, 1)),
    unaccompanied_only      INTEGER NOT NULL DEFAULT 0 CHECK (unaccompanied_only IN (0, 1)),
    priority                INTEGER NOT NULL DEFAULT 100, -- lower wins among equally specific coverage
    coverage_geojson        TEXT,                         -- optional custom polygon (SRID 4326)
    notes                   TEXT,
    CHECK (min_age IS NULL OR max_age IS NULL OR min_age <= max_age)
);
CREATE INDEX ix_services_agency ON services (agency_id);
CREATE INDEX ix_services_responsibility ON services (responsibility_code);

CREATE TABLE service_exploitation_forms (
    service_id  TEXT NOT NULL REFERENCES services (id) ON DELETE CASCADE,
    form_code   TEXT NOT NULL REFERENCES exploitation_forms (code),
    PRIMARY KEY (service_id, form_code)
);

-- Coverage: official keys at any level, or custom regions.
CREATE TABLE service_coverage (
    service_id          TEXT NOT NULL REFERENCES services (id) ON DELETE CASCADE,
    region_key          TEXT REFERENCES regions (key),
    custom_region_key   TEXT REFERENCES custom_regions (key),
    CHECK ((region_key IS NULL) <> (custom_region_key IS NULL))
);
CREATE UNIQUE INDEX ux_service_coverage ON service_coverage (service_id, coalesce(region_key, ''), coalesce(custom_region_key, ''));
CREATE INDEX ix_service_coverage_region ON service_coverage (region_key);

-- Weekly schedules in Europe/Berlin local time.
CREATE TABLE schedules (
    id                          TEXT PRIMARY KEY CHECK (id GLOB '[a-z0-9]*' AND id NOT GLOB '*[^a-z0-9-]*'),
    label                       TEXT NOT NULL,
    time_zone                   TEXT NOT NULL DEFAULT 'Europe/Berlin',
    always_open                 INTEGER NOT NULL DEFAULT 0 CHECK (always_open IN (0, 1)), -- 24/7
    closed_on_public_holidays   INTEGER NOT NULL DEFAULT 0 CHECK (closed_on_public_holidays IN (0, 1)),
    -- the Land (or Gemeinde, for city-only holidays) whose public holidays apply; defaults to the agency's seat
    holiday_region_key          TEXT REFERENCES regions (key),
    valid_from                  TEXT,
    valid_until                 TEXT,
    sample                      INTEGER NOT NULL DEFAULT 0 CHECK (sample IN (0, 1)),
    CHECK (valid_from IS NULL OR valid_until IS NULL OR valid_from <= valid_until)
);

-- A window opens on start_day at start_time and closes on end_day at end_time (ISO days 1 = Monday
-- .. 7 = Sunday), so a window may run overnight (Mon 22:00 - Tue 06:00) or over a weekend
-- (Fri 16:00 - Mon 08:00). end_time '24:00' means midnight at the end of end_day.
CREATE TABLE schedule_windows (
    schedule_id TEXT NOT NULL REFERENCES schedules (id) ON DELETE CASCADE,
    start_day   INTEGER NOT NULL CHECK (start_day BETWEEN 1 AND 7),
    start_time  TEXT NOT NULL CHECK (start_time GLOB '[0-2][0-9]:[0-5][0-9]' AND start_time < '24:00'),
    end_day     INTEGER NOT NULL CHECK (end_day BETWEEN 1 AND 7),
    end_time    TEXT NOT NULL CHECK (end_time GLOB '[0-2][0-9]:[0-5][0-9]' AND end_time <= '24:00'),
    PRIMARY KEY (schedule_id, start_day, start_time)
);

-- Date exceptions: closed for the day, or open in a special window instead of the weekly ones.
CREATE TABLE schedule_exceptions (
    schedule_id TEXT NOT NULL REFERENCES schedules (id) ON DELETE CASCADE,
    date        TEXT NOT NULL,
    closed      INTEGER NOT NULL CHECK (closed IN (0, 1)),
    open_from   TEXT CHECK (open_from IS NULL OR open_from GLOB '[0-2][0-9]:[0-5][0-9]'),
    open_until  TEXT CHECK (open_until IS NULL OR open_until GLOB '[0-2][0-9]:[0-5][0-9]'),
    note        TEXT,
    PRIMARY KEY (schedule_id, date),
    CHECK ((closed = 1 AND open_from IS NULL AND open_until IS NULL) OR (closed = 0 AND open_from IS NOT NULL AND open_until IS NOT NULL))
);

CREATE TABLE contacts (
    id              TEXT PRIMARY KEY CHECK (id GLOB '[a-z0-9]*' AND id NOT GLOB '*[^a-z0-9-]*'),
    agency_id       TEXT NOT NULL REFERENCES agencies (id) ON DELETE CASCADE,
    service_id      TEXT REFERENCES services (id) ON DELETE CASCADE, -- NULL: for all of the agency's services
    kind_code       TEXT NOT NULL REFERENCES contact_kinds (code),
    channel_code    TEXT NOT NULL REFERENCES contact_channels (code),
    value           TEXT NOT NULL,            -- E.164 for phone, address for e-mail, URL for web forms, '110' for via-110
    label           TEXT,
    visibility      TEXT NOT NULL CHECK (visibility IN ('public', 'professional', 'internal')),
    schedule_id     TEXT REFERENCES schedules (id),  -- NULL: reachable whenever the agency is (no schedule known)
    sort_order      INTEGER NOT NULL DEFAULT 0,
    sample          INTEGER NOT NULL DEFAULT 0 CHECK (sample IN (0, 1))
);
CREATE INDEX ix_contacts_agency ON contacts (agency_id);

CREATE TABLE contact_languages (
    contact_id  TEXT NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    language    TEXT NOT NULL,
    PRIMARY KEY (contact_id, language)
);

-- Append-only record of writes. The API offers no way to change or delete rows.
CREATE TABLE audit (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    occurred_at     TEXT NOT NULL,
    actor           TEXT NOT NULL,
    action          TEXT NOT NULL CHECK (action IN ('create', 'replace', 'patch', 'delete', 'verify', 'import')),
    entity_type     TEXT NOT NULL,
    entity_id       TEXT NOT NULL,
    region_key      TEXT,
    before_json     TEXT,
    after_json      TEXT,
    correlation_id  TEXT
);
CREATE INDEX ix_audit_entity ON audit (entity_type, entity_id);
CREATE INDEX ix_audit_time ON audit (occurred_at);

CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'audit rows are immutable'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'audit rows are immutable'); END;
