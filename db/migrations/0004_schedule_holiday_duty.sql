-- On-call duty covers nights, weekends AND public holidays: a schedule can now say that it is
-- staffed all day on the public holidays of its region (in addition to its weekly windows).
ALTER TABLE schedules ADD COLUMN open_on_public_holidays INTEGER NOT NULL DEFAULT 0 CHECK (open_on_public_holidays IN (0, 1));
