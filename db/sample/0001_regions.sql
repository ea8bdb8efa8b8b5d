-- SAMPLE DATA – fictional agencies and contacts for demonstration; phone numbers from the
-- Bundesnetzagentur's unassigned media ranges (Mitteilung 148/2021); e-mail and web on example.org.
-- Official regions used by the sample, and custom regions.

-- Official regions the sample refers to (real keys and names from the BKG VG250/VG5000
-- Gebietsstand; not flagged sample: the regions table holds facts). A later boundary import
-- may already have inserted them, hence ON CONFLICT DO NOTHING.
INSERT INTO regions (key, level, name, designation, parent_key, ars) VALUES
 ('091', 'regierungsbezirk', 'Oberbayern', 'Regierungsbezirk', '09', '091000000000'),
 ('097', 'regierungsbezirk', 'Schwaben',   'Regierungsbezirk', '09', '097000000000'),
 ('02000', 'kreis', 'Hamburg',     'Kreisfreie Stadt', '02',  '020000000000'),
 ('04011', 'kreis', 'Bremen',      'Kreisfreie Stadt', '04',  '040110000000'),
 ('04012', 'kreis', 'Bremerhaven', 'Kreisfreie Stadt', '04',  '040120000000'),
 ('09162', 'kreis', 'München',     'Kreisfreie Stadt', '091', '091620000000'),
 ('09178', 'kreis', 'Freising',    'Landkreis',        '091', '091780000000'),
 ('09184', 'kreis', 'München',     'Landkreis',        '091', '091840000000'),
 ('09189', 'kreis', 'Traunstein',  'Landkreis',        '091', '091890000000'),
 ('09761', 'kreis', 'Augsburg',    'Kreisfreie Stadt', '097', '097610000000'),
 ('02000000', 'gemeinde', 'Hamburg',              'Stadt',    '02000', '020000000000'),
 ('04011000', 'gemeinde', 'Bremen',               'Stadt',    '04011', '040110000000'),
 ('04012000', 'gemeinde', 'Bremerhaven',          'Stadt',    '04012', '040120000000'),
 ('09162000', 'gemeinde', 'München',              'Stadt',    '09162', '091620000000'),
 ('09184119', 'gemeinde', 'Garching b. München',  'Stadt',    '09184', '091840119119'),
 ('09184136', 'gemeinde', 'Ottobrunn',            'Gemeinde', '09184', '091840136136'),
 ('09184149', 'gemeinde', 'Unterschleißheim',     'Stadt',    '09184', '091840149149'),
 ('09189154', 'gemeinde', 'Traunreut',            'Stadt',    '09189', '091890154154'),
 ('09189155', 'gemeinde', 'Traunstein',           'Stadt',    '09189', '091890155155'),
 ('09761000', 'gemeinde', 'Augsburg',             'Stadt',    '09761', '097610000000')
ON CONFLICT (key) DO NOTHING;

-- Custom regions: fictional groupings of official keys, flagged sample.
INSERT INTO custom_regions (key, name, kind, land_key, sample) VALUES
 ('pp-muenchen-bereich',    'Dienstbereich Polizeipräsidium München (Beispiel)',     'police_district',       '09', 1),
 ('lg-traunstein-beispiel', 'Landgerichtsbezirk Traunstein (Beispiel, vereinfacht)', 'prosecution_district',  '09', 1),
 ('bamf-suedbayern',        'Zuständigkeitsbereich BAMF-Außenstelle München (Beispiel)', 'bamf_district',   '09', 1),
 ('hh-hb-nord',             'Kooperationsraum Hamburg–Bremen (Beispiel)',            'other',                 '02', 1);

INSERT INTO custom_region_members (custom_region_key, region_key) VALUES
 ('pp-muenchen-bereich', '09162'),
 ('pp-muenchen-bereich', '09184'),
 ('lg-traunstein-beispiel', '09189'),
 ('bamf-suedbayern', '091'),
 ('bamf-suedbayern', '097'),
 ('hh-hb-nord', '02'),
 ('hh-hb-nord', '04');
