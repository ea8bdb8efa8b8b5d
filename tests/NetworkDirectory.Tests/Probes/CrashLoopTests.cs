using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace NetworkDirectory.Tests.Probes;

/// <summary>
/// A real server process is killed with SIGKILL while writers create and patch agencies, several times over.
/// Afterwards every write the server acknowledged (2xx) is there with at least its acknowledged version and
/// exactly one audit row, and the file passes PRAGMA integrity_check. CRASH_LOOP_KILLS sets the rounds (default 5).
/// </summary>
public sealed class CrashLoopTests(ITestOutputHelper output)
{
    private const int Writers = 4;
    private static readonly TimeSpan RoundBudget = TimeSpan.FromSeconds(40);

    private sealed record Acknowledged(string Id, int Version, string Action, string TraceId);

    [Fact]
    public async Task EveryAcknowledgedWriteSurvivesKillsWithItsAuditRow()
    {
        var kills = int.TryParse(Environment.GetEnvironmentVariable("CRASH_LOOP_KILLS"), out var n) ? n : 5;
        var database = Path.Combine(Path.GetTempPath(), $"nd-crash-{Guid.NewGuid():N}.db");
        string[] settings = [$"--Database:Path={database}", "--Auth:WritesPerMinute=1000000"];
        var acknowledged = new ConcurrentBag<Acknowledged>();
        var attempted = 0;
        var interrupted = 0;
        var random = new Random();
        var clock = Stopwatch.StartNew();
        try
        {
            // The first start creates, migrates and loads the sample network; the key comes from the command line.
            using (await ApiProcess.StartAsync(settings))
            {
            }
            var created = await ApiProcess.CommandAsync(["keys", "create", "--name", "Crash loop", "--role", "admin", .. settings]);
            Assert.True(created.Code == 0, created.Error);
            var key = created.Output.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("nd_", StringComparison.Ordinal));

            // Bounded: on a loaded machine a start takes seconds, so rounds stop (after at least two) once the budget is spent.
            var killed = 0;
            for (var round = 0; round < kills && (round < 2 || clock.Elapsed < RoundBudget); round++)
            {
                var startedAt = clock.Elapsed;
                using var server = await ApiProcess.StartAsync(settings);
                var readyAt = clock.Elapsed;
                using var stop = new CancellationTokenSource();
                var writers = Enumerable.Range(0, Writers)
                    .Select(w => WriteUntilKilledAsync(server, key, $"{round}-{w}", acknowledged,
                        () => Interlocked.Increment(ref attempted), () => Interlocked.Increment(ref interrupted), stop.Token))
                    .ToList();
                await Task.Delay(random.Next(600, 1600));
                server.Kill();
                killed++;
                stop.Cancel();
                await Task.WhenAll(writers);
                output.WriteLine($"round {round + 1}: ready after {(readyAt - startedAt).TotalSeconds:F1} s, killed; {acknowledged.Count} acknowledged so far");
            }

            // One more start: the server opens the file the kills left behind (WAL recovery) and answers.
            using (var final = await ApiProcess.StartAsync(settings))
            using (var client = final.CreateClient(key))
            {
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/taxonomies")).StatusCode);
            }

            var (lost, auditMatched, integrity) = Verify(database, acknowledged.ToList());
            var summary = $"crash loop: {killed} kills (of {kills} asked), {attempted} writes attempted, {interrupted} in flight at a kill, {acknowledged.Count} acknowledged, " +
                          $"{lost.Count} lost, {auditMatched} audit rows matched, integrity_check {integrity}, {clock.Elapsed.TotalSeconds:F1} s";
            output.WriteLine(summary);
            Console.WriteLine(summary);

            Assert.True(acknowledged.Count > killed, $"too few acknowledged writes to mean anything: {summary}");
            Assert.True(interrupted > 0, $"no kill hit a write in flight: {summary}");
            Assert.Empty(lost);
            Assert.Equal(acknowledged.Count, auditMatched);
            Assert.Equal("ok", integrity);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(database + suffix);
            }
        }
    }

    /// <summary>Creates an agency, then patches it with If-Match, again and again; records each 2xx answer.</summary>
    private static async Task WriteUntilKilledAsync(
        ApiProcess.Server server, string key, string writer, ConcurrentBag<Acknowledged> acknowledged,
        Func<int> attempt, Func<int> interrupt, CancellationToken stop)
    {
        using var client = server.CreateClient(key);
        try
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                attempt();
                var (status, body, trace) = await SendAsync(client, HttpMethod.Post, "/v1/agencies", null, "application/json", JsonSerializer.Serialize(new
                {
                    name = $"Crash {writer} {i}", kind = "youth_welfare_office", regionKey = "09184", languages = new[] { "de" },
                }));
                if (status != HttpStatusCode.Created)
                {
                    continue;
                }
                var id = body.GetProperty("id").GetString()!;
                var version = body.GetProperty("version").GetInt32();
                acknowledged.Add(new Acknowledged(id, version, "create", trace));
                for (var p = 0; p < 3 && !stop.IsCancellationRequested; p++)
                {
                    attempt();
                    (status, body, trace) = await SendAsync(client, HttpMethod.Patch, $"/v1/agencies/{id}", $"\"{version}\"", "application/merge-patch+json",
                        $$"""{"operator":"Runde {{writer}}, Änderung {{p}}"}""");
                    if (status != HttpStatusCode.OK)
                    {
                        break;
                    }
                    version = body.GetProperty("version").GetInt32();
                    acknowledged.Add(new Acknowledged(id, version, "patch", trace));
                }
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            // The server is gone mid-request: what it had acknowledged before is what the check below holds it to.
            interrupt();
        }
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body, string TraceId)> SendAsync(
        HttpClient client, HttpMethod method, string path, string? ifMatch, string contentType, string json)
    {
        var traceId = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, contentType) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        request.Headers.TryAddWithoutValidation("traceparent", $"00-{traceId}-{traceId[..16]}-01");
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        using var response = await client.SendAsync(request);
        var body = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
        return (response.StatusCode, body, traceId);
    }

    private static (List<Acknowledged> Lost, int AuditMatched, string Integrity) Verify(string database, List<Acknowledged> acknowledged)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        var lost = acknowledged
            .Where(a => connection.ExecuteScalar<long?>("SELECT version FROM agencies WHERE id = @Id", new { a.Id }) is not { } stored || stored < a.Version)
            .ToList();
        // Exactly one audit row per acknowledged write: same entity, action and resulting version, written in the request's trace.
        var auditMatched = acknowledged.Count(a => connection.ExecuteScalar<long>(
            """
            SELECT count(*) FROM audit
            WHERE entity_type = 'agency' AND entity_id = @Id AND action = @Action AND json_extract(after_json, '$.version') = @Version
              AND correlation_id LIKE '%' || @TraceId || '%'
            """, new { a.Id, a.Action, a.Version, a.TraceId }) == 1);
        var integrity = string.Join("; ", connection.Query<string>("PRAGMA integrity_check"));
        return (lost, auditMatched, integrity);
    }
}
