namespace NetworkDirectory.Api.Common;

/// <summary>The command line as the host's configuration sees it.</summary>
public static class CommandLine
{
    private static readonly string[] Commands = ["keys", "boundaries", "postalcodes"];

    /// <summary>
    /// For a command (<c>boundaries import /data/vg1000.zip --Database:Path=/data/nd.db</c>) only the
    /// <c>--key=value</c> and <c>--key value</c> settings: the configuration provider reads a word that
    /// starts with '/' (an absolute path) as a switch and would take the next argument as its value,
    /// so the database setting after it would be lost and the import would go to the default database.
    /// The server's own command line passes through unchanged.
    /// </summary>
    public static string[] HostArguments(string[] args)
    {
        if (args.Length == 0 || !Commands.Contains(args[0]))
        {
            return args;
        }
        var settings = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                continue;
            }
            settings.Add(args[i]);
            if (!args[i].Contains('=') && i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                settings.Add(args[++i]);
            }
        }
        return [.. settings];
    }
}
