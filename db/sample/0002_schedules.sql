-- SAMPLE DATA – fictional agencies and contacts for demonstration; phone numbers from the
-- Bundesnetzagentur's unassigned media ranges (Mitteilung 148/2021); e-mail and web on example.org.
-- Schedules shared by the sample contacts. region_key: who keeps the schedule (DE: nationwide, admins).

-- Weekly schedules (Europe/Berlin local time). ISO days: 1 = Monday .. 7 = Sunday.
-- A window may run overnight (start_day <> end_day) or over the weekend (Fri -> Mon).
-- On-call schedules are staffed all day on public holidays (open_on_public_holidays = 1).
INSERT INTO schedules (id, label, time_zone, always_open, closed_on_public_holidays, holiday_region_key, valid_from, valid_until, sample, open_on_public_holidays, region_key) VALUES
 -- real, plain facts: the emergency numbers 110 and 112 are always answered
 ('sch-always-open',     'Rund um die Uhr (Notrufnummern)',                 'Europe/Berlin', 1, 0, NULL, NULL, NULL, 0, 0, 'DE'),
 ('sch-24-7',            'Rund um die Uhr (Beispiel)',                      'Europe/Berlin', 1, 0, NULL, NULL, NULL, 1, 0, 'DE'),
 ('sch-office-hh',       'Bürozeiten Hamburg (Beispiel)',                   'Europe/Berlin', 0, 1, '02', NULL, NULL, 1, 0, '02'),
 ('sch-office-hb',       'Bürozeiten Bremen (Beispiel)',                    'Europe/Berlin', 0, 1, '04', NULL, NULL, 1, 0, '04'),
 ('sch-office-by',       'Bürozeiten, Feiertage am Dienstsitz der Stelle (Beispiel)', 'Europe/Berlin', 0, 1, NULL, NULL, NULL, 1, 0, 'DE'),
 ('sch-office-augsburg', 'Bürozeiten Stadt Augsburg, inkl. Friedensfest (Beispiel)', 'Europe/Berlin', 0, 1, '09761000', NULL, NULL, 1, 0, '09761000'),
 ('sch-oncall-hh',       'Rufbereitschaft außerhalb der Bürozeiten Hamburg (Beispiel)', 'Europe/Berlin', 0, 0, '02', NULL, NULL, 1, 1, '02'),
 ('sch-oncall-by',       'Rufbereitschaft außerhalb der Bürozeiten Bayern (Beispiel)',  'Europe/Berlin', 0, 0, NULL, NULL, NULL, 1, 1, '09'),
 ('sch-counselling-hh',  'Beratungszeiten Fachberatungsstelle Hamburg (Beispiel)', 'Europe/Berlin', 0, 1, '02', NULL, NULL, 1, 0, '02'),
 ('sch-crisis-evening',  'Krisentelefon abends, täglich bis Mitternacht (Beispiel)', 'Europe/Berlin', 0, 0, NULL, NULL, NULL, 1, 0, 'DE'),
 ('sch-winter-2026',     'Winter-Sprechzeiten Chiemgau 2026/27 (Beispiel)', 'Europe/Berlin', 0, 1, '09', '2026-11-01', '2027-03-31', 1, 0, '09');

