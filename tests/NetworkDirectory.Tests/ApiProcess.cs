using System.Diagnostics;

namespace NetworkDirectory.Tests;

/// <summary>The built API as a real process, for what a test host cannot show: a refused start's exit code and its stderr.</summary>
public static class ApiProcess
{
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
