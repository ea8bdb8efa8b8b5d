-- Holidays that hold only in some Gemeinden of a Land, as data (issue 12, item 3). Number 0009:
-- 0008 is left free for a migration being written concurrently on another branch.
-- A rule's date is a holiday at a region key when the entry with the longest key_prefix of that key
-- says so; a key no entry matches (a Land or Kreis seat, or a Gemeinde the list does not name)
-- follows default_holiday, and the answer's reason says which assumption it made.
-- Replaced by an admin with PUT /v1/admin/holiday-rules/{code}; provenance of every entry in README.
CREATE TABLE holiday_rules (
    code             TEXT PRIMARY KEY,
    name             TEXT NOT NULL,
    land_key         TEXT NOT NULL CHECK (length(land_key) = 2),
    date_rule        TEXT NOT NULL,          -- 'MM-DD', or 'easter+N' (days after Easter Sunday)
    applies_where    TEXT NOT NULL,          -- completes "a holiday only in ..."
    default_holiday  INTEGER NOT NULL CHECK (default_holiday IN (0, 1))
);

CREATE TABLE holiday_rule_keys (
    rule_code   TEXT NOT NULL REFERENCES holiday_rules (code),
    key_prefix  TEXT NOT NULL CHECK (length(key_prefix) BETWEEN 2 AND 8 AND key_prefix NOT GLOB '*[^0-9]*'),
    holiday     INTEGER NOT NULL CHECK (holiday IN (0, 1)),
    source      TEXT NOT NULL,               -- where the entry comes from and how sure it is
    PRIMARY KEY (rule_code, key_prefix)
);

INSERT INTO holiday_rules (code, name, land_key, date_rule, applies_where, default_holiday) VALUES
  ('mariae-himmelfahrt-by', 'Mariä Himmelfahrt', '09', '08-15',
   'Gemeinden with more Catholic than Protestant residents (as determined by the Bayerisches Landesamt für Statistik)', 1),
  ('fronleichnam-sn', 'Fronleichnam', '14', 'easter+60',
   'the Gemeinden named by the Saxon Fronleichnam regulation (Catholic Sorbian Gemeinden in the Landkreise Bautzen and Görlitz)', 1),
  ('fronleichnam-th', 'Fronleichnam', '16', 'easter+60',
   'the Gemeinden named by the ThürFtG (the Eichsfeld and some Gemeinden of the Unstrut-Hainich-Kreis and the Wartburgkreis)', 1),
  ('friedensfest-augsburg', 'Augsburger Hohes Friedensfest', '09', '08-08', 'the city of Augsburg', 0);

