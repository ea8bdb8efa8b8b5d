using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace NetworkDirectory.Benchmarks.Patch;

/// <summary>
/// <c>-- patch --base URL --key KEY --count N [--contact ID] [--warmup W] [--max-seconds S]</c>: a
/// coordinator's write, N times: GET /v1/contacts/{id} for its ETag, then PATCH it with If-Match and a
/// JSON merge patch of its label. Only the PATCH is timed. Stops early after --max-seconds (the count
/// done is reported). Exit codes: 0 done, 1 a request failed, 2 usage error.
/// </summary>
public static class PatchCommand
{
    public const string Usage =
        "usage: dotnet run -c Release --project tests/NetworkDirectory.Benchmarks -- patch --base http://127.0.0.1:PORT --key nd_… --count N\n" +
        "       [--contact ct-m-kjnd-oncall] [--warmup 5] [--max-seconds 120]   (start the server with --Auth:WritesPerMinute=100000)";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var options = Parse(args);
        if (options is null)
        {
            error.WriteLine(Usage);
            return 2;
        }
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = options.Base };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", options.Key);
        try
        {
            return await MeasureAsync(client, options, output, error);
        }
        catch (HttpRequestException ex)
        {
            error.WriteLine($"{options.Base}: {ex.Message}");
            return 1;
        }
    }

    private static async Task<int> MeasureAsync(HttpClient client, Options options, TextWriter output, TextWriter error)
    {
        var path = $"/v1/contacts/{Uri.EscapeDataString(options.Contact)}";

        var times = new List<double>(options.Count);
        var deadline = Stopwatch.StartNew();
        for (var i = 0; i < options.Warmup + options.Count; i++)
        {
            if (i >= options.Warmup && deadline.Elapsed.TotalSeconds > options.MaxSeconds)
            {
                break;
            }
            using var read = await client.GetAsync(path);
            if (read.StatusCode != HttpStatusCode.OK || read.Headers.ETag is not { } etag)
            {
                error.WriteLine($"GET {path}: {(int)read.StatusCode} {await read.Content.ReadAsStringAsync()}");
                return 1;
            }
            using var patch = new HttpRequestMessage(HttpMethod.Patch, path)
            {
                Content = new StringContent($$"""{"label":"bench {{i}}"}""", Encoding.UTF8, "application/merge-patch+json"),
            };
            patch.Headers.IfMatch.Add(etag);
            var started = Stopwatch.GetTimestamp();
            using var written = await client.SendAsync(patch);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (written.StatusCode != HttpStatusCode.OK)
            {
                error.WriteLine($"PATCH {path}: {(int)written.StatusCode} {await written.Content.ReadAsStringAsync()}");
                return 1;
            }
            await written.Content.LoadIntoBufferAsync();
            if (i >= options.Warmup)
            {
                times.Add(elapsed);
            }
        }

        times.Sort();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"PATCH {path}: {times.Count} timed (after {options.Warmup} warm-up) in {deadline.Elapsed.TotalSeconds:F1} s; " +
            $"p50_ms={Percentile(times, 50):F2} p90_ms={Percentile(times, 90):F2} p99_ms={Percentile(times, 99):F2} " +
            $"mean_ms={(times.Count > 0 ? times.Average() : 0):F2} max_ms={(times.Count > 0 ? times[^1] : 0):F2} count={times.Count}"));
        return times.Count > 0 ? 0 : 1;
    }

    /// <summary>Nearest rank on sorted values.</summary>
    private static double Percentile(List<double> sorted, int p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];

    private sealed record Options(Uri Base, string Key, int Count, string Contact, int Warmup, double MaxSeconds);

    private static Options? Parse(string[] args)
    {
        var values = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (args[i] is not ("--base" or "--key" or "--count" or "--contact" or "--warmup" or "--max-seconds") || !values.TryAdd(args[i], args[i + 1]))
            {
                return null;
            }
        }
        var inv = CultureInfo.InvariantCulture;
        if (args.Length % 2 != 0
            || !values.TryGetValue("--base", out var baseUrl) || !Uri.TryCreate(baseUrl, UriKind.Absolute, out var baseUri)
            || !values.TryGetValue("--key", out var key)
            || !values.TryGetValue("--count", out var countText) || !int.TryParse(countText, NumberStyles.None, inv, out var count) || count < 1
            || !int.TryParse(values.GetValueOrDefault("--warmup", "5"), NumberStyles.None, inv, out var warmup)
            || !double.TryParse(values.GetValueOrDefault("--max-seconds", "120"), NumberStyles.Float, inv, out var maxSeconds))
        {
            return null;
        }
        return new Options(baseUri, key, count, values.GetValueOrDefault("--contact", "ct-m-kjnd-oncall"), warmup, maxSeconds);
    }
}
