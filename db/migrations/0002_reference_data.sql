-- Reference data that is fact, not sample: taxonomies, Germany and its 16 Länder.
-- Extend a taxonomy by adding rows in a later migration; codes are never renamed.

INSERT INTO agency_kinds (code, label_de, label_en, sort_order) VALUES
 ('youth_welfare_office',       'Jugendamt',                                   'Youth welfare office', 10),
 ('police',                     'Polizei',                                     'Police', 20),
 ('state_criminal_police',      'Landeskriminalamt',                           'State criminal police office', 30),
 ('federal_police',             'Bundespolizei',                               'Federal police', 40),
 ('customs_fks',                'Finanzkontrolle Schwarzarbeit (Zoll)',         'Customs: financial control of undeclared work', 50),
 ('specialised_counselling',    'Fachberatungsstelle',                         'Specialised counselling centre', 60),
 ('child_protection_clinic',    'Kinderschutzambulanz',                        'Child protection clinic', 70),
 ('forensic_medicine',          'Rechtsmedizin',                               'Forensic medicine', 80),
 ('health_service',             'Sonstiger Gesundheitsdienst',                 'Other health service', 90),
 ('immigration_office',         'Ausländerbehörde',                            'Immigration office', 100),
 ('bamf',                       'Bundesamt für Migration und Flüchtlinge',     'Federal Office for Migration and Refugees', 110),
 ('public_prosecutor',          'Staatsanwaltschaft',                          'Public prosecutor''s office', 120),
 ('family_court',               'Familiengericht',                             'Family court', 130),
 ('psychosocial_trial_support', 'Psychosoziale Prozessbegleitung',             'Psychosocial trial support', 140),
 ('guardianship',               'Vormundschaft',                               'Guardianship', 150),
 ('coordination_office',        'Koordinierungsstelle',                        'Coordinating office', 160),
 ('other',                      'Sonstige',                                    'Other', 999);

INSERT INTO responsibilities (code, label_de, label_en, case_step, legal_basis, acute, sort_order) VALUES
 ('consultation',               'Beratung bei Verdacht',                                  'Consultation on a suspicion', 1, '§ 8a, § 8b SGB VIII', 0, 10),
 ('emergency_intervention',     'Krisenintervention und Bereitschaftsdienst',             'Emergency intervention and on-call duty', 2, '§ 8a SGB VIII', 1, 20),
 ('taking_into_care',           'Inobhutnahme',                                           'Taking into care', 3, '§ 42, § 42a SGB VIII', 1, 30),
 ('protected_accommodation',    'Geschützte Unterbringung',                               'Protected accommodation', 3, NULL, 0, 40),
 ('age_assessment',             'Alterseinschätzung',                                     'Age assessment', 4, '§ 42f SGB VIII', 0, 50),
 ('guardianship',               'Vormundschaft und Ergänzungspflegschaft',                'Guardianship', 4, '§§ 1773 ff., § 1809 BGB', 0, 60),
 ('medical_examination',        'Medizinische Untersuchung und gerichtsfeste Dokumentation', 'Medical examination and forensic documentation', 4, NULL, 1, 70),
 ('specialised_counselling',    'Fachberatung und Begleitung',                            'Specialised counselling and accompaniment', 3, NULL, 0, 80),
 ('residence_law',              'Aufenthaltsrecht',                                       'Residence law', 5, '§ 59 Abs. 7, § 25 Abs. 4a/4b AufenthG', 0, 90),
 ('asylum_procedure',           'Asylverfahren',                                          'Asylum procedure', 5, 'AsylG', 0, 100),
 ('criminal_investigation',     'Strafverfolgung durch die Polizei',                      'Criminal investigation', 6, 'StPO', 1, 110),
 ('prosecution',                'Strafverfolgung durch die Staatsanwaltschaft',           'Prosecution', 6, 'StPO', 0, 120),
 ('psychosocial_trial_support', 'Psychosoziale Prozessbegleitung',                        'Psychosocial trial support', 6, '§ 406g StPO', 0, 130),
 ('interpreting',               'Sprachmittlung',                                         'Interpreting', NULL, NULL, 0, 140),
 ('network_coordination',       'Netzwerkkoordination',                                   'Network coordination', NULL, NULL, 0, 150);

