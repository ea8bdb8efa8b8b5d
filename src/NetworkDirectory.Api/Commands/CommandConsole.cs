namespace NetworkDirectory.Api.Commands;

/// <summary>Where a command prints (results on <see cref="Output"/>, errors on <see cref="Error"/>) and whose directory its paths are relative to.</summary>
public sealed record CommandConsole(TextWriter Output, TextWriter Error, string WorkingDirectory)
{
    public static CommandConsole System => new(Console.Out, Console.Error, Environment.CurrentDirectory);

    /// <summary>A path given on the command line, relative to the caller's directory (not the content root).</summary>
    public string FullPath(string path) => Path.GetFullPath(path, WorkingDirectory);
}

/// <summary>The exit codes of every command.</summary>
public static class ExitCodes
{
    public const int Done = 0;
    public const int Failed = 1;
    public const int Usage = 2;
}
