-- A schedule belongs to a region: whoever may write that region keeps it. Before, a schedule
-- belonged to wherever its users were, so attaching one's contact to another Land's schedule took
-- that Land's schedule out of its coordinator's hands. 'DE' marks a nationwide schedule (admins).
ALTER TABLE schedules ADD COLUMN region_key TEXT REFERENCES regions (key);

-- Existing schedules: the holiday region when one is set; else the one seat all its users share,
-- or the one Land they share; else nationwide.
UPDATE schedules SET region_key = coalesce(
    holiday_region_key,
    (SELECT CASE WHEN count(DISTINCT a.region_key) = 1 THEN min(a.region_key)
                 WHEN count(DISTINCT substr(a.region_key, 1, 2)) = 1 AND min(a.region_key) <> 'DE' THEN substr(min(a.region_key), 1, 2)
            END
       FROM contacts c JOIN agencies a ON a.id = c.agency_id WHERE c.schedule_id = schedules.id),
    'DE');
