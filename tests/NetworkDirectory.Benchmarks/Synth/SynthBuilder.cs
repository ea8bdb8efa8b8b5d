using System.Globalization;

namespace NetworkDirectory.Benchmarks.Synth;

/// <summary>Where a generated agency sits: its seat's region key (decides its public holidays) and address.</summary>
public sealed record Seat(string RegionKey, string LandKey, string City, SynthPlace? Place);

/// <summary>
/// Builds the national directory in memory, deterministically (one <see cref="Random"/> with a fixed
/// seed, regions in key order). Per Kreis and copy: Jugendamt, police, Ausländerbehörde, family court,
/// Fachberatungsstelle; per four Kreise of a Land: a prosecutor's office; per 20th Gemeinde: a town
/// youth office. Copy c of an agency gets the id suffix "-c" and priorities 10·(c−1) higher, so the
/// first copy wins a lookup and the others are ranked behind it. Copies after the first are branch
/// offices (Außenstellen) that offer only the kind's non-acute services (the police's a counselling
/// office): a national directory grows by such offices, not by four Jugendämter per Kreis, and a
/// default (acute) lookup then lists as many agencies at scale 4 as at scale 1, so the scales compare
/// directory size rather than answer length. Lookups for a named non-acute responsibility do list them.
/// </summary>
public sealed class SynthBuilder(SynthGeography geography, int scale, int seed)
{
    public const string IdPrefix = "syn-";
    private static readonly string[] Streets = ["Beispielstraße", "Musterweg", "Beispielplatz", "Musterallee", "Beispielring"];
    private static readonly string[] SecondLanguages = ["ar", "uk", "ro", "tr", "ru", "fa", "pl", "bg"];

    private readonly Random _random = new(seed);
    private readonly SynthDirectory _directory = new();
    private SynthContacts? _contacts;

    public SynthDirectory Build()
    {
        _contacts = new SynthContacts(_directory, _random);
        foreach (var kreis in geography.Kreise)
        {
            var seatGemeinde = geography.SeatOf(kreis);
            var seat = new Seat(seatGemeinde?.Key ?? kreis.Key, kreis.LandKey, seatGemeinde?.Name ?? kreis.Name,
                geography.PlaceIn(kreis.Key, seatGemeinde?.Name ?? kreis.Name));
            var city = kreis.Designation is "Kreisfreie Stadt" or "Stadtkreis";
            for (var copy = 1; copy <= scale; copy++)
            {
                Add(AgencyKind.YouthOffice, kreis.Key, copy, city ? $"Jugendamt der Stadt {kreis.Name}" : $"Kreisjugendamt {kreis.Name}", Operator(kreis), seat, [kreis.Key]);
                Add(AgencyKind.Police, kreis.Key, copy, $"Polizeiinspektion {kreis.Name}", "Landespolizei (Beispiel)", seat, [kreis.Key]);
                Add(AgencyKind.ImmigrationOffice, kreis.Key, copy, $"Ausländerbehörde {kreis.Name}", Operator(kreis), seat, [kreis.Key]);
                Add(AgencyKind.FamilyCourt, kreis.Key, copy, $"Amtsgericht {kreis.Name} – Familiengericht", "Landesjustizverwaltung (Beispiel)", seat, [kreis.Key]);
                Add(AgencyKind.Counselling, kreis.Key, copy, $"Fachberatungsstelle gegen Menschenhandel {kreis.Name}", "Beratung gegen Ausbeutung e. V. (Beispiel)", seat, [kreis.Key]);
            }
        }

        // A prosecutor's office for each four Kreise of a Land (in key order), seated in the first.
        foreach (var land in geography.Kreise.GroupBy(k => k.LandKey))
        {
            foreach (var group in land.Chunk(4))
            {
                var first = group[0];
                var seatGemeinde = geography.SeatOf(first);
                var seat = new Seat(seatGemeinde?.Key ?? first.Key, first.LandKey, seatGemeinde?.Name ?? first.Name,
                    geography.PlaceIn(first.Key, seatGemeinde?.Name ?? first.Name));
                for (var copy = 1; copy <= scale; copy++)
                {
                    Add(AgencyKind.Prosecutor, first.Key, copy, $"Staatsanwaltschaft {first.Name}", "Landesjustizverwaltung (Beispiel)", seat, [.. group.Select(k => k.Key)]);
                }
            }
        }

        for (var i = 0; i < geography.Gemeinden.Count; i += 20)
        {
            var gemeinde = geography.Gemeinden[i];
            var seat = new Seat(gemeinde.Key, gemeinde.Key[..2], gemeinde.Name, geography.PlaceIn(gemeinde.Key[..5], gemeinde.Name));
            for (var copy = 1; copy <= scale; copy++)
            {
                Add(AgencyKind.TownYouthOffice, gemeinde.Key, copy, $"Stadtjugendamt {gemeinde.Name}", $"Stadt {gemeinde.Name} (Beispiel)", seat, [gemeinde.Key]);
            }
        }
        return _directory;
    }

