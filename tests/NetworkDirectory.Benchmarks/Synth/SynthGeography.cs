using Dapper;
using Microsoft.Data.Sqlite;

namespace NetworkDirectory.Benchmarks.Synth;

public sealed record SynthKreis(string Key, string Name, string? Designation)
{
    public string LandKey => Key[..2];
}

public sealed record SynthGemeinde(string Key, string Name);

/// <summary>A postal-code point (GeoNames), used as an agency's address and coordinates.</summary>
public sealed record SynthPlace(string Code, string Place, double Latitude, double Longitude);

/// <summary>
/// The imported boundaries the generator covers: every Kreis and Gemeinde with a geometry (what the
/// BKG import wrote), and a postal-code point per Kreis for the agencies' addresses.
/// </summary>
public sealed class SynthGeography
{
    public required IReadOnlyList<SynthKreis> Kreise { get; init; }
    public required IReadOnlyList<SynthGemeinde> Gemeinden { get; init; }
    private IReadOnlyDictionary<string, List<SynthPlace>> PlacesByKreis { get; init; } = new Dictionary<string, List<SynthPlace>>();
    private IReadOnlyDictionary<string, SynthGemeinde> FirstGemeindeByKreis { get; init; } = new Dictionary<string, SynthGemeinde>();

    public static SynthGeography Read(SqliteConnection connection)
    {
        var gemeinden = connection.Query<SynthGemeinde>(
            "SELECT key, name FROM regions WHERE level = 'gemeinde' AND geometry IS NOT NULL ORDER BY key").ToList();
        return new SynthGeography
        {
            Kreise = connection.Query<SynthKreis>(
                "SELECT key, name, designation FROM regions WHERE level = 'kreis' AND geometry IS NOT NULL ORDER BY key").ToList(),
            Gemeinden = gemeinden,
            FirstGemeindeByKreis = gemeinden.GroupBy(g => g.Key[..5]).ToDictionary(g => g.Key, g => g.First()),
            PlacesByKreis = connection.Query<(string KreisKey, string Code, string Place, double Latitude, double Longitude)>(
                    "SELECT kreis_key, code, place, latitude, longitude FROM postal_codes WHERE kreis_key IS NOT NULL ORDER BY kreis_key, code, place")
                .GroupBy(p => p.KreisKey)
                .ToDictionary(g => g.Key, g => g.Select(p => new SynthPlace(p.Code, p.Place, p.Latitude, p.Longitude)).ToList()),
        };
    }

    /// <summary>The seat of a Kreis's agencies: its first Gemeinde by key (for a kreisfreie Stadt, the city itself).</summary>
    public SynthGemeinde? SeatOf(SynthKreis kreis) => FirstGemeindeByKreis.GetValueOrDefault(kreis.Key);

    /// <summary>A postal-code point in the Kreis, preferring one whose place has the given name.</summary>
    public SynthPlace? PlaceIn(string kreisKey, string placeName) =>
        PlacesByKreis.TryGetValue(kreisKey, out var places)
            ? places.FirstOrDefault(p => p.Place == placeName) ?? places[0]
            : null;
}
