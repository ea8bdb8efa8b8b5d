namespace NetworkDirectory.Api.Data;

/// <summary>Bound from the <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public static readonly string DefaultPath = System.IO.Path.Combine("data", "networkdirectory.db");

    /// <summary>
    /// Path of the SQLite file. The default's folder is created when missing (a first `dotnet run`);
    /// the folder of a path set explicitly must exist unless <see cref="CreateFolder"/> asks for it,
    /// so that a mistyped path stops the start instead of serving a fresh, empty directory.
    /// </summary>
    public string Path { get; set; } = DefaultPath;

    /// <summary>Create the folder of an explicitly set <see cref="Path"/> when it does not exist.</summary>
    public bool CreateFolder { get; set; }

    /// <summary>Load the bundled sample network when the database holds no agencies yet.</summary>
    public bool LoadSample { get; set; } = true;
}
