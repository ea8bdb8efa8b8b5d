using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace NetworkDirectory.Tests.Imports;

/// <summary>Sends import files and reads exports: the helpers every import test shares.</summary>
public static class ImportFiles
{
    public const string Csv = "text/csv";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static Task<HttpResponseMessage> PostAsync(
        HttpClient client, string csv, string query = "region=09&dryRun=true", string? ifMatch = null) =>
        PostAsync(client, Encoding.UTF8.GetBytes(csv), Csv, query, ifMatch);

    public static async Task<HttpResponseMessage> PostAsync(
        HttpClient client, byte[] content, string mediaType, string query, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/imports?" + query)
        {
            Content = new ByteArrayContent(content) { Headers = { ContentType = new MediaTypeHeaderValue(mediaType) } },
        };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        return await client.SendAsync(request);
    }

    /// <summary>A dry run that must succeed; its report.</summary>
    public static async Task<JsonElement> DryRunAsync(HttpClient client, string csv, string region = "09", bool deleteMissing = false) =>
        await HttpAssert.OkAsync(await PostAsync(client, csv, $"region={region}&dryRun=true&deleteMissing={(deleteMissing ? "true" : "false")}"));

    /// <summary>Dry run, then apply with its token; the apply's report.</summary>
    public static async Task<JsonElement> ApplyAsync(HttpClient client, string csv, string region = "09", bool deleteMissing = false)
    {
        var dry = await DryRunAsync(client, csv, region, deleteMissing);
        Assert.Empty(dry.GetProperty("problems").EnumerateArray());
        var token = dry.GetProperty("token").GetString()!;
        return await HttpAssert.OkAsync(await PostAsync(client, csv, $"region={region}&deleteMissing={(deleteMissing ? "true" : "false")}", $"\"{token}\""));
    }

    public static async Task<byte[]> ExportAsync(HttpClient client, string region = "09", string format = "csv")
    {
        var response = await client.GetAsync($"/v1/exports?region={region}&format={format}");
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadAsByteArrayAsync();
    }

    public static async Task<string> ExportCsvAsync(HttpClient client, string region = "09") =>
        Encoding.UTF8.GetString(await ExportAsync(client, region)).TrimStart('\uFEFF');

    /// <summary>The diff of one entity type in a report.</summary>
    public static JsonElement Entities(JsonElement report, string type) =>
        report.GetProperty("entities").EnumerateArray().Single(e => e.GetProperty("type").GetString() == type);

    public static int Count(JsonElement report, string type, string list) =>
        list == "unchanged" ? Entities(report, type).GetProperty("unchanged").GetInt32() : Entities(report, type).GetProperty(list).GetArrayLength();

    /// <summary>Created + updated + deleted over all types.</summary>
    public static int Changes(JsonElement report) =>
        report.GetProperty("entities").EnumerateArray().Sum(e => e.GetProperty("created").GetArrayLength() + e.GetProperty("updated").GetArrayLength() + e.GetProperty("deleted").GetArrayLength());

    public static IReadOnlyList<JsonElement> Problems(JsonElement body) => body.GetProperty("problems").EnumerateArray().ToList();
}
