-- Partner keys: a fourth role that identifies a partner website's traffic. It reads public data only,
-- may be limited to the browser origins it is embedded in, and has a quota of requests per minute.
--
-- SQLite cannot change a CHECK constraint, so api_keys is rebuilt (new table, copy, drop, rename).
-- Foreign keys are on (SqliteConnectionFactory) and cannot be switched off inside the migration's
-- transaction; dropping api_keys would cascade into api_key_scopes, so the scopes are set aside in
-- a plain table first and put back once api_keys has its old name again. (PostgreSQL would need
-- only ALTER TABLE ... DROP CONSTRAINT / ADD CONSTRAINT / ADD COLUMN here.)
CREATE TABLE api_keys_0010 (
    id                   TEXT PRIMARY KEY CHECK (id NOT GLOB '*[^0-9a-f]*' AND length(id) = 16),
    name                 TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    role                 TEXT NOT NULL CHECK (role IN ('professional', 'coordinator', 'admin', 'partner')),
    prefix               TEXT NOT NULL,
    salt                 BLOB NOT NULL,
    hash                 BLOB NOT NULL,
    created_at           TEXT NOT NULL,
    expires_at           TEXT NOT NULL,
    revoked_at           TEXT,
    created_by           TEXT NOT NULL,
    -- The quota of a partner key; other roles have none (their writes have the write budget).
    requests_per_minute  INTEGER CHECK (requests_per_minute BETWEEN 1 AND 100000),
    CHECK ((role = 'partner') = (requests_per_minute IS NOT NULL))
);

INSERT INTO api_keys_0010 (id, name, role, prefix, salt, hash, created_at, expires_at, revoked_at, created_by)
SELECT id, name, role, prefix, salt, hash, created_at, expires_at, revoked_at, created_by FROM api_keys;

CREATE TABLE api_key_scopes_0010 (key_id TEXT NOT NULL, region_key TEXT NOT NULL);
INSERT INTO api_key_scopes_0010 (key_id, region_key) SELECT key_id, region_key FROM api_key_scopes;

DROP TABLE api_key_scopes;
DROP TABLE api_keys;
ALTER TABLE api_keys_0010 RENAME TO api_keys;

-- As created by 0005.
CREATE TABLE api_key_scopes (
    key_id      TEXT NOT NULL REFERENCES api_keys (id) ON DELETE CASCADE,
    region_key  TEXT NOT NULL REFERENCES regions (key),
    PRIMARY KEY (key_id, region_key),
    CHECK (length(region_key) IN (2, 5))
);
INSERT INTO api_key_scopes (key_id, region_key) SELECT key_id, region_key FROM api_key_scopes_0010;
DROP TABLE api_key_scopes_0010;

-- The browser origins (scheme://host[:port], as browsers send them in Origin) a partner key may be
-- used from. A request with an Origin header not listed here is refused; one without is server-to-server.
CREATE TABLE api_key_origins (
    key_id  TEXT NOT NULL REFERENCES api_keys (id) ON DELETE CASCADE,
    origin  TEXT NOT NULL CHECK (length(origin) BETWEEN 8 AND 300),
    PRIMARY KEY (key_id, origin)
);

-- Requests of a partner key per UTC day, counted in memory and added here periodically.
-- answered = status_2xx + status_3xx + status_4xx + status_5xx; the refused ones are apart.
CREATE TABLE api_key_usage (
    key_id            TEXT NOT NULL REFERENCES api_keys (id) ON DELETE CASCADE,
    day               TEXT NOT NULL CHECK (length(day) = 10),
    answered          INTEGER NOT NULL DEFAULT 0,
    status_2xx        INTEGER NOT NULL DEFAULT 0,
    status_3xx        INTEGER NOT NULL DEFAULT 0,
    status_4xx        INTEGER NOT NULL DEFAULT 0,
    status_5xx        INTEGER NOT NULL DEFAULT 0,
    rejected_quota    INTEGER NOT NULL DEFAULT 0,
    rejected_origin   INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (key_id, day)
);
