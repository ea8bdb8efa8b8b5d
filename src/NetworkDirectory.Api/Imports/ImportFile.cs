using System.Globalization;
using System.Text;
using MiniExcelLibs;
using nietras.SeparatedValues;

namespace NetworkDirectory.Api.Imports;

/// <summary>One data row of an import file; <see cref="Number"/> is the row as a spreadsheet shows it (the header is row 1).</summary>
public sealed record ImportRow(int Number, IReadOnlyDictionary<string, string?> Cells)
{
    public string? this[string column] => Cells.GetValueOrDefault(column);

    public string Type => this["type"] ?? "";
}

/// <summary>What a file holds: its header (in file order) and its non-empty rows.</summary>
public sealed record ImportSheet(IReadOnlyList<string> Header, IReadOnlyList<ImportRow> Rows);

public enum ImportFormat { Csv, Xlsx }

/// <summary>Reads and writes the template as CSV (UTF-8, ';' or ',' detected, RFC 4180 quoting) or XLSX (the first sheet, or one named "directory").</summary>
public static class ImportFile
{
    public const string CsvMediaType = "text/csv";
    public const string XlsxMediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string SheetName = "directory";

    public static ImportFormat? FormatOf(string? mediaType) => mediaType?.Split(';')[0].Trim().ToLowerInvariant() switch
    {
        CsvMediaType or "application/csv" or "text/plain" => ImportFormat.Csv,
        XlsxMediaType => ImportFormat.Xlsx,
        _ => null,
    };

    public static ImportFormat? ParseFormat(string? name) => name?.ToLowerInvariant() switch
    {
        null or "csv" => ImportFormat.Csv,
        "xlsx" => ImportFormat.Xlsx,
        _ => null,
    };

    public static string MediaType(ImportFormat format) => format == ImportFormat.Csv ? CsvMediaType + "; charset=utf-8" : XlsxMediaType;

    public static string Extension(ImportFormat format) => format == ImportFormat.Csv ? "csv" : "xlsx";

    /// <summary>The sheet, or throws <see cref="InvalidDataException"/> with a sentence saying what is wrong with the file.</summary>
    public static ImportSheet Read(byte[] content, ImportFormat format) =>
        format == ImportFormat.Csv ? ReadCsv(content) : ReadXlsx(content);

