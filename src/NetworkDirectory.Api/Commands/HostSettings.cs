namespace NetworkDirectory.Api.Commands;

/// <summary>Separates a command's host settings (<c>--Database:Path=/x</c>, <c>--Database:Path /x</c>) from its own words.</summary>
public static class HostSettings
{
    // Besides "Section:Key" settings, the host's own keys; `dotnet run` passes --contentRoot (see the csproj).
    private static readonly string[] HostKeys = ["contentRoot", "environment", "applicationName"];

    /// <summary>
    /// Settings go to the configuration, words to System.CommandLine. Only settings are given to the
    /// configuration provider: it reads a word that starts with '/' (an absolute path) as a switch and
    /// takes the next argument as its value, so a database setting after a source path would be lost
    /// and the import would go to the default database.
    /// </summary>
    public static (string[] Settings, string[] Words) Split(IReadOnlyList<string> args)
    {
        var settings = new List<string>();
        var words = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            if (!IsSetting(args[i]))
            {
                words.Add(args[i]);
                continue;
            }
            settings.Add(args[i]);
            if (!args[i].Contains('=') && i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                settings.Add(args[++i]);
            }
        }
        return ([.. settings], [.. words]);
    }

    private static bool IsSetting(string arg)
    {
        if (!arg.StartsWith("--", StringComparison.Ordinal))
        {
            return false;
        }
        var name = arg[2..].Split('=', 2)[0];
        return name.Contains(':') || HostKeys.Contains(name, StringComparer.OrdinalIgnoreCase);
    }
}
