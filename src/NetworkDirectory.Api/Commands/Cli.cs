using System.CommandLine;
using System.CommandLine.Invocation;

namespace NetworkDirectory.Api.Commands;

/// <summary>
/// The command line: <c>keys …</c>, <c>boundaries import …</c>, <c>postalcodes import …</c>, <c>backup …</c>, <c>restore …</c>, <c>directory export|import …</c>, each with
/// --help. Without a command word the process serves the API. Results go to stdout, errors and logs to
/// stderr; exit codes are <see cref="ExitCodes"/>.
/// </summary>
public static class Cli
{
    private static readonly string[] CommandWords = ["keys", "boundaries", "postalcodes", "backup", "restore", "directory", "--help", "-h", "-?"];

    public static bool IsCommand(string[] args) =>
        HostSettings.Split(args).Words is [var first, ..] && CommandWords.Contains(first, StringComparer.Ordinal);

    public static Task<int> RunAsync(string[] args) => RunAsync(args, CommandConsole.System);

    public static async Task<int> RunAsync(string[] args, CommandConsole console, CancellationToken cancellationToken = default)
    {
        var (settings, words) = HostSettings.Split(args);
        var parse = Root(settings, console).Parse(words);
        if (parse.Action is ParseErrorAction)
        {
            foreach (var error in parse.Errors)
            {
                await console.Error.WriteLineAsync(error.Message);
            }
            await console.Error.WriteLineAsync($"Run '{string.Join(' ', CommandPath(parse))} --help' for usage.");
            return ExitCodes.Usage;
        }
        // No default exception handler: CommandHost reports failures in one line with exit code 1.
        return await parse.InvokeAsync(new InvocationConfiguration
        {
            Output = console.Output, Error = console.Error, EnableDefaultExceptionHandler = false,
        }, cancellationToken);
    }

    private static RootCommand Root(string[] hostSettings, CommandConsole console)
    {
        var verbose = new Option<bool>("--verbose")
        {
            Description = "Also log progress (Information) to stderr; by default only warnings and errors.",
            Recursive = true,
        };
        var host = new CommandHost(hostSettings, console, verbose);
        var root = new RootCommand("""
            NetworkDirectory.Api: serves the API when started without a command; otherwise runs one command
            against the configured database and exits.
            Host settings such as --Database:Path=/data/nd.db may stand anywhere on the command line.
            Paths are relative to the directory you run the command from.
            Exit codes: 0 done, 1 failed, 2 usage error.
            """)
        {
            KeysCommand.Create(host),
            ImportCommands.Boundaries(host),
            ImportCommands.PostalCodes(host),
            BackupCommands.Backup(host),
            BackupCommands.Restore(host),
            BulkCommands.Directory(host),
        };
        root.Add(verbose);
        return root;
    }

    private static IEnumerable<string> CommandPath(ParseResult parse)
    {
        var names = new Stack<string>();
        for (var result = parse.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            if (result.Command is not RootCommand)
            {
                names.Push(result.Command.Name);
            }
        }
        return names.Count == 0 ? ["NetworkDirectory.Api"] : names;
    }
}
