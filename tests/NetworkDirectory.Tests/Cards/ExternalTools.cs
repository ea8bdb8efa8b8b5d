using System.Diagnostics;

namespace NetworkDirectory.Tests.Cards;

/// <summary>
/// Tools a machine with only the .NET SDK lacks: Chromium and poppler-utils (the contact-sheet PDF check), node and
/// ical.js (the vCard library check). `.ci/run` installs them; elsewhere the tests that need them skip and say why.
/// </summary>
public static class ExternalTools
{
    public static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);

    public static string? Chromium => Find("chromium") ?? Find("chromium-browser");

    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "NetworkDirectory.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("NetworkDirectory.sln not found above " + AppContext.BaseDirectory);
    }

    public static string VCardFolder => Path.Combine(RepositoryRoot(), ".ci", "vcard");

    /// <summary>Runs a tool with arguments (and optional stdin), at most 90 s; returns exit code, stdout and stderr.</summary>
    public static async Task<(int Code, string Output, string Error)> RunAsync(string file, IEnumerable<string> args, string? input = null, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = input is not null,
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', start.ArgumentList)} did not finish within 90 s.");
        }
        return (process.ExitCode, await output, await error);
    }
}

/// <summary>A fact that needs Chromium and poppler-utils (pdfinfo, pdftotext); skipped with a message when one is absent.</summary>
public sealed class PdfToolsFactAttribute : FactAttribute
{
    public PdfToolsFactAttribute()
    {
        if (ExternalTools.Chromium is null)
        {
            Skip = "chromium is not installed (apt-get install chromium; .ci/run does): the contact-sheet PDF check is skipped.";
        }
        else if (ExternalTools.Find("pdfinfo") is null || ExternalTools.Find("pdftotext") is null)
        {
            Skip = "poppler-utils (pdfinfo, pdftotext) are not installed (apt-get install poppler-utils; .ci/run does): the contact-sheet PDF check is skipped.";
        }
    }
}

/// <summary>A fact that needs node and ical.js in .ci/vcard/node_modules; skipped with a message when either is absent.</summary>
public sealed class VCardLibraryFactAttribute : FactAttribute
{
    public VCardLibraryFactAttribute()
    {
        if (ExternalTools.Find("node") is null)
        {
            Skip = "node is not installed: the vCard library check (ical.js) is skipped.";
        }
        else if (!Directory.Exists(Path.Combine(ExternalTools.VCardFolder, "node_modules", "ical.js")))
        {
            Skip = "ical.js is not installed: run `(cd .ci/vcard && npm ci)` (.ci/run does); the vCard library check is skipped.";
        }
    }
}
