namespace NetworkDirectory.Api.Common;

/// <summary>
/// What a committed write changed in the part of the directory that lookups hold in memory: the
/// agencies whose row, services, coverage or contacts changed, and the schedules that changed.
/// </summary>
public sealed record DirectoryChange(IReadOnlyCollection<string> AgencyIds, IReadOnlyCollection<string> ScheduleIds)
{
    public static DirectoryChange None { get; } = new([], []);

    /// <summary>The agencies named (nulls and repeats ignored): an entity that moved from one agency to another changes both.</summary>
    public static DirectoryChange OfAgencies(params string?[] ids) =>
        new(ids.OfType<string>().Distinct(StringComparer.Ordinal).ToArray(), []);

    public static DirectoryChange OfSchedule(string id) => new([], [id]);

    public bool IsEmpty => AgencyIds.Count == 0 && ScheduleIds.Count == 0;
}

/// <summary>
/// The seam through which writers tell the lookup side about changes, without knowing it (the
/// lookup implements it). Both methods return once the next lookup, from any caller, sees the change.
/// </summary>
public interface IDirectoryChanges
{
    /// <summary>After a write committed: read the changed entities again. Costs the change, not the directory.</summary>
    Task ChangedAsync(DirectoryChange change, CancellationToken cancellationToken = default);

    /// <summary>After a change the lookup cannot follow entity by entity (a boundary import): read everything again.</summary>
    Task ReloadAsync(CancellationToken cancellationToken = default);
}
