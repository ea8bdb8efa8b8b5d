using Microsoft.Data.Sqlite;
using NetworkDirectory.Api.Auth;
using NetworkDirectory.Api.Common;

namespace NetworkDirectory.Api.Writes;

/// <summary>A stored entity in its write shape, with its version (the ETag) and the regions that decide who may change it.</summary>
public sealed record Stored<T>(T Data, int Version, IReadOnlyList<string> Regions);

/// <summary>An entity in its write shape, as GET, POST, PUT and PATCH return it.</summary>
/// <param name="Version">Increases with every change; sent back as ETag and expected in If-Match.</param>
public sealed record Resource<T>(string Id, int Version, T Data);

/// <summary>
/// What the write pipeline needs to know about one kind of entity. The pipeline does the rest the
/// same way for all: transaction, If-Match, region scope, validation, audit row, snapshot reload.
/// </summary>
public abstract class WritableResource<T> where T : class
{
    /// <summary>Entity type in the audit ("agency").</summary>
    public abstract string EntityType { get; }

    /// <summary>Route name of the GET endpoint, for Location headers.</summary>
    public abstract string GetRouteName { get; }

    public abstract string NewId(T data);

    public abstract Task<Stored<T>?> LoadAsync(SqliteConnection connection, SqliteTransaction transaction, string id);

    /// <summary>Checks the request against the data and returns its normalised form (phone numbers in E.164, …).</summary>
    public abstract Task<T> ValidateAsync(SqliteConnection connection, SqliteTransaction transaction, T data, string? id, ValidationErrors errors);

    /// <summary>The region keys the (validated) data belongs to; a caller must be allowed to write all of them.</summary>
    public abstract Task<IReadOnlyList<string>> RegionsAsync(SqliteConnection connection, SqliteTransaction transaction, T data);

    /// <summary>
    /// The regions of the entities this write newly refers to (a network member, a contact's schedule)
    /// where they lie outside the entity's own regions: naming another region's entity needs that
    /// region's scope too. Only references that are new or changed count (<paramref name="before"/> is
    /// null for a create), so an entity that an admin linked across a border stays editable by its owner.
    /// </summary>
    public virtual Task<IReadOnlyList<string>> ReferencedRegionsAsync(SqliteConnection connection, SqliteTransaction transaction, T? before, T after) =>
        Task.FromResult<IReadOnlyList<string>>([]);

    /// <summary>Fills what the caller's request left to a default that depends on the caller (a schedule's region); <paramref name="stored"/> is null for a create.</summary>
    public virtual T WithCallerDefaults(T data, T? stored, Caller caller) => data;

    public abstract Task InsertAsync(SqliteConnection connection, SqliteTransaction transaction, string id, T data, string now);

    /// <summary>Replaces the entity when its version is still <paramref name="version"/>; false otherwise.</summary>
    public abstract Task<bool> UpdateAsync(SqliteConnection connection, SqliteTransaction transaction, string id, T data, int version, string now);

    /// <summary>Why the entity cannot be deleted (still referenced), or null.</summary>
    public virtual Task<string?> DeleteConflictAsync(SqliteConnection connection, SqliteTransaction transaction, string id) =>
        Task.FromResult<string?>(null);

    public abstract Task DeleteAsync(SqliteConnection connection, SqliteTransaction transaction, string id);

    /// <summary>The write shape as this caller may read it (internal values outside the caller's scope removed); the data itself by default.</summary>
    public virtual T VisibleTo(Caller caller, Stored<T> stored) => stored.Data;

    /// <summary>What a committed write changed in the directory the lookup holds; <paramref name="before"/> is null for a create, <paramref name="after"/> for a delete.</summary>
    public abstract DirectoryChange Changes(string id, T? before, T? after);
}
