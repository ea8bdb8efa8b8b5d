using System.Net.Http.Headers;
using System.Text;
using CsCheck;
using Xunit.Abstractions;

using NetworkDirectory.Tests.Contract;

namespace NetworkDirectory.Tests.Probes;

/// <summary>
/// Malformed paths, queries, bodies and headers for every operation the application maps, as every kind of
/// caller: the answer is never a 5xx, every 4xx is problem+json, and no body leaks .NET type names, stack
/// traces or System.Text.Json's own messages. A failure prints CsCheck's seed; PROBE_SEED replays it.
/// </summary>
public sealed class MalformedRequestTests(ApiFactory factory, ITestOutputHelper output) : IClassFixture<ApiFactory>
{
    private static readonly string[] Leaks =
        ["System.", "NetworkDirectory.", "Microsoft.", "`1", "   at ", ".cs:line", "The JSON value could not be converted",
         "Path: $", "LineNumber:", "BytePositionInLine", "Exception"];

    private int _requests;

    [Fact]
    public async Task NoMalformedRequestGetsA5xxOrLeaksInternals()
    {
        var clients = new Dictionary<string, HttpClient>
        {
            ["anonymous"] = factory.CreateSeededClient(),
            ["professional"] = factory.CreateClientAs("professional"),
            ["coordinator-in-scope"] = factory.CreateClientAs("coordinator", "09"),
            ["coordinator-out-of-scope"] = factory.CreateClientAs("coordinator", "02"),
            ["admin"] = factory.CreateClientAs("admin"),
        };
        var operations = ApiOperations();
        var iterations = int.TryParse(Environment.GetEnvironmentVariable("PROBE_ITERATIONS"), out var n) ? n : 6000;
        var started = System.Diagnostics.Stopwatch.StartNew();

        await MalformedInputs.For(operations).SampleAsync(
            probe => SendAndCheckAsync(probe, clients),
            writeLine: output.WriteLine,
            seed: Environment.GetEnvironmentVariable("PROBE_SEED"),
            iter: iterations,
            threads: 4,
            print: probe => probe.ToString());

        var summary = $"malformed-request probe: {_requests} requests over {operations.Count} operations x {MalformedInputs.Callers.Length} callers in {started.Elapsed.TotalSeconds:F1} s, no 5xx, no leak";
        output.WriteLine(summary);
        Console.WriteLine(summary);
    }

    private IReadOnlyList<ApiOperation> ApiOperations()
    {
        factory.CreateSeededClient();
        var operations = ApiOperation.From(factory.Services);
        // The operations come from the application itself; a handful of feature groups must be among them.
        Assert.Contains(operations, o => o.Method == "POST" && o.Route.RawText == "/v1/agencies/batch");
        Assert.Contains(operations, o => o.Method == "PATCH" && o.BodyProperties.Count > 0);
        Assert.True(operations.Count >= 30, $"only {operations.Count} operations found");
        return operations;
    }

    private async Task SendAndCheckAsync(Probe probe, Dictionary<string, HttpClient> clients)
    {
        var client = clients[probe.Caller];
        // Malformed by design (paths like /v1/networks/../data leave the contract); this test asserts its own rules.
        using var request = new HttpRequestMessage(new HttpMethod(probe.Operation.Method), probe.PathAndQuery).OffContract("a malformed probe");
        if (probe.Body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(probe.Body));
            if (probe.ContentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", probe.ContentType);
            }
        }
        if (probe.IfMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", await ResolveETagAsync(probe, clients["admin"]));
        }

        using var response = await client.SendAsync(request);
        Interlocked.Increment(ref _requests);
        var body = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        var where = $"{status} for {probe}: {Probe.Cut(body)}";
        Assert.True(status < 500, where);
        if (status >= 400)
        {
            Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"not problem+json: {where}");
        }
        foreach (var leak in Leaks)
        {
            Assert.False(body.Contains(leak, StringComparison.Ordinal), $"body contains '{leak}': {where}");
        }
    }

    /// <summary>The entity's current ETag (read with GET on the same path as admin) where the probe asks for it.</summary>
    private async Task<string> ResolveETagAsync(Probe probe, HttpClient admin)
    {
        if (!probe.IfMatch!.Contains(MalformedInputs.CurrentETag, StringComparison.Ordinal))
        {
            return probe.IfMatch;
        }
        using var read = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Get, probe.Operation.Path(probe.RouteValues)).OffContract("reads the ETag of a malformed probe's path"));
        Interlocked.Increment(ref _requests);
        var etag = read.Headers.ETag?.ToString() ?? "\"1\"";
        return probe.IfMatch.Replace(MalformedInputs.CurrentETag, etag.StartsWith("W/", StringComparison.Ordinal) ? etag[2..] : etag, StringComparison.Ordinal);
    }
}
