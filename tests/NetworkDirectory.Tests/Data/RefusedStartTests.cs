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
            var (code, output, error) = await ApiProcess.RunAsync($"--Database:Path={database}");

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
}
