-- Bulk imports (issue 14): one row per applied import; every audit row it wrote names it, so
-- "what did this import change" and "which import changed this entry" are one query each.
-- A dry run writes nothing, not even here.
CREATE TABLE imports (
    id              TEXT PRIMARY KEY,
    occurred_at     TEXT NOT NULL,
    actor           TEXT NOT NULL,
    region_key      TEXT NOT NULL,
    format          TEXT NOT NULL CHECK (format IN ('csv', 'xlsx')),
    file_sha256     TEXT NOT NULL,
    delete_missing  INTEGER NOT NULL,
    rows            INTEGER NOT NULL,
    created         INTEGER NOT NULL,
    updated         INTEGER NOT NULL,
    deleted         INTEGER NOT NULL,
    unchanged       INTEGER NOT NULL,
    correlation_id  TEXT
);
CREATE INDEX ix_imports_time ON imports (occurred_at);

-- NULL for single writes. No foreign key: the audit row is written before the import's summary row,
-- in the same transaction.
ALTER TABLE audit ADD COLUMN import_id TEXT;
CREATE INDEX ix_audit_import ON audit (import_id) WHERE import_id IS NOT NULL;