    private static string Operator(SynthKreis kreis) =>
        kreis.Designation is "Kreisfreie Stadt" or "Stadtkreis" ? $"Stadt {kreis.Name} (Beispiel)" : $"{kreis.Designation ?? "Kreis"} {kreis.Name} (Beispiel)";

    private void Add(AgencyKind kind, string regionKey, int copy, string name, string operatorName, Seat seat, string[] coverage)
    {
        var slug = copy == 1 ? $"{kind.Prefix}-{regionKey}" : $"{kind.Prefix}-{regionKey}-{copy}";
        var id = IdPrefix + slug;
        var fullName = copy == 1 ? $"{name} (Beispiel)" : $"{name} – Außenstelle {copy} (Beispiel)";
        var verified = new DateOnly(2025, 1, 1).AddDays(_random.Next(670)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        _directory.Agencies.Add(new AgencyRow(
            id, fullName, kind.KindCode, operatorName, $"{Streets[_random.Next(Streets.Length)]} {_random.Next(1, 100)}",
            seat.Place?.Code, seat.City, seat.RegionKey, seat.Place?.Latitude, seat.Place?.Longitude,
            $"https://{slug}.example.org", $"info@{slug}.example.org", verified));
        _directory.AgencyLanguages.Add(new AgencyLanguageRow(id, "de"));
        if (_random.Next(2) == 0)
        {
            _directory.AgencyLanguages.Add(new AgencyLanguageRow(id, "en"));
        }
        if (kind.Prefix is "ja" or "fbs" && _random.Next(3) == 0)
        {
            _directory.AgencyLanguages.Add(new AgencyLanguageRow(id, SecondLanguages[_random.Next(SecondLanguages.Length)]));
        }

        string? emergencyService = null;
        foreach (var spec in copy == 1 ? kind.Services : kind.BranchServices)
        {
            var serviceId = $"svc-{id}-{spec.Suffix}";
            _directory.Services.Add(new ServiceRow(
                serviceId, id, spec.Responsibility, spec.Forms is null ? 1 : 0, spec.MinAge, spec.MaxAge,
                spec.MinorsOnly ? 1 : 0, spec.UnaccompaniedOnly ? 1 : 0, spec.Priority + 10 * (copy - 1), spec.Notes));
            foreach (var form in spec.Forms ?? [])
            {
                _directory.ServiceForms.Add(new ServiceFormRow(serviceId, form));
            }
            foreach (var key in coverage)
            {
                _directory.Coverage.Add(new CoverageRow(serviceId, key));
            }
            if (spec.Responsibility == "emergency_intervention")
            {
                emergencyService = serviceId;
            }
        }
        _contacts!.Add(kind, id, slug, seat.LandKey, emergencyService);
    }
}