INSERT INTO exploitation_forms (code, label_de, label_en, stgb_reference, sort_order) VALUES
 ('sexual_exploitation',       'Sexuelle Ausbeutung',                                    'Sexual exploitation', '§§ 232, 232a StGB', 10),
 ('labour_exploitation',       'Ausbeutung der Arbeitskraft',                            'Labour exploitation', '§§ 232b, 233 StGB', 20),
 ('forced_begging',            'Ausbeutung bei der Ausübung der Bettelei',               'Forced begging', '§ 232 Abs. 1 S. 1 Nr. 1 lit. c, § 233 StGB', 30),
 ('forced_criminal_acts',      'Ausbeutung bei der Begehung strafbarer Handlungen',      'Exploitation through forced criminal acts', '§ 232 Abs. 1 S. 1 Nr. 1 lit. d, § 233 StGB', 40),
 ('slavery_like_conditions',   'Sklaverei, sklavereiähnliche Verhältnisse, Freiheitsberaubung', 'Slavery-like conditions and deprivation of liberty', '§ 232 Abs. 1 S. 1 Nr. 2, § 233a StGB', 50),
 ('organ_removal',             'Organentnahme',                                          'Organ removal', '§ 232 Abs. 1 S. 1 Nr. 3 StGB', 60),
 ('illegal_adoption',          'Illegale Adoption und Kinderhandel',                     'Illegal adoption and child trafficking', '§ 236 StGB', 70),
 ('forced_marriage',           'Zwangsheirat',                                           'Forced marriage', '§ 237 StGB', 80);

INSERT INTO instrument_types (code, label_de, label_en, sort_order) VALUES
 ('cooperation_agreement',   'Kooperationsvereinbarung',    'Cooperation agreement', 10),
 ('collaboration_agreement', 'Zusammenarbeitsvereinbarung', 'Collaboration agreement', 20),
 ('guideline',               'Leitfaden',                   'Guideline', 30),
 ('decree',                  'Erlass',                      'Decree', 40),
 ('round_table',             'Runder Tisch',                'Round table', 50);

INSERT INTO member_roles (code, label_de, label_en, sort_order) VALUES
 ('coordinator', 'Koordination',            'Coordinator', 10),
 ('member',      'Mitglied',                'Member', 20),
 ('advisory',    'Beratendes Mitglied',     'Advisory member', 30),
 ('guest',       'Gast',                    'Guest', 40);

INSERT INTO contact_kinds (code, label_de, label_en, sort_order) VALUES
 ('office',       'Dienststelle',        'Office', 10),
 ('hotline',      'Hotline',             'Hotline', 20),
 ('on_call',      'Bereitschaftsdienst', 'On-call duty', 30),
 ('role_mailbox', 'Funktionspostfach',   'Role mailbox', 40),
 ('named_person', 'Ansprechperson',      'Named person', 50);

INSERT INTO contact_channels (code, label_de, label_en, sort_order) VALUES
 ('phone',                  'Telefon',                     'Phone', 10),
 ('email',                  'E-Mail',                      'E-mail', 20),
 ('web_form',               'Webformular',                 'Web form', 30),
 ('via_police_emergency',   'Über den Polizeinotruf 110',  'Via police emergency number 110', 40);

INSERT INTO regions (key, level, name, designation, parent_key, ars, boundary_date, boundary_source) VALUES
 ('DE', 'country', 'Deutschland', 'Bundesrepublik', NULL, NULL, NULL, NULL),
 ('01', 'land', 'Schleswig-Holstein',     'Land',          'DE', '010000000000', NULL, NULL),
 ('02', 'land', 'Hamburg',                'Freie und Hansestadt', 'DE', '020000000000', NULL, NULL),
 ('03', 'land', 'Niedersachsen',          'Land',          'DE', '030000000000', NULL, NULL),
 ('04', 'land', 'Bremen',                 'Freie Hansestadt', 'DE', '040000000000', NULL, NULL),
 ('05', 'land', 'Nordrhein-Westfalen',    'Land',          'DE', '050000000000', NULL, NULL),
 ('06', 'land', 'Hessen',                 'Land',          'DE', '060000000000', NULL, NULL),
 ('07', 'land', 'Rheinland-Pfalz',        'Land',          'DE', '070000000000', NULL, NULL),
 ('08', 'land', 'Baden-Württemberg',      'Land',          'DE', '080000000000', NULL, NULL),
 ('09', 'land', 'Bayern',                 'Freistaat',     'DE', '090000000000', NULL, NULL),
 ('10', 'land', 'Saarland',               'Land',          'DE', '100000000000', NULL, NULL),
 ('11', 'land', 'Berlin',                 'Land',          'DE', '110000000000', NULL, NULL),
 ('12', 'land', 'Brandenburg',            'Land',          'DE', '120000000000', NULL, NULL),
 ('13', 'land', 'Mecklenburg-Vorpommern', 'Land',          'DE', '130000000000', NULL, NULL),
 ('14', 'land', 'Sachsen',                'Freistaat',     'DE', '140000000000', NULL, NULL),
 ('15', 'land', 'Sachsen-Anhalt',         'Land',          'DE', '150000000000', NULL, NULL),
 ('16', 'land', 'Thüringen',              'Freistaat',     'DE', '160000000000', NULL, NULL);
