namespace NetworkDirectory.Api.Data;

/// <summary>Bound from the <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Path of the SQLite file; its directory is created when missing.</summary>
    public string Path { get; set; } = System.IO.Path.Combine("data", "networkdirectory.db");

    /// <summary>Load the bundled sample network when the database holds no agencies yet.</summary>
    public bool LoadSample { get; set; } = true;
}
