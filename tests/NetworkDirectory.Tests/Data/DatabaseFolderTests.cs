using NetworkDirectory.Tests.Commands;

namespace NetworkDirectory.Tests.Data;

/// <summary>A mistyped database folder stops the start with one line, instead of a fresh, empty directory being served.</summary>
public sealed class DatabaseFolderTests
{
    [Fact]
    public async Task AnExplicitPathInAMissingFolderIsRefusedWithTheFix()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"nd-missing-{Guid.NewGuid():N}");
        var result = await CliRun.RunAsync("keys", "list", $"--Database:Path={Path.Combine(folder, "nd.db")}");

        Assert.Equal(1, result.Code);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"Database:Path: the folder {folder} does not exist", line);
        Assert.Contains("Database:CreateFolder=true", line);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public async Task CreatingTheFolderCanBeAskedFor()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"nd-created-{Guid.NewGuid():N}");
        try
        {
            var result = await CliRun.RunAsync("keys", "list", $"--Database:Path={Path.Combine(folder, "nd.db")}", "--Database:CreateFolder=true");
            Assert.True(result.Code == 0, result.Error);
            Assert.True(File.Exists(Path.Combine(folder, "nd.db")));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
