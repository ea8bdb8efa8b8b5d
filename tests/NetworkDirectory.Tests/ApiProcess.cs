using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace NetworkDirectory.Tests;

/// <summary>
/// The built API as a real process, for what a test host cannot show: a refused start's exit code and its
/// stderr, a command's output, and a server killed with SIGKILL in the middle of writes.
/// </summary>
public static class ApiProcess
{
    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "NetworkDirectory.Api.dll");

    /// <summary>Runs a command (`keys create …`) and waits (at most 60 s) until it exits.</summary>
    public static async Task<(int Code, string Output, string Error)> CommandAsync(params string[] args)
    {
        using var process = Process.Start(StartInfo(args))!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    /// <summary>Starts the server on a free loopback port and waits until /readyz answers 200.</summary>
    public static async Task<Server> StartAsync(params string[] settings)
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        var process = Process.Start(StartInfo(["--urls", $"http://127.0.0.1:{port}", .. settings]))!;
        var server = new Server(process, new Uri($"http://127.0.0.1:{port}"));
        await server.WaitUntilReadyAsync(TimeSpan.FromSeconds(30));
        return server;
    }

    private static ProcessStartInfo StartInfo(IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = AppContext.BaseDirectory };
        foreach (var arg in new[] { "exec", Dll }.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }
        return start;
    }

    /// <summary>A running server process; Kill() is SIGKILL on Linux: no shutdown, no checkpoint, no flush.</summary>
    public sealed class Server : IDisposable
    {
        private readonly Process _process;
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _errors = new();

        internal Server(Process process, Uri address)
        {
            _process = process;
            Address = address;
            // Drain both pipes, or a chatty log blocks the server; keep stderr's tail for a failed start.
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null && _errors.Count < 50) { _errors.Enqueue(e.Data); } };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public Uri Address { get; }

        public HttpClient CreateClient(string? apiKey = null)
        {
            var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(10) };
            if (apiKey is not null)
            {
                client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("ApiKey", apiKey);
            }
            return client;
        }

        internal async Task WaitUntilReadyAsync(TimeSpan limit)
        {
            using var client = CreateClient();
            var deadline = Stopwatch.StartNew();
            while (deadline.Elapsed < limit)
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"The server exited with {_process.ExitCode}: {string.Join('\n', _errors)}");
                }
                try
                {
                    if ((await client.GetAsync("/readyz")).IsSuccessStatusCode)
                    {
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
                await Task.Delay(50);
            }
            Kill();
            throw new TimeoutException($"The server was not ready within {limit.TotalSeconds} s: {string.Join('\n', _errors)}");
        }

        public void Kill()
        {
            if (!_process.HasExited)
            {
                _process.Kill();
            }
            _process.WaitForExit();
        }

        public void Dispose()
        {
            Kill();
            _process.Dispose();
        }
    }

    /// <summary>Starts the server with these settings and waits (at most 60 s) until it exits.</summary>
    public static async Task<(int Code, string Output, string Error)> RunAsync(params string[] settings)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = AppContext.BaseDirectory };
        foreach (var arg in new[] { "exec", Path.Combine(AppContext.BaseDirectory, "NetworkDirectory.Api.dll"), "--urls", "http://127.0.0.1:0" }.Concat(settings))
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, await output, await error);
    }
}
