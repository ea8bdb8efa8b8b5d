-- API keys for authenticated callers. The key itself is never stored: only a random salt and
-- SHA-256(salt || secret), plus a short prefix so that people can recognise a key in a list.
CREATE TABLE api_keys (
    id          TEXT PRIMARY KEY CHECK (id NOT GLOB '*[^0-9a-f]*' AND length(id) = 16),
    name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    role        TEXT NOT NULL CHECK (role IN ('professional', 'coordinator', 'admin')),
    prefix      TEXT NOT NULL,
    salt        BLOB NOT NULL,
    hash        BLOB NOT NULL,
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    revoked_at  TEXT,
    created_by  TEXT NOT NULL
);

-- The Länder (2 digits) and Kreise (5 digits) a key may write in.
CREATE TABLE api_key_scopes (
    key_id      TEXT NOT NULL REFERENCES api_keys (id) ON DELETE CASCADE,
    region_key  TEXT NOT NULL REFERENCES regions (key),
    PRIMARY KEY (key_id, region_key),
    CHECK (length(region_key) IN (2, 5))
);
