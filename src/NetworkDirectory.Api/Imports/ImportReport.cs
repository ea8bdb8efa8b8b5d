using System.Text.Json.Nodes;

namespace NetworkDirectory.Api.Imports;

/// <summary>What a dry run found, or what an applied import changed.</summary>
/// <param name="ImportId">The id the audit rows of an applied import carry; null for a dry run.</param>
/// <param name="Token">Send it as If-Match: "token" with the same file to apply exactly this diff; null when there are problems (or after apply).</param>
/// <param name="Entities">Per entity type: created, updated (changed fields before and after), deleted, unchanged.</param>
/// <param name="Problems">Every problem with row and column; an import with problems changes nothing.</param>
/// <param name="ContainsSample">True when the file touches fictional sample entries.</param>
public sealed record ImportReport(
    string? ImportId, bool DryRun, bool Applied, string Region, bool DeleteMissing, string? Token, int Rows,
    IReadOnlyList<ImportEntityDiff> Entities, IReadOnlyList<ImportProblem> Problems, bool ContainsSample);

/// <summary>The diff of one entity type.</summary>
public sealed record ImportEntityDiff(
    string Type, IReadOnlyList<ImportCreated> Created, IReadOnlyList<ImportUpdated> Updated, IReadOnlyList<ImportDeleted> Deleted, int Unchanged);

/// <param name="Row">The file row of the entity.</param>
public sealed record ImportCreated(string Id, int Row);

/// <param name="Version">The version the update is based on; the entity has Version + 1 afterwards.</param>
public sealed record ImportUpdated(string Id, int Row, int Version, IReadOnlyList<ImportFieldChange> Changes);

/// <summary>An entity of the file's region that the file no longer lists (deleteMissing=true).</summary>
public sealed record ImportDeleted(string Id, int Version);

/// <param name="Column">The template column (for a schedule's windows or exceptions: 'windows', 'exceptions').</param>
public sealed record ImportFieldChange(string Column, JsonNode? Before, JsonNode? After);

/// <summary>An import as the imports table keeps it.</summary>
public sealed record ImportRecord(
    string Id, DateTimeOffset OccurredAt, string Actor, string Region, string Format, string FileSha256, bool DeleteMissing,
    int Rows, int Created, int Updated, int Deleted, int Unchanged);
