using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dapper;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using NetworkDirectory.Api.Common;
using NetworkDirectory.Api.Data;
using NetworkDirectory.Api.Writes;

namespace NetworkDirectory.Api.Imports;

/// <summary>
/// Dry run and apply of a bulk import, both in one transaction: the dry run does all the work and rolls
/// back, the apply commits when there is no problem and the base state still hashes to the dry run's token.
/// Entities are written in reference order (schedules, agencies, services, contacts), deletions in the reverse.
/// </summary>
public sealed class ImportRunner(
    SqliteConnectionFactory connections, IDirectoryChanges directory, TimeProvider clock, IOptions<JsonOptions> json,
    ScheduleImport schedules, AgencyImport agencies, ServiceImport services, ContactImport contacts)
{
    public async Task<ImportOutcome> RunAsync(ImportRequest request, CancellationToken cancellationToken)
    {
        if (!request.Caller.MayWrite(request.Region))
        {
            return ImportOutcome.Refused(StatusCodes.Status403Forbidden, "Outside your region",
                $"Your key may change data in {string.Join(", ", request.Caller.Scope)} only; an import for region {request.Region} needs that region's scope.");
        }
        ImportSheet sheet;
        try
        {
            sheet = ImportFile.Read(request.Content, request.Format);
        }
        catch (InvalidDataException ex)
        {
            return ImportOutcome.Refused(StatusCodes.Status400BadRequest, "Unreadable file", ex.Message);
        }
        var layout = ImportLayout.Read(sheet);

        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var inRegion = new Dictionary<string, IReadOnlyList<StoredRef>>(StringComparer.Ordinal);
        if (request.DeleteMissing)
        {
            foreach (var kind in Kinds)
            {
                inRegion[kind.Type] = await kind.InRegionAsync(connection, transaction, request.Region);
            }
        }
        var (token, containsSample) = await BaseStateAsync(connection, transaction, request, layout, inRegion);
        if (!request.DryRun && Precondition(request.IfMatch, token) is { } refused)
        {
            return refused;
        }

        var importId = request.DryRun ? "dry-run" : Ids.New("imp", request.Region);
        // One instant for the whole import: its audit rows and its imports row carry the same time.
        var now = clock.GetUtcNow();
        var session = new ImportSession(connection, transaction, request, sheet, importId, json.Value.SerializerOptions, now);
        session.Problems.AddRange(layout.Problems);
        await UpsertAllAsync(session, schedules, layout);
        await UpsertAllAsync(session, agencies, layout);
        await UpsertAllAsync(session, services, layout);
        await UpsertAllAsync(session, contacts, layout);
        if (request.DeleteMissing)
        {
            await DeleteMissingAsync(session, contacts, layout, inRegion, _ => Task.FromResult<string?>(null));
            await DeleteMissingAsync(session, services, layout, inRegion, id => StillNamedAsync(connection, transaction, "contacts", "service_id", id));
            await DeleteMissingAsync(session, agencies, layout, inRegion, async id =>
                await StillNamedAsync(connection, transaction, "services", "agency_id", id) ?? await StillNamedAsync(connection, transaction, "contacts", "agency_id", id));
            await DeleteMissingAsync(session, schedules, layout, inRegion, _ => Task.FromResult<string?>(null));
        }

        var problems = session.Problems.OrderBy(p => p.Row ?? int.MaxValue).ThenBy(p => p.Column, StringComparer.Ordinal).ToList();
        var diffs = Kinds.Select(k => session.Diff(k.Type).Build()).ToList();
        var applying = !request.DryRun && problems.Count == 0;
        var report = new ImportReport(
            applying ? importId : null, request.DryRun, applying, request.Region, request.DeleteMissing,
            request.DryRun && problems.Count == 0 ? token : null, sheet.Rows.Count, diffs, problems, containsSample);
        if (!applying)
        {
            // Nothing of a dry run or of a refused import stays: not the writes, not the audit rows.
            await transaction.RollbackAsync(cancellationToken);
            return request.DryRun
                ? new ImportOutcome(StatusCodes.Status200OK, null, null, report)
                : new ImportOutcome(StatusCodes.Status422UnprocessableEntity, "The file has problems",
                    $"Nothing was changed: {problems.Count} problem(s), each with its row and column in 'problems'. Fix them, run the dry run again and apply with its token.", report);
        }
        await SaveAsync(connection, transaction, request, report, diffs, importId, now);
        await transaction.CommitAsync(cancellationToken);
        await directory.ChangedAsync(new DirectoryChange(session.ChangedAgencies, session.ChangedSchedules), CancellationToken.None);
        return new ImportOutcome(StatusCodes.Status200OK, null, null, report);
    }

    private IEnumerable<IImportKind> Kinds => [schedules, agencies, services, contacts];

    private static async Task UpsertAllAsync<T>(ImportSession session, ImportKind<T> kind, ImportLayout layout) where T : class
    {
        foreach (var group in layout.Groups(kind.Type))
        {
            await session.UpsertAsync(kind, group);
        }
    }

    private static async Task DeleteMissingAsync<T>(
        ImportSession session, ImportKind<T> kind, ImportLayout layout, Dictionary<string, IReadOnlyList<StoredRef>> inRegion,
        Func<string, Task<string?>> stillNamed) where T : class
    {
        var listed = layout.Groups(kind.Type).Select(g => g.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var missing in inRegion[kind.Type].Where(s => !listed.Contains(s.Id)))
        {
            await session.DeleteAsync(kind, missing, stillNamed);
        }
    }

    private static async Task<string?> StillNamedAsync(SqliteConnection connection, SqliteTransaction transaction, string table, string column, string id)
    {
        var names = (await connection.QueryAsync<string>($"SELECT id FROM {table} WHERE {column} = @id ORDER BY id LIMIT 5", new { id }, transaction)).ToList();
        return names.Count == 0 ? null : $"the file still lists {table} that name it ({string.Join(", ", names)}): add its row back, or remove or move those too.";
    }

    /// <summary>
    /// The token: a hash of the file, the options, and the version (or absence) of every entity the file
    /// names, plus, with deleteMissing, every entity of the region. Any change to one of them between the
    /// dry run and the apply changes the token.
    /// </summary>
    private async Task<(string Token, bool ContainsSample)> BaseStateAsync(
        SqliteConnection connection, SqliteTransaction transaction, ImportRequest request, ImportLayout layout,
        Dictionary<string, IReadOnlyList<StoredRef>> inRegion)
    {
        var text = new StringBuilder();
        text.Append(Convert.ToHexStringLower(SHA256.HashData(request.Content))).Append('\n').Append(request.Region).Append('\n').Append(request.DeleteMissing).Append('\n');
        var sample = false;
        foreach (var kind in Kinds)
        {
            var ids = layout.Groups(kind.Type).Select(g => g.Id).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var versions = await kind.VersionsAsync(connection, transaction, ids);
            foreach (var id in ids)
            {
                var stored = versions.GetValueOrDefault(id);
                sample |= stored?.Sample == true;
                text.Append(kind.Type).Append(' ').Append(id).Append(' ').Append(stored?.Version ?? 0).Append('\n');
            }
            foreach (var stored in inRegion.GetValueOrDefault(kind.Type, []))
            {
                sample |= stored.Sample;
                text.Append("region ").Append(kind.Type).Append(' ').Append(stored.Id).Append(' ').Append(stored.Version).Append('\n');
            }
        }
        return (Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..32], sample);
    }

    private static ImportOutcome? Precondition(string? ifMatch, string token)
    {
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return ImportOutcome.Refused(StatusCodes.Status428PreconditionRequired, "If-Match required",
                "Run the import with dryRun=true first, check its diff, then send the same file with If-Match: \"<its token>\" (or * to apply whatever the diff is now).");
        }
        var tags = ifMatch.Split(',').Select(t => t.Trim().Trim('"')).ToList();
        return tags.Contains("*") || tags.Contains(token) ? null
            : ImportOutcome.Refused(StatusCodes.Status412PreconditionFailed, "Changed since the dry run",
                "The directory (or the file) changed since the dry run that gave this token: nothing was changed. Run the dry run again, check the new diff and apply with its token.");
    }

    private static Task SaveAsync(
        SqliteConnection connection, SqliteTransaction transaction, ImportRequest request, ImportReport report, IReadOnlyList<ImportEntityDiff> diffs, string importId, DateTimeOffset now) =>
        connection.ExecuteAsync(
            """
            INSERT INTO imports (id, occurred_at, actor, region_key, format, file_sha256, delete_missing, rows, created, updated, deleted, unchanged, correlation_id)
            VALUES (@importId, @now, @actor, @Region, @format, @sha, @DeleteMissing, @Rows, @created, @updated, @deleted, @unchanged, @CorrelationId)
            """,
            new
            {
                importId, now = Dates.FormatTimestamp(now), actor = ImportRegion.Actor(request.Caller), request.Region,
                format = ImportFile.Extension(request.Format), sha = Convert.ToHexStringLower(SHA256.HashData(request.Content)),
                request.DeleteMissing, report.Rows, created = diffs.Sum(d => d.Created.Count), updated = diffs.Sum(d => d.Updated.Count),
                deleted = diffs.Sum(d => d.Deleted.Count), unchanged = diffs.Sum(d => d.Unchanged), request.CorrelationId,
            }, transaction);
}
