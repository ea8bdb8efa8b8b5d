-- Reports from the field: someone found a wrong number or a closed agency. The report keeps the
-- agency's region at the time of reporting (the coordinators of that region review it) and no
-- foreign key to the agency or contact, so that deleting either leaves the report and its review.
-- reply_to is the only personal data, optional, and shown to the region's coordinators and admins only.
CREATE TABLE field_reports (
    id              TEXT PRIMARY KEY,
    kind            TEXT NOT NULL CHECK (kind IN ('wrong_number', 'agency_closed', 'other')),
    agency_id       TEXT NOT NULL,
    contact_id      TEXT,
    region_key      TEXT NOT NULL,
    message         TEXT NOT NULL CHECK (length(message) BETWEEN 1 AND 1000),
    reply_to        TEXT CHECK (reply_to IS NULL OR length(reply_to) <= 254),
    reporter        TEXT,                                   -- the API key's name; NULL for an anonymous report
    status          TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'accepted', 'rejected')),
    status_note     TEXT CHECK (status_note IS NULL OR length(status_note) <= 1000),
    status_by       TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    version         INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX ix_field_reports_region ON field_reports (region_key, status);
CREATE INDEX ix_field_reports_agency ON field_reports (agency_id, status);