    private static ImportSheet ReadCsv(byte[] content)
    {
        string text;
        try
        {
            using var decoder = new StreamReader(new MemoryStream(content), new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
            text = decoder.ReadToEnd();
        }
        catch (DecoderFallbackException)
        {
            throw new InvalidDataException("The file is not UTF-8 text. Save it as 'CSV UTF-8' (any spreadsheet program offers it) and try again.");
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new InvalidDataException("The file is empty: it needs at least the header row (download one from /v1/imports/template).");
        }
        // The header is read as a plain row: Sep's own header refuses duplicate names, which the layout reports as a problem instead.
        using var reader = Sep.Reader(o => o with { HasHeader = false, Unescape = true, DisableColCountCheck = true }).FromText(text);
        List<string>? header = null;
        var rows = new List<ImportRow>();
        foreach (var row in reader)
        {
            if (header is null)
            {
                header = [];
                for (var i = 0; i < row.ColCount; i++)
                {
                    header.Add(row[i].ToString().Trim());
                }
                continue;
            }
            var cells = new Dictionary<string, string?>(StringComparer.Ordinal);
            for (var i = 0; i < header.Count && i < row.ColCount; i++)
            {
                cells.TryAdd(header[i], Clean(row[i].ToString()));
            }
            if (cells.Values.Any(v => v is not null))
            {
                rows.Add(new ImportRow(row.RowIndex + 1, cells));
            }
        }
        header ??= [];
        // A spreadsheet may save empty trailing columns; a nameless column counts only when it holds values.
        if (header.Contains(""))
        {
            header = header.Where(h => h.Length > 0 || rows.Any(r => r[h] is not null)).ToList();
        }
        return new ImportSheet(header, rows);
    }

    private static ImportSheet ReadXlsx(byte[] content)
    {
        try
        {
            using var stream = new MemoryStream(content);
            var sheets = stream.GetSheetNames();
            var sheet = sheets.Contains(SheetName) ? SheetName : sheets.FirstOrDefault()
                ?? throw Unreadable("The workbook has no sheet.");
            var all = stream.Query(useHeaderRow: false, sheetName: sheet, excelType: ExcelType.XLSX)
                .Cast<IDictionary<string, object?>>().ToList();
            if (all.Count == 0)
            {
                throw Unreadable($"The sheet '{sheet}' is empty: it needs at least the header row (download one from /v1/imports/template?format=xlsx).");
            }
            var letters = all[0].Keys.ToList();
            var header = letters.Select(l => Cell(all[0][l])?.Trim() ?? "").ToList();
            var rows = new List<ImportRow>();
            for (var r = 1; r < all.Count; r++)
            {
                var cells = new Dictionary<string, string?>(StringComparer.Ordinal);
                for (var i = 0; i < letters.Count; i++)
                {
                    if (header[i].Length > 0)
                    {
                        cells.TryAdd(header[i], Clean(Cell(all[r].TryGetValue(letters[i], out var v) ? v : null)));
                    }
                }
                if (cells.Values.Any(v => v is not null))
                {
                    rows.Add(new ImportRow(r + 1, cells));
                }
            }
            return new ImportSheet(header.Where(h => h.Length > 0).ToList(), rows);
        }
        // A broken zip throws InvalidDataException too ("Central Directory corrupt."): only our own sentences pass through as they are.
        catch (Exception ex) when (!ex.Data.Contains(OwnSentence) && ex is not OutOfMemoryException)
        {
            throw new InvalidDataException($"The file is not a readable XLSX workbook ({ex.GetType().Name}). Save it as 'Excel workbook (.xlsx)' or send CSV.");
        }
    }

    // InvalidDataException is sealed, so our own sentences carry a mark in Data rather than a type of their own.
    private const string OwnSentence = "import";

    private static InvalidDataException Unreadable(string sentence) => new(sentence) { Data = { [OwnSentence] = true } };

    /// <summary>A spreadsheet cell as the text the template expects: numbers without a thousands separator, dates as yyyy-MM-dd.</summary>
    private static string? Cell(object? value) => value switch
    {
        null => null,
        string s => s,
        DateTime d => d.TimeOfDay == TimeSpan.Zero ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : d.ToString("HH:mm", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Writes the rows (each a cell per column name; missing or null cells stay empty) with every template column.</summary>
    public static byte[] Write(IEnumerable<IReadOnlyDictionary<string, string?>> rows, ImportFormat format, char separator = ';')
    {
        var columns = ImportColumns.Names;
        if (format == ImportFormat.Csv)
        {
            using var text = new StringWriter(CultureInfo.InvariantCulture);
            using (var writer = Sep.New(separator).Writer(o => o with { Escape = true }).To(text))
            {
                writer.Header.Add(columns);
                foreach (var cells in rows)
                {
                    using var row = writer.NewRow();
                    foreach (var column in columns)
                    {
                        row[column].Set(cells.GetValueOrDefault(column) ?? "");
                    }
                }
            }
            var body = text.ToString();
            if (!body.StartsWith(columns[0], StringComparison.Ordinal))
            {
                body = string.Join(separator, columns) + Environment.NewLine + body;
            }
            // With a BOM, so that Excel opens the umlauts as UTF-8.
            return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(body)];
        }
        using var stream = new MemoryStream();
        var sheetRows = rows.Select(cells => (IDictionary<string, object?>)columns.ToDictionary(c => c, c => (object?)cells.GetValueOrDefault(c), StringComparer.Ordinal)).ToList();
        if (sheetRows.Count == 0)
        {
            sheetRows.Add(columns.ToDictionary(c => c, _ => (object?)null, StringComparer.Ordinal));
        }
        var docs = ImportColumns.Columns.Select(c => new Dictionary<string, object?>
        {
            ["column"] = c.Name, ["rowTypes"] = string.Join(' ', c.Types), ["meaning"] = c.Description,
        }).ToList();
        stream.SaveAs(new Dictionary<string, object> { [SheetName] = sheetRows, ["columns"] = docs }, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }
}
