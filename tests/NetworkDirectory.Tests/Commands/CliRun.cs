using NetworkDirectory.Api.Commands;

namespace NetworkDirectory.Tests.Commands;

/// <summary>Runs the command-line entry point in-process and captures what it prints.</summary>
public static class CliRun
{
    public sealed record Result(int Code, string Output, string Error)
    {
        public string[] OutputLines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    public static Task<Result> RunAsync(params string[] args) => InAsync(Environment.CurrentDirectory, args);

    public static async Task<Result> InAsync(string workingDirectory, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await Cli.RunAsync(args, new CommandConsole(output, error, workingDirectory));
        return new Result(code, output.ToString(), error.ToString());
    }

    public static string TempDatabase() => Path.Combine(Path.GetTempPath(), $"nd-cli-{Guid.NewGuid():N}.db");

    public static void DeleteDatabase(string path)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(path + suffix);
        }
    }
}