INSERT INTO holiday_rule_keys (rule_code, key_prefix, holiday, source) VALUES
  -- Bayern, whole Regierungsbezirke (BayLfStat, Zensus 2022; high confidence)
  ('mariae-himmelfahrt-by', '091', 1, 'Oberbayern: every Gemeinde (BayLfStat list since 2025, Zensus 2022); high'),
  ('mariae-himmelfahrt-by', '092', 1, 'Niederbayern: every Gemeinde (BayLfStat list since 2025, Zensus 2022); high'),
  -- Bayern, kreisfreie Städte outside Ober- and Niederbayern (Ingolstadt, München, Rosenheim, Landshut, Passau, Straubing are covered above)
  ('mariae-himmelfahrt-by', '09361', 1, 'Amberg: Catholic majority (Oberpfalz); high'),
  ('mariae-himmelfahrt-by', '09362', 1, 'Regensburg: Catholic majority, see of a diocese; high'),
  ('mariae-himmelfahrt-by', '09363', 1, 'Weiden i.d.OPf.: Catholic majority (Oberpfalz); medium, not checked against the BayLfStat list'),
  ('mariae-himmelfahrt-by', '09461', 1, 'Bamberg: Catholic majority, see of an archdiocese; high'),
  ('mariae-himmelfahrt-by', '09462', 0, 'Bayreuth: Protestant majority (Oberfranken); high'),
  ('mariae-himmelfahrt-by', '09463', 0, 'Coburg: Protestant majority (Oberfranken); high'),
  ('mariae-himmelfahrt-by', '09464', 0, 'Hof: Protestant majority (Oberfranken); high'),
  ('mariae-himmelfahrt-by', '09561', 0, 'Ansbach: Protestant majority (Mittelfranken); high'),
  ('mariae-himmelfahrt-by', '09562', 0, 'Erlangen: not on the BayLfStat list (DOMAIN.md); high'),
  ('mariae-himmelfahrt-by', '09563', 0, 'Fürth: not on the BayLfStat list (DOMAIN.md); high'),
  ('mariae-himmelfahrt-by', '09564', 0, 'Nürnberg: not on the BayLfStat list (DOMAIN.md, issue 12); high'),
  ('mariae-himmelfahrt-by', '09565', 0, 'Schwabach: Protestant majority (Mittelfranken); high'),
  ('mariae-himmelfahrt-by', '09661', 1, 'Aschaffenburg: Catholic majority (Unterfranken); high'),
  ('mariae-himmelfahrt-by', '09663', 1, 'Würzburg: Catholic majority, see of a diocese; high'),
  ('mariae-himmelfahrt-by', '09761', 1, 'Augsburg: on the BayLfStat list (DOMAIN.md); high'),
  ('mariae-himmelfahrt-by', '09762', 1, 'Kaufbeuren: Catholic majority (Schwaben); medium, not checked against the BayLfStat list'),
  ('mariae-himmelfahrt-by', '09763', 1, 'Kempten (Allgäu): Catholic majority (Schwaben); high'),
  ('mariae-himmelfahrt-by', '09764', 1, 'Memmingen: Catholic majority (Schwaben); medium, not checked against the BayLfStat list'),
  -- Sachsen: the regulation names Gemeinden in the Landkreise Bautzen and Görlitz only, so every other Kreis is out (high)
  ('fronleichnam-sn', '14511', 0, 'Chemnitz: outside the Landkreise Bautzen and Görlitz; high'),
  ('fronleichnam-sn', '14521', 0, 'Erzgebirgskreis: outside the Landkreise Bautzen and Görlitz; high'),
  ('fronleichnam-sn', '14522', 0, 'Mittelsachsen: outside the Landkreise Bautzen and Görlitz; high'),
  ('fronleichnam-sn', '14523', 0, 'Vogtlandkreis: outside the Landkreise Bautzen and Görlitz; high'),
  ('fronleichnam-sn', '14524', 0, 'Zwickau: outside the Landkreise Bautzen and Görlitz; high'),
  ('fronleichnam-sn', '14612', 0, 'Dresden: outside the Landkreise Bautzen and Görlitz; high'),
  ('fronleichnam-sn', '14627', 0, 'Meißen: outside the Landkreise Bautzen and Görlitz; high'),
  ('fronleichnam-sn', '14628', 0, 'Sächsische Schweiz-Osterzgebirge: outside the Landkreise Bautzen and Görlitz; high'),
  ('fronleichnam-sn', '14713', 0, 'Leipzig (Stadt): outside the Landkreise Bautzen and Görlitz; high'),
  ('fronleichnam-sn', '14729', 0, 'Landkreis Leipzig: outside the Landkreise Bautzen and Görlitz; high'),
  ('fronleichnam-sn', '14730', 0, 'Nordsachsen: outside the Landkreise Bautzen and Görlitz; high'),
  -- the Catholic Sorbian core Gemeinden of the Verwaltungsverband Am Klosterwasser (keys: VG5000 2021)
  ('fronleichnam-sn', '14625080', 1, 'Crostwitz: named by the regulation (Catholic Sorbian Gemeinde); high'),
  ('fronleichnam-sn', '14625350', 1, 'Nebelschütz: named by the regulation (Catholic Sorbian Gemeinde); high'),
  ('fronleichnam-sn', '14625440', 1, 'Panschwitz-Kuckau: named by the regulation (Catholic Sorbian Gemeinde); high'),
  ('fronleichnam-sn', '14625470', 1, 'Räckelwitz: named by the regulation (Catholic Sorbian Gemeinde); high'),
  ('fronleichnam-sn', '14625500', 1, 'Ralbitz-Rosenthal: named by the regulation (Catholic Sorbian Gemeinde); high'),
  -- Thüringen: kreisfreie Städte (high) and the Kreise far from the Eichsfeld, the Hainich and the Rhön (medium)
  ('fronleichnam-th', '16051', 0, 'Erfurt: not named by the ThürFtG; high'),
  ('fronleichnam-th', '16052', 0, 'Gera: not named by the ThürFtG; high'),
  ('fronleichnam-th', '16053', 0, 'Jena: not named by the ThürFtG; high'),
  ('fronleichnam-th', '16054', 0, 'Suhl: not named by the ThürFtG; high'),
  ('fronleichnam-th', '16055', 0, 'Weimar: not named by the ThürFtG; high'),
  ('fronleichnam-th', '16062', 0, 'Nordhausen: the ThürFtG names Gemeinden only in Eichsfeld, Unstrut-Hainich-Kreis and Wartburgkreis; medium'),
  ('fronleichnam-th', '16065', 0, 'Kyffhäuserkreis: the ThürFtG names Gemeinden only in Eichsfeld, Unstrut-Hainich-Kreis and Wartburgkreis; medium'),
  ('fronleichnam-th', '16066', 0, 'Schmalkalden-Meiningen: the ThürFtG names Gemeinden only in Eichsfeld, Unstrut-Hainich-Kreis and Wartburgkreis; medium'),
  ('fronleichnam-th', '16067', 0, 'Gotha: the ThürFtG names Gemeinden only in Eichsfeld, Unstrut-Hainich-Kreis and Wartburgkreis; medium'),
  ('fronleichnam-th', '16068', 0, 'Sömmerda: the ThürFtG names Gemeinden only in Eichsfeld, Unstrut-Hainich-Kreis and Wartburgkreis; medium'),
  ('fronleichnam-th', '16069', 0, 'Hildburghausen: the ThürFtG names Gemeinden only in Eichsfeld, Unstrut-Hainich-Kreis and Wartburgkreis; medium'),
  ('fronleichnam-th', '16070', 0, 'Ilm-Kreis: the ThürFtG names Gemeinden only in Eichsfeld, Unstrut-Hainich-Kreis and Wartburgkreis; medium'),
  ('fronleichnam-th', '16071', 0, 'Weimarer Land: the ThürFtG names Gemeinden only in Eichsfeld, Unstrut-Hainich-Kreis and Wartburgkreis; medium'),
  ('fronleichnam-th', '16072', 0, 'Sonneberg: the ThürFtG names Gemeinden only in Eichsfeld, Unstrut-Hainich-Kreis and Wartburgkreis; medium'),
  ('fronleichnam-th', '16073', 0, 'Saalfeld-Rudolstadt: the ThürFtG names Gemeinden only in Eichsfeld, Unstrut-Hainich-Kreis and Wartburgkreis; medium'),
  ('fronleichnam-th', '16074', 0, 'Saale-Holzland-Kreis: the ThürFtG names Gemeinden only in Eichsfeld, Unstrut-Hainich-Kreis and Wartburgkreis; medium'),
  ('fronleichnam-th', '16075', 0, 'Saale-Orla-Kreis: the ThürFtG names Gemeinden only in Eichsfeld, Unstrut-Hainich-Kreis and Wartburgkreis; medium'),
  ('fronleichnam-th', '16076', 0, 'Greiz: the ThürFtG names Gemeinden only in Eichsfeld, Unstrut-Hainich-Kreis and Wartburgkreis; medium'),
  ('fronleichnam-th', '16077', 0, 'Altenburger Land: the ThürFtG names Gemeinden only in Eichsfeld, Unstrut-Hainich-Kreis and Wartburgkreis; medium'),
  -- Augsburg (BayFTG Art. 1 Abs. 2): the city, and nowhere else in Bayern
  ('friedensfest-augsburg', '09', 0, 'BayFTG Art. 1 Abs. 2: a holiday only in the city of Augsburg; high'),
  ('friedensfest-augsburg', '09761', 1, 'BayFTG Art. 1 Abs. 2: the city of Augsburg; high');
