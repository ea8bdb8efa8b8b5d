using System.Text;
using MiniExcelLibs;
using nietras.SeparatedValues;

namespace NetworkDirectory.Tests.Imports;

/// <summary>Export → import of the same file reports no change: CSV with ';' and ',', RFC 4180 quoting, and XLSX.</summary>
public sealed class ImportRoundTripTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _bayern = factory.CreateClientAs("coordinator", "09");

    /// <summary>Values that need quoting: the separators, a quote and a line break.</summary>
    private const string Tricky = "Rampe; Aufzug, \"stufenlos\"\nSeiteneingang";

    private async Task WriteTrickyValuesAsync()
    {
        var csv = "type;id;accessibility;agencyId;responsibility;notes\n"
            + $"agency;ja-lkm;\"{Tricky.Replace("\"", "\"\"")}\";;;\n"
            + "service;s-ja-lkm-care;;ja-lkm;taking_into_care;\"Nachts, am Wochenende; über \"\"110\"\"\"\n";
        await ImportFiles.ApplyAsync(_bayern, csv);
        var agency = await HttpAssert.OkAsync(await _bayern.GetAsync("/v1/agencies/ja-lkm"));
        Assert.Equal(Tricky, agency.GetProperty("accessibility").GetString());
    }

    private static void AssertNoChange(System.Text.Json.JsonElement report)
    {
        Assert.Empty(ImportFiles.Problems(report));
        Assert.Equal(0, ImportFiles.Changes(report));
    }

    [Fact]
    public async Task SemicolonCsvWithQuotedFieldsReimportsUnchanged()
    {
        await WriteTrickyValuesAsync();
        var csv = await ImportFiles.ExportCsvAsync(_bayern);
        Assert.Contains($"\"{Tricky.Replace("\"", "\"\"")}\"", csv);

        var report = await ImportFiles.DryRunAsync(_bayern, csv, deleteMissing: true);

        AssertNoChange(report);
        Assert.Equal(4, ImportFiles.Count(report, "agency", "unchanged"));
        Assert.Equal(5, ImportFiles.Count(report, "contact", "unchanged"));
    }

    [Fact]
    public async Task CommaCsvWithCrLfReimportsUnchanged()
    {
        await WriteTrickyValuesAsync();
        var exported = await ImportFiles.ExportCsvAsync(_bayern);
        var comma = new StringBuilder();
        using (var reader = Sep.Reader(o => o with { Unescape = true }).FromText(exported))
        {
            comma.Append(string.Join(',', reader.Header.ColNames)).Append("\r\n");
            foreach (var row in reader)
            {
                var cells = new List<string>();
                for (var i = 0; i < row.ColCount; i++)
                {
                    var value = row[i].ToString();
                    cells.Add(value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value);
                }
                comma.Append(string.Join(',', cells)).Append("\r\n");
            }
        }
        Assert.StartsWith("type,id,agencyId,", comma.ToString());
        Assert.Contains("\"ar-SY de ro\"", comma.ToString().Replace("ar-SY de ro", "\"ar-SY de ro\""));

        AssertNoChange(await ImportFiles.DryRunAsync(_bayern, comma.ToString(), deleteMissing: true));
    }

    [Fact]
    public async Task XlsxReimportsUnchanged()
    {
        await WriteTrickyValuesAsync();
        var xlsx = await ImportFiles.ExportAsync(_bayern, format: "xlsx");

        var report = await HttpAssert.OkAsync(await ImportFiles.PostAsync(_bayern, xlsx, ImportFiles.Xlsx, "region=09&dryRun=true&deleteMissing=true"));

        AssertNoChange(report);
        Assert.Equal(4, ImportFiles.Count(report, "agency", "unchanged"));
    }

    [Fact]
    public async Task XlsxNumbersAndDatesAsTypedCellsReadAsTheTemplateText()
    {
        // A spreadsheet program turns 80331, 48.137 and 2026-01-01 into a number and a date.
        var rows = new List<Dictionary<string, object?>>
        {
            new() { ["type"] = "agency", ["id"] = "ja-muc", ["postalCode"] = 80331, ["latitude"] = 48.137, ["longitude"] = 11.575, ["validFrom"] = null },
            new() { ["type"] = "schedule", ["id"] = "sch-office", ["postalCode"] = null, ["latitude"] = null, ["longitude"] = null, ["validFrom"] = new DateTime(2026, 1, 1) },
        };
        using var stream = new MemoryStream();
        stream.SaveAs(rows, excelType: ExcelType.XLSX);

        var report = await HttpAssert.OkAsync(await ImportFiles.PostAsync(_bayern, stream.ToArray(), ImportFiles.Xlsx, "region=09&dryRun=true"));

        AssertNoChange(report);
        Assert.Equal(1, ImportFiles.Count(report, "agency", "unchanged"));
        Assert.Equal(1, ImportFiles.Count(report, "schedule", "unchanged"));
    }

    [Fact]
    public async Task AGarbledXlsxIs400()
    {
        var problem = await HttpAssert.ProblemAsync(await ImportFiles.PostAsync(_bayern, "PK\u0003\u0004 kaputt"u8.ToArray(), ImportFiles.Xlsx, "region=09&dryRun=true"), 400);

        Assert.Contains("XLSX", problem.GetProperty("detail").GetString());
    }
}

/// <summary>The bundled sample, Land by Land and as a whole: what the export writes, the import reads back unchanged.</summary>
public sealed class SampleRoundTripTests(SampleApiFactory factory) : IClassFixture<SampleApiFactory>
{
    [Theory]
    [InlineData("09", "csv")]
    [InlineData("DE", "csv")]
    [InlineData("DE", "xlsx")]
    public async Task TheSampleExportReimportsUnchanged(string region, string format)
    {
        var admin = factory.CreateClientAs("admin");
        var file = await ImportFiles.ExportAsync(admin, region, format);

        var report = await HttpAssert.OkAsync(await ImportFiles.PostAsync(admin, file, format == "csv" ? ImportFiles.Csv : ImportFiles.Xlsx,
            $"region={region}&dryRun=true&deleteMissing=true"));

        Assert.Empty(ImportFiles.Problems(report));
        Assert.Equal(0, ImportFiles.Changes(report));
        Assert.True(ImportFiles.Count(report, "agency", "unchanged") > 0);
    }
}