INSERT INTO schedule_windows (schedule_id, start_day, start_time, end_day, end_time) VALUES
 ('sch-office-hh', 1, '08:00', 1, '16:00'), ('sch-office-hh', 2, '08:00', 2, '16:00'),
 ('sch-office-hh', 3, '08:00', 3, '16:00'), ('sch-office-hh', 4, '08:00', 4, '16:00'),
 ('sch-office-hh', 5, '08:00', 5, '13:00'),
 ('sch-office-hb', 1, '08:00', 1, '16:00'), ('sch-office-hb', 2, '08:00', 2, '16:00'),
 ('sch-office-hb', 3, '08:00', 3, '16:00'), ('sch-office-hb', 4, '08:00', 4, '16:00'),
 ('sch-office-hb', 5, '08:00', 5, '13:00'),
 ('sch-office-by', 1, '08:00', 1, '16:00'), ('sch-office-by', 2, '08:00', 2, '16:00'),
 ('sch-office-by', 3, '08:00', 3, '16:00'), ('sch-office-by', 4, '08:00', 4, '16:00'),
 ('sch-office-by', 5, '08:00', 5, '13:00'),
 ('sch-office-augsburg', 1, '08:00', 1, '16:00'), ('sch-office-augsburg', 2, '08:00', 2, '16:00'),
 ('sch-office-augsburg', 3, '08:00', 3, '16:00'), ('sch-office-augsburg', 4, '08:00', 4, '16:00'),
 ('sch-office-augsburg', 5, '08:00', 5, '13:00'),
 -- on-call: every night Mon-Thu, and the whole weekend from Friday 13:00 to Monday 08:00
 ('sch-oncall-hh', 1, '16:00', 2, '08:00'), ('sch-oncall-hh', 2, '16:00', 3, '08:00'),
 ('sch-oncall-hh', 3, '16:00', 4, '08:00'), ('sch-oncall-hh', 4, '16:00', 5, '08:00'),
 ('sch-oncall-hh', 5, '13:00', 1, '08:00'),
 ('sch-oncall-by', 1, '16:00', 2, '08:00'), ('sch-oncall-by', 2, '16:00', 3, '08:00'),
 ('sch-oncall-by', 3, '16:00', 4, '08:00'), ('sch-oncall-by', 4, '16:00', 5, '08:00'),
 ('sch-oncall-by', 5, '13:00', 1, '08:00'),
 ('sch-counselling-hh', 2, '10:00', 2, '18:00'), ('sch-counselling-hh', 3, '14:00', 3, '19:00'),
 ('sch-counselling-hh', 4, '10:00', 4, '18:00'),
 ('sch-crisis-evening', 1, '18:00', 1, '24:00'), ('sch-crisis-evening', 2, '18:00', 2, '24:00'),
 ('sch-crisis-evening', 3, '18:00', 3, '24:00'), ('sch-crisis-evening', 4, '18:00', 4, '24:00'),
 ('sch-crisis-evening', 5, '18:00', 5, '24:00'), ('sch-crisis-evening', 6, '18:00', 6, '24:00'),
 ('sch-crisis-evening', 7, '18:00', 7, '24:00'),
 ('sch-winter-2026', 1, '09:00', 1, '15:00'), ('sch-winter-2026', 3, '09:00', 3, '15:00');

INSERT INTO schedule_exceptions (schedule_id, date, closed, open_from, open_until, note) VALUES
 ('sch-office-hh', '2026-12-24', 1, NULL, NULL, 'Heiligabend geschlossen'),
 ('sch-office-hh', '2026-12-31', 0, '08:00', '12:00', 'Silvester verkürzt'),
 ('sch-office-hb', '2026-12-24', 1, NULL, NULL, 'Heiligabend geschlossen'),
 ('sch-office-by', '2026-12-24', 1, NULL, NULL, 'Heiligabend geschlossen'),
 ('sch-office-by', '2026-12-31', 0, '08:00', '12:00', 'Silvester verkürzt'),
 ('sch-office-augsburg', '2026-12-24', 1, NULL, NULL, 'Heiligabend geschlossen'),
 ('sch-counselling-hh', '2026-12-29', 0, '10:00', '14:00', 'Zwischen den Jahren verkürzt'),
 ('sch-winter-2026', '2027-02-15', 1, NULL, NULL, 'Teamklausur'),
 -- Heiligabend is no public holiday but the offices close: on-call covers from 08:00 to 08:00 the next day
 ('sch-oncall-hh', '2026-12-24', 0, '08:00', '08:00', 'Heiligabend: Rufbereitschaft ganztägig'),
 ('sch-oncall-by', '2026-12-24', 0, '08:00', '08:00', 'Heiligabend: Rufbereitschaft ganztägig');
