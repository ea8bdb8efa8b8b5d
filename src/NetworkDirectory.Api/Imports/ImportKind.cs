using Dapper;
using Microsoft.Data.Sqlite;
using NetworkDirectory.Api.Writes;

namespace NetworkDirectory.Api.Imports;

/// <summary>Where a file's problem lies: the entity's own row, or its n-th child row of a type (a schedule's windows), and the column.</summary>
public sealed record CellRef(string Column, string? ChildType = null, int ChildIndex = 0);

/// <summary>An entity of the directory as it is stored: id, version, the region key that places it in a file's region, and the sample flag.</summary>
public sealed class StoredRef
{
    public string Id { get; init; } = "";
    public int Version { get; init; }
    public string Seat { get; init; } = "";
    public bool Sample { get; init; }
}

/// <summary>
/// How one writable entity maps onto the flat template. Validation, region scope and the writes
/// themselves are the entity's own <see cref="WritableResource{T}"/>: the import adds no rule of its own.
/// </summary>
public abstract class ImportKind<T>(WritableResource<T> resource) : IImportKind where T : class
{
    public WritableResource<T> Resource => resource;

    public abstract string Type { get; }

    /// <summary>SELECT id, version, seat, sample for the entities within a region (@region, @prefix = region || '%').</summary>
    protected abstract string InRegionSql { get; }

    protected abstract string VersionSql { get; }

    /// <summary>The row types that belong to an entity of this kind (a schedule's windows and exceptions), with the column that names the owner.</summary>
    public virtual IReadOnlyList<string> ChildTypes => [];

    /// <summary>The entity's row, then its child rows; every cell as the template writes it.</summary>
    public abstract IEnumerable<Dictionary<string, string?>> ToCells(string id, T data);

    public abstract T Parse(ImportCells main, IReadOnlyDictionary<string, IReadOnlyList<ImportCells>> children);

    /// <summary>The column (and child row) of a field of the write shape: "address.postalCode" → postalCode.</summary>
    public abstract CellRef ColumnOf(string field);

    /// <summary>The region key that must lie within the file's region (an agency's seat; a service's agency's seat).</summary>
    public abstract Task<string?> SeatAsync(SqliteConnection connection, SqliteTransaction transaction, T data);

    public async Task<IReadOnlyList<StoredRef>> InRegionAsync(SqliteConnection connection, SqliteTransaction transaction, string region) =>
        (await connection.QueryAsync<StoredRef>(InRegionSql, new { region, prefix = region + "%" }, transaction)).ToList();

    /// <summary>The stored versions (and sample flags) of those of <paramref name="ids"/> that exist.</summary>
    public async Task<IReadOnlyDictionary<string, StoredRef>> VersionsAsync(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<string> ids)
    {
        var versions = new Dictionary<string, StoredRef>(StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(500))
        {
            foreach (var stored in await connection.QueryAsync<StoredRef>(VersionSql, new { ids = chunk }, transaction))
            {
                versions[stored.Id] = stored;
            }
        }
        return versions;
    }

    /// <summary>The column that places the entity in a region (agency: regionKey; service: agencyId).</summary>
    public abstract string SeatColumn { get; }

    /// <summary>The column to point at when the change reaches outside the caller's scope.</summary>
    public abstract string ScopeColumn { get; }

    /// <summary>How a changed field of the write shape is named in the diff.</summary>
    public virtual string DiffColumn(string field) => ColumnOf(field).Column;

    protected static Dictionary<string, string?> Cells(string type, string? id) => new(StringComparer.Ordinal) { ["type"] = type, ["id"] = id };

    protected static CellRef Strip(string field) => new(field.Split('[')[0]);
}

/// <summary>The part of <see cref="ImportKind{T}"/> that does not depend on the entity type.</summary>
public interface IImportKind
{
    string Type { get; }

    IReadOnlyList<string> ChildTypes { get; }

    Task<IReadOnlyList<StoredRef>> InRegionAsync(SqliteConnection connection, SqliteTransaction transaction, string region);

    Task<IReadOnlyDictionary<string, StoredRef>> VersionsAsync(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<string> ids);
}
