-- Every entity that can be written gets a version (its ETag) and an update time, so that a write
-- based on a stale read is refused (412) instead of silently overwriting a colleague's change.
ALTER TABLE services ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE services ADD COLUMN updated_at TEXT;
ALTER TABLE contacts ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE contacts ADD COLUMN updated_at TEXT;
ALTER TABLE schedules ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE schedules ADD COLUMN updated_at TEXT;
ALTER TABLE instruments ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE instruments ADD COLUMN updated_at TEXT;
