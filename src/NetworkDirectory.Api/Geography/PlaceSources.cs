namespace NetworkDirectory.Api.Geography;

/// <summary>Point → official regions, backed by the imported boundaries.</summary>
public interface IPointLocator
{
    /// <summary>False until boundaries have been imported.</summary>
    bool IsLoaded { get; }

    /// <summary>Gebietsstand of the loaded boundaries.</summary>
    DateOnly? BoundaryDate { get; }

    /// <summary>Source notes to show with every answer that used the boundaries.</summary>
    IReadOnlyList<string> Attribution { get; }

    /// <summary>The keys of the regions containing the point, most specific first; null outside every region.</summary>
    IReadOnlyList<string>? Locate(double latitude, double longitude);
}

/// <summary>Postal code → candidate regions, backed by an imported postal-code table.</summary>
public interface IPostalCodeDirectory
{
    bool IsLoaded { get; }

    IReadOnlyList<string> Attribution { get; }

    /// <summary>Candidate region keys (most specific known level) with the share of the code's places in each, largest first; empty when unknown.</summary>
    IReadOnlyList<(string RegionKey, double Share)> Candidates(string postalCode);
}
