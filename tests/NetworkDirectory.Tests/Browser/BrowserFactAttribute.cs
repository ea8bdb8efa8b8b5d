namespace NetworkDirectory.Tests.Browser;

/// <summary>
/// A browser test: runs in Debian's chromium (never a downloaded browser) and skips, saying why, on a
/// machine without it. `.ci/run` installs chromium with apt, so CI runs these.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Chromium.Path is null)
        {
            Skip = "chromium is not installed (apt-get install -y chromium, or set CHROMIUM_PATH); .ci/run installs it.";
        }
    }
}

internal static class Chromium
{
    /// <summary>CHROMIUM_PATH, else the first chromium on PATH, else /usr/bin/chromium; null when none exists.</summary>
    public static readonly string? Path = Find();

    private static string? Find()
    {
        var given = Environment.GetEnvironmentVariable("CHROMIUM_PATH");
        if (!string.IsNullOrEmpty(given))
        {
            return File.Exists(given) ? given : null;
        }
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => new[] { "chromium", "chromium-browser" }.Select(name => System.IO.Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);
        return onPath ?? (File.Exists("/usr/bin/chromium") ? "/usr/bin/chromium" : null);
    }
}
