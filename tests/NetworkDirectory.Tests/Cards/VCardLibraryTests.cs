using System.Net.Http.Json;
using System.Text.Json;

namespace NetworkDirectory.Tests.Cards;

/// <summary>
/// The vCards parse with a vCard library: ical.js 2.2.1 (RFC 6350; no .NET vCard library is on the registry), run by
/// node from .ci/vcard/parse-vcard.mjs. Every agency of the bundled sample, as an anonymous caller: the card parses,
/// and what the library read (FN, the TEL URIs, EMAIL, VERSION) is the agency's data.
/// </summary>
public sealed class VCardLibraryTests(SampleApiFactory factory) : IClassFixture<SampleApiFactory>
{
    [VCardLibraryFact]
    public async Task EverySampleAgencysVCardParsesWithIcalJsToItsOwnData()
    {
        var client = factory.CreateSeededClient();
        var page = await client.GetFromJsonAsync<JsonElement>("/v1/agencies?limit=200");
        var ids = page.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetString()!).ToList();
        Assert.True(ids.Count >= 50, $"{ids.Count} sample agencies");
        var script = Path.Combine(ExternalTools.VCardFolder, "parse-vcard.mjs");

        var failures = new List<string>();
        foreach (var id in ids)
        {
            var agency = await client.GetFromJsonAsync<JsonElement>($"/v1/agencies/{id}");
            var card = await client.GetStringAsync($"/v1/agencies/{id}/vcard");
            var run = await ExternalTools.RunAsync("node", [script], card, ExternalTools.VCardFolder);
            if (run.Code != 0)
            {
                failures.Add($"{id}: {run.Error.Trim()}");
                continue;
            }
            var parsed = JsonDocument.Parse(run.Output).RootElement;
            var name = agency.GetProperty("name").GetString();
            var phones = agency.GetProperty("contacts").EnumerateArray()
                .Where(c => c.GetProperty("channel").GetString() == "phone" && c.GetProperty("value").GetString()!.StartsWith('+'))
                .Select(c => "tel:" + c.GetProperty("value").GetString()).ToList();
            var tel = parsed.GetProperty("tel").EnumerateArray().Select(t => t.GetString()!).ToList();
            var email = parsed.GetProperty("email").EnumerateArray().Select(e => e.GetString()!).ToList();

            if (parsed.GetProperty("version").GetString() != "4.0") failures.Add($"{id}: VERSION {parsed.GetProperty("version")}");
            if (parsed.GetProperty("fn").GetString() != name) failures.Add($"{id}: FN '{parsed.GetProperty("fn")}', expected '{name}'");
            if (!tel.SequenceEqual(phones)) failures.Add($"{id}: TEL [{string.Join(", ", tel)}], expected [{string.Join(", ", phones)}]");
            if (agency.GetProperty("email").GetString() is { } mail && !email.Contains(mail)) failures.Add($"{id}: EMAIL [{string.Join(", ", email)}] lacks {mail}");
            if (agency.GetProperty("sample").GetBoolean() && !parsed.GetProperty("note").GetString()!.StartsWith("BEISPIELDATEN", StringComparison.Ordinal))
            {
                failures.Add($"{id}: NOTE does not say sample data");
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {ids.Count} cards:\n" + string.Join("\n", failures));
    }
}
