using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NetworkDirectory.Api.Imports;

/// <summary>A problem with one cell or row of the file, in words a coordinator can act on.</summary>
/// <param name="Row">The row as a spreadsheet shows it (the header is row 1); null for an entity the file does not list (a deletion).</param>
/// <param name="Column">The template column, when the problem lies in one cell.</param>
public sealed record ImportProblem(int? Row, string? Column, string Message, string? Type = null, string? Id = null);

/// <summary>Reads the text of a row's cells into the values of the write shapes; a cell that does not parse adds a problem and reads as empty.</summary>
public sealed class ImportCells(ImportRow row, IReadOnlyDictionary<string, string?> cells, List<ImportProblem> problems, string type, string? id)
{
    public ImportRow Row => row;

    public string? Text(string column) => cells.GetValueOrDefault(column);

    public IReadOnlyList<string> List(string column) =>
        Text(column)?.Split([' ', ',', ';', '|', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    public int? Int(string column)
    {
        var text = Text(column);
        if (text is null)
        {
            return null;
        }
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }
        // A spreadsheet may hand a whole number over as 100.0.
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == Math.Floor(d) && Math.Abs(d) < 1e9)
        {
            return (int)d;
        }
        Problem(column, $"{column}: '{text}' is not a whole number.");
        return null;
    }

    public double? Number(string column)
    {
        var text = Text(column);
        if (text is null)
        {
            return null;
        }
        if (double.TryParse(text.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }
        Problem(column, $"{column}: '{text}' is not a number (write 48.137 or 48,137).");
        return null;
    }

    public bool? Bool(string column)
    {
        var text = Text(column);
        switch (text?.ToLowerInvariant())
        {
            case null: return null;
            case "true" or "yes" or "ja" or "1" or "wahr": return true;
            case "false" or "no" or "nein" or "0" or "falsch": return false;
            default:
                Problem(column, $"{column}: '{text}' is not true or false.");
                return null;
        }
    }

    public DateOnly? Date(string column)
    {
        var text = Text(column);
        if (text is null)
        {
            return null;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || DateOnly.TryParseExact(text, "dd.MM.yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return date;
        }
        Problem(column, $"{column}: '{text}' is not a date (write yyyy-MM-dd, e.g. 2026-12-24).");
        return null;
    }

    public JsonNode? Json(string column)
    {
        var text = Text(column);
        if (text is null)
        {
            return null;
        }
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            Problem(column, $"{column}: the cell is not valid GeoJSON text.");
            return null;
        }
    }

    public void Problem(string column, string message) => problems.Add(new ImportProblem(row.Number, column, message, type, id));

    public static string? Join(IEnumerable<string>? values) =>
        values is null ? null : string.Join(' ', values) is { Length: > 0 } joined ? joined : null;

    public static string? Format(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    public static string? Format(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);

    public static string? Format(bool? value) => value is null ? null : value.Value ? "true" : "false";

    public static string? Format(DateOnly? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
