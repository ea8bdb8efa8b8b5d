using System.Diagnostics;

namespace NetworkDirectory.Tests.Data;

/// <summary>A database the server refuses stops the real process with exit code 1 and one line naming the cause and the fix, no stack trace.</summary>
public sealed class RefusedStartTests
{
    [Fact]
    public async Task AFileThatIsNotADatabaseStopsTheStartWithOneLine()
    {
        var database = Path.Combine(Path.GetTempPath(), $"nd-notadb-{Guid.NewGuid():N}.db");
        await File.WriteAllTextAsync(database, new string('x', 8192));
        try
        {
            var (code, output, error) = await StartAsync($"--Database:Path={database}");

            Assert.Equal(1, code);
            var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            Assert.Equal($"Database {database}: the file is not a SQLite database (or it is damaged). Restore a backup (`restore FILE --force`) or point Database:Path at the right file.", line);
            Assert.DoesNotContain("   at ", output + error);
        }
        finally
        {
            File.Delete(database);
        }
    }

    private static async Task<(int Code, string Output, string Error)> StartAsync(params string[] settings)
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
