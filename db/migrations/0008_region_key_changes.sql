-- Keys across Gebietsstände: a key that the imported boundaries no longer hold (a Kreis merged
-- away, Eisenach 16056 into the Wartburgkreis 16063 in 2021) and the key whose area now holds it,
-- as a boundary import derived it. A lookup by the old key answers for the new one and says so.
-- (Numbered 0009, not 0008: another branch may add an 0008; the migrator applies any unapplied version.)

CREATE TABLE region_key_changes (
    old_key         TEXT PRIMARY KEY,
    new_key         TEXT NOT NULL REFERENCES regions (key),
    level           TEXT NOT NULL CHECK (level IN ('land', 'regierungsbezirk', 'kreis', 'gemeinde')),
    -- disappeared: had a boundary before this import and has none in it; the new key holds its interior point (or most of its area).
    -- gemeinde_keys: named by the keys of imported Gemeinden (AGS[0..5]) but not in the imported Kreise; the new key holds most of those Gemeinden.
    derived_from    TEXT NOT NULL CHECK (derived_from IN ('disappeared', 'gemeinde_keys')),
    boundary_date   TEXT,                                           -- Gebietsstand of the boundaries new_key was found in
    import_id       INTEGER NOT NULL REFERENCES boundary_imports (id)
);
CREATE INDEX ix_region_key_changes_new ON region_key_changes (new_key);
