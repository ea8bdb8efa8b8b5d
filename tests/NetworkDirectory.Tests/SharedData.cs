namespace NetworkDirectory.Tests;

/// <summary>
/// The real reference data in ../shared/data beside the repository (BKG boundaries, postal codes).
/// CI has it; a fresh clone may not, so tests that need it use <see cref="SharedDataFactAttribute"/>
/// and are skipped with a clear message when it is absent. The product itself never reads it.
/// </summary>
public static class SharedData
{
    public static readonly string? GermanyFolder = Find();

    public static string Germany(string relativePath) =>
        Path.Combine(GermanyFolder ?? throw new InvalidOperationException(SkipReason), relativePath);

    public const string SkipReason =
        "Reference data ../shared/data/germany (BKG boundaries, postal codes) is not beside the repository; this real-data test is skipped.";

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "germany");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }
}

/// <summary>A fact that needs ../shared/data; skipped with a message when it is absent.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        if (SharedData.GermanyFolder is null)
        {
            Skip = SharedData.SkipReason;
        }
    }
}

/// <summary>A theory that needs ../shared/data; skipped with a message when it is absent.</summary>
public sealed class SharedDataTheoryAttribute : TheoryAttribute
{
    public SharedDataTheoryAttribute()
    {
        if (SharedData.GermanyFolder is null)
        {
            Skip = SharedData.SkipReason;
        }
    }
}
