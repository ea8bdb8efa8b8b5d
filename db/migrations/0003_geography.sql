-- Geography: the record of boundary imports and the postal-code table.

CREATE TABLE boundary_imports (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    imported_at         TEXT NOT NULL,
    source              TEXT NOT NULL,
    boundary_date       TEXT,            -- Gebietsstand
    levels              TEXT NOT NULL,   -- 'land,kreis'
    region_count        INTEGER NOT NULL,
    disappeared_keys    TEXT NOT NULL    -- JSON array of keys that had a boundary before and have none now
);

-- One row per place and postal code, with a representative point (not a postal-code polygon).
CREATE TABLE postal_codes (
    code        TEXT NOT NULL CHECK (length(code) = 5 AND code NOT GLOB '*[^0-9]*'),
    place       TEXT NOT NULL,
    latitude    REAL NOT NULL CHECK (latitude BETWEEN -90 AND 90),
    longitude   REAL NOT NULL CHECK (longitude BETWEEN -180 AND 180),
    kreis_key   TEXT,                    -- the Kreis the source names, if any
    source      TEXT NOT NULL
);
CREATE INDEX ix_postal_codes_code ON postal_codes (code);
