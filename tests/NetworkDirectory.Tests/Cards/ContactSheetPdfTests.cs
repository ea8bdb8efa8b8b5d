using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using NetworkDirectory.Api.Cards;
using Xunit.Abstractions;

namespace NetworkDirectory.Tests.Cards;

/// <summary>
/// Prints the contact sheet of every Kreis of the bundled sample that has agencies, as an anonymous caller, with
/// Chromium headless against the API on a real loopback port (the print stylesheet is fetched as a browser would,
/// under the sheet's CSP), and reads the PDF back with poppler: exactly one A4 page holding the agencies a lookup by
/// that Kreis names and their phone numbers. CONTACT_SHEET_PDF_DIR keeps the PDFs in that folder.
/// </summary>
public sealed partial class ContactSheetPdfTests(ITestOutputHelper output)
{
    [PdfToolsFact]
    public async Task EverySampleKreisWithAgenciesPrintsOnOneReadablePage()
    {
        var folder = Environment.GetEnvironmentVariable("CONTACT_SHEET_PDF_DIR") is { Length: > 0 } keep
            ? Directory.CreateDirectory(keep).FullName
            : Directory.CreateTempSubdirectory("nd-sheets-").FullName;
        var database = Path.Combine(folder, $"nd-{Guid.NewGuid():N}.db");
        using var server = await ApiProcess.StartAsync($"--Database:Path={database}", "--Database:LoadSample=true");
        using var client = server.CreateClient();

        var agencies = await client.GetFromJsonAsync<JsonElement>("/v1/agencies?limit=200");
        var kreise = agencies.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("regionKey").GetString()!)
            .Where(k => k.Length >= 5).Select(k => k[..5]).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.True(kreise.Count >= 5, $"the sample has agencies in {kreise.Count} Kreise");

        var failures = new List<string>();
        foreach (var kreis in kreise)
        {
            var pdf = Path.Combine(folder, $"contact-sheet-{kreis}.pdf");
            var url = new Uri(server.Address, $"/v1/regions/{kreis}/contact-sheet").ToString();
            var printed = await ExternalTools.RunAsync(ExternalTools.Chromium!, [
                "--headless", "--no-sandbox", "--disable-gpu", $"--user-data-dir={Path.Combine(folder, "profile")}",
                $"--print-to-pdf={pdf}", "--no-pdf-header-footer", url]);
            if (!File.Exists(pdf))
            {
                failures.Add($"{kreis}: chromium wrote no PDF (exit {printed.Code}): {printed.Error}");
                continue;
            }
            var info = await ExternalTools.RunAsync("pdfinfo", [pdf]);
            var pages = PagesLine().Match(info.Output) is { Success: true } m ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : -1;
            var size = PageSizeLine().Match(info.Output).Groups[1].Value;
            var text = Squeeze((await ExternalTools.RunAsync("pdftotext", [pdf, "-"])).Output);

            var expected = await ExpectedAsync(client, kreis);
            var missing = expected.Where(e => !text.Contains(Squeeze(e), StringComparison.Ordinal)).ToList();
            output.WriteLine($"{kreis}: {pages} page(s), {size}, {expected.Count} names and numbers expected, {missing.Count} missing; {pdf}");
            if (pages != 1)
            {
                failures.Add($"{kreis}: {pages} pages, expected exactly 1 ({pdf})");
            }
            if (!size.Contains("A4", StringComparison.Ordinal))
            {
                failures.Add($"{kreis}: page size {size}, expected A4");
            }
            if (missing.Count > 0)
            {
                failures.Add($"{kreis}: the PDF text lacks {string.Join(" | ", missing)}");
            }
            foreach (var must in new[] { "110 Polizei-Notruf", "112 Feuerwehr und Rettungsdienst", "BEISPIELDATEN", "Gedruckt am" })
            {
                if (!text.Contains(Squeeze(must), StringComparison.Ordinal)) failures.Add($"{kreis}: the PDF text lacks '{must}'");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>The agencies an anonymous lookup by the Kreis names first, and their own phone numbers as the sheet shows them.</summary>
    private static async Task<List<string>> ExpectedAsync(HttpClient client, string kreis)
    {
        var lookup = await client.GetFromJsonAsync<JsonElement>($"/v1/lookup?regionKey={kreis}&at=2026-11-30T10:00:00%2B01:00");
        var expected = new List<string>();
        foreach (var result in lookup.GetProperty("results").EnumerateArray())
        {
            foreach (var agency in result.GetProperty("agencies").EnumerateArray())
            {
                expected.Add(agency.GetProperty("name").GetString()!);
                expected.AddRange(agency.GetProperty("contacts").EnumerateArray()
                    .Where(c => c.GetProperty("channel").GetString() == "phone" && !c.GetProperty("reason").GetString()!.EndsWith("(the agency's on-call duty)", StringComparison.Ordinal))
                    .Select(c => ContactLinks.Display(c.GetProperty("value").GetString()!)));
            }
        }
        return expected.Distinct().ToList();
    }

    /// <summary>Without white space: a name wrapped over two lines of a column (pdftotext reads column by column) still matches.</summary>
    private static string Squeeze(string text) => WhiteSpace().Replace(text, "");

    [GeneratedRegex(@"^Pages:\s+(\d+)", RegexOptions.Multiline)]
    private static partial Regex PagesLine();

    [GeneratedRegex(@"^Page size:\s+(.+)$", RegexOptions.Multiline)]
    private static partial Regex PageSizeLine();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
