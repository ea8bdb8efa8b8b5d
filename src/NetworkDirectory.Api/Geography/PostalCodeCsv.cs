using System.Globalization;
using System.Text;

namespace NetworkDirectory.Api.Geography;

/// <summary>One row of a postal-code table: a place with a representative point.</summary>
public sealed record PostalCodeRow(string Code, string Place, double Latitude, double Longitude, string? KreisKey);

/// <summary>
/// Reads a postal-code CSV with a header row (RFC 4180 quoting). Needed columns, in any order:
/// zipcode (or plz/postal_code), place (or ort/name), latitude, longitude; optional community_code
/// (the Kreis key). Rows without a 5-digit code or a valid point are skipped and counted.
/// </summary>
public static class PostalCodeCsv
{
    public static (IReadOnlyList<PostalCodeRow> Rows, int Skipped) Read(TextReader reader)
    {
        var header = ParseLine(reader.ReadLine() ?? throw new InvalidDataException("The postal-code file is empty."));
        int Column(params string[] names) => names.Select(n => header.FindIndex(h => h.Equals(n, StringComparison.OrdinalIgnoreCase))).FirstOrDefault(i => i >= 0, -1);
        var code = Column("zipcode", "plz", "postal_code", "postalcode");
        var place = Column("place", "ort", "name");
        var lat = Column("latitude", "lat");
        var lon = Column("longitude", "lon", "lng");
        var kreis = Column("community_code", "kreis", "ags");
        if (code < 0 || lat < 0 || lon < 0)
        {
            throw new InvalidDataException($"The postal-code file needs the columns zipcode, latitude and longitude; its header is: {string.Join(", ", header)}.");
        }

        var rows = new List<PostalCodeRow>();
        var skipped = 0;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            if (line.Length == 0)
            {
                continue;
            }
            var fields = ParseLine(line);
            string Field(int i) => i >= 0 && i < fields.Count ? fields[i].Trim() : "";
            if (Field(code) is { Length: 5 } zip && zip.All(char.IsAsciiDigit)
                && double.TryParse(Field(lat), NumberStyles.Float, CultureInfo.InvariantCulture, out var latitude) && latitude is >= -90 and <= 90
                && double.TryParse(Field(lon), NumberStyles.Float, CultureInfo.InvariantCulture, out var longitude) && longitude is >= -180 and <= 180)
            {
                var kreisKey = Field(kreis) is { Length: 5 } k && k.All(char.IsAsciiDigit) ? k : null;
                rows.Add(new PostalCodeRow(zip, place >= 0 ? Field(place) : "", latitude, longitude, kreisKey));
            }
            else
            {
                skipped++;
            }
        }
        return (rows, skipped);
    }

    private static List<string> ParseLine(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return fields;
    }
}
