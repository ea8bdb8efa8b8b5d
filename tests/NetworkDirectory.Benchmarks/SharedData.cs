namespace NetworkDirectory.Benchmarks;

/// <summary>
/// The reference data in <c>../shared/data</c> beside the repository (BKG boundaries, GeoNames postal
/// codes). Found by walking up from the current directory and from the binary's directory to a folder
/// that has <c>shared/data/germany</c>; <see cref="EnvironmentVariable"/> overrides the search (the
/// host sets it so that BenchmarkDotNet's child processes find the same folder). Never copied into the repo.
/// </summary>
public static class SharedData
{
    public const string EnvironmentVariable = "NETWORKDIRECTORY_SHARED_DATA";

    /// <summary>The <c>shared/data</c> folder, or null when it is absent.</summary>
    public static readonly string? Folder = Find();

    public const string MissingMessage =
        "Reference data not found: no 'shared/data/germany' folder beside the repository or any parent of the current " +
        "directory (expected ../shared/data relative to the repo root; set " + EnvironmentVariable + " to the shared/data folder to point elsewhere). " +
        "Nothing was measured.";

    public static string Germany(string relativePath) =>
        Path.Combine(Folder ?? throw new InvalidOperationException(MissingMessage), "germany", relativePath);

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured)
        {
            return Directory.Exists(Path.Combine(configured, "germany")) ? Path.GetFullPath(configured) : null;
        }
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "data");
                if (Directory.Exists(Path.Combine(candidate, "germany")))
                {
                    return candidate;
                }
            }
        }
        return null;
    }
}
