using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using NetworkDirectory.Api.Audit;
using NetworkDirectory.Api.Auth;
using NetworkDirectory.Api.Common;
using NetworkDirectory.Api.Writes;

namespace NetworkDirectory.Api.Imports;

/// <summary>One entity's rows in the file: its own row and its child rows by type.</summary>
public sealed record ImportGroup(string Id, ImportRow Row, IReadOnlyDictionary<string, List<ImportRow>> Children);

/// <summary>
/// One import inside its transaction. Each entity goes the way a single write goes — load, validate
/// with the entity's own rules, check the region scope, write with a version bump, one audit row — so
/// that a dry run (the same work, rolled back) shows exactly what an apply would do.
/// </summary>
public sealed partial class ImportSession(
    SqliteConnection connection, SqliteTransaction transaction, ImportRequest request, ImportSheet sheet, string importId,
    JsonSerializerOptions json, DateTimeOffset now)
{
    public List<ImportProblem> Problems { get; } = [];
    public Dictionary<string, ImportEntityDiffBuilder> Diffs { get; } = new(StringComparer.Ordinal);
    public HashSet<string> ChangedAgencies { get; } = new(StringComparer.Ordinal);
    public HashSet<string> ChangedSchedules { get; } = new(StringComparer.Ordinal);

    /// <summary>Entities of the file that failed, by "type:id", with their row: rows naming them get one clear sentence.</summary>
    private readonly Dictionary<string, int> _failed = new(StringComparer.Ordinal);

    private string Now => Dates.FormatTimestamp(now);
    private Caller Caller => request.Caller;

    public ImportEntityDiffBuilder Diff(string type) => Diffs.TryGetValue(type, out var d) ? d : Diffs[type] = new ImportEntityDiffBuilder(type);

    public async Task UpsertAsync<T>(ImportKind<T> kind, ImportGroup group) where T : class
    {
        var resource = kind.Resource;
        var before = Problems.Count;
        var stored = await resource.LoadAsync(connection, transaction, group.Id);
        if (stored is null && !IdPattern().IsMatch(group.Id))
        {
            Fail(kind, group, new ImportProblem(group.Row.Number, "id", $"id: '{group.Id}' is not a usable new id: use lower-case letters, digits and '-' (at most 100, e.g. 'jugendamt-rosenheim').", kind.Type, group.Id));
            return;
        }
        var data = Parse(kind, group, stored);
        if (Problems.Count > before)
        {
            _failed[$"{kind.Type}:{group.Id}"] = group.Row.Number;
            return;
        }
        if (stored is not null && Same(stored.Data, data))
        {
            await UnchangedAsync(kind, group, stored.Data);
            return;
        }
        var errors = new ValidationErrors();
        var valid = await resource.ValidateAsync(connection, transaction, resource.WithCallerDefaults(data, stored?.Data, Caller), group.Id, errors);
        if (errors.Any)
        {
            foreach (var (field, messages) in errors.ToDictionary())
            {
                foreach (var message in messages)
                {
                    Problems.Add(Locate(kind, group, field, message));
                }
            }
            _failed[$"{kind.Type}:{group.Id}"] = group.Row.Number;
            return;
        }
        if (stored is not null && Same(stored.Data, valid))
        {
            await UnchangedAsync(kind, group, stored.Data);
            return;
        }
        if (!await InRegionAsync(kind, group, valid))
        {
            return;
        }
        var regions = (await resource.RegionsAsync(connection, transaction, valid))
            .Union(stored?.Regions ?? [])
            .Union(await resource.ReferencedRegionsAsync(connection, transaction, stored?.Data, valid)).ToList();
        if (RegionScope.OutOfScope(Caller, regions) is { } forbidden)
        {
            Fail(kind, group, new ImportProblem(group.Row.Number, kind.ScopeColumn, forbidden.ProblemDetails.Detail ?? "Outside your region.", kind.Type, group.Id));
            return;
        }

        if (stored is null)
        {
            await resource.InsertAsync(connection, transaction, group.Id, valid, Now);
            await AuditAsync(resource, group.Id, regions, null, new Resource<T>(group.Id, 1, valid));
            Diff(kind.Type).Created.Add(new ImportCreated(group.Id, group.Row.Number));
        }
        else
        {
            if (!await resource.UpdateAsync(connection, transaction, group.Id, valid, stored.Version, Now))
            {
                Fail(kind, group, new ImportProblem(group.Row.Number, "id", $"{kind.Type} '{group.Id}' changed while the import ran; run it again.", kind.Type, group.Id));
                return;
            }
            await AuditAsync(resource, group.Id, regions, new Resource<T>(group.Id, stored.Version, stored.Data), new Resource<T>(group.Id, stored.Version + 1, valid));
            Diff(kind.Type).Updated.Add(new ImportUpdated(group.Id, group.Row.Number, stored.Version, FieldChanges(kind, stored.Data, valid)));
        }
        Record(resource.Changes(group.Id, stored?.Data, valid));
    }

    public async Task DeleteAsync<T>(ImportKind<T> kind, StoredRef missing, Func<string, Task<string?>> stillNamed) where T : class
    {
        var resource = kind.Resource;
        var stored = await resource.LoadAsync(connection, transaction, missing.Id);
        if (stored is null)
        {
            return;
        }
        var problem = RegionScope.OutOfScope(Caller, stored.Regions)?.ProblemDetails.Detail
            ?? await resource.DeleteConflictAsync(connection, transaction, missing.Id)
            ?? await stillNamed(missing.Id);
        if (problem is not null)
        {
            Problems.Add(new ImportProblem(null, null, $"{kind.Type} '{missing.Id}' is not in the file, so deleteMissing would delete it, but: {problem}", kind.Type, missing.Id));
            return;
        }
        await resource.DeleteAsync(connection, transaction, missing.Id);
        await AuditAsync(resource, missing.Id, stored.Regions, new Resource<T>(missing.Id, stored.Version, stored.Data), null);
        Diff(kind.Type).Deleted.Add(new ImportDeleted(missing.Id, stored.Version));
        Record(resource.Changes(missing.Id, stored.Data, null));
    }

    private async Task UnchangedAsync<T>(ImportKind<T> kind, ImportGroup group, T data) where T : class
    {
        if (await InRegionAsync(kind, group, data))
        {
            Diff(kind.Type).Unchanged++;
        }
    }

    private async Task<bool> InRegionAsync<T>(ImportKind<T> kind, ImportGroup group, T data) where T : class
    {
        var seat = await kind.SeatAsync(connection, transaction, data);
        if (seat is null || ImportRegion.Contains(request.Region, seat))
        {
            return true;
        }
        Fail(kind, group, new ImportProblem(group.Row.Number, kind.SeatColumn,
            $"{kind.Type} '{group.Id}' belongs to region {seat}, outside this file's region {request.Region}: import it with region {seat} (or a region around both), or leave the row out.", kind.Type, group.Id));
        return false;
    }

    /// <summary>The entity as the row describes it; a column the file does not have keeps the stored value.</summary>
    private T Parse<T>(ImportKind<T> kind, ImportGroup group, Stored<T>? stored) where T : class
    {
        var storedRows = stored is null ? [] : kind.ToCells(group.Id, stored.Data).ToList();
        var main = new Dictionary<string, string?>(storedRows.FirstOrDefault() ?? [], StringComparer.Ordinal);
        foreach (var column in sheet.Header)
        {
            main[column] = group.Row[column];
        }
        var children = new Dictionary<string, IReadOnlyList<ImportCells>>(StringComparer.Ordinal);
        foreach (var childType in kind.ChildTypes)
        {
            children[childType] = group.Children.TryGetValue(childType, out var rows) || sheet.Header.Contains(ImportRegion.ChildKeyColumn(childType))
                ? (rows ?? []).Select(r => new ImportCells(r, r.Cells, Problems, kind.Type, group.Id)).ToList()
                : storedRows.Where(r => r["type"] == childType).Select(r => new ImportCells(group.Row, r, Problems, kind.Type, group.Id)).ToList();
        }
        return kind.Parse(new ImportCells(group.Row, main, Problems, kind.Type, group.Id), children);
    }

    /// <summary>A validation message of the single-entity write, moved from its JSON field to the file's row and column.</summary>
    private ImportProblem Locate<T>(ImportKind<T> kind, ImportGroup group, string field, string message) where T : class
    {
        var cell = kind.ColumnOf(field);
        var row = group.Row.Number;
        if (cell.ChildType is { } childType && group.Children.TryGetValue(childType, out var rows) && cell.ChildIndex < rows.Count)
        {
            row = rows[cell.ChildIndex].Number;
        }
        var text = ChildRowReference().Replace(message, m => ChildRowText(group, m));
        if (text == message && message.StartsWith(field, StringComparison.Ordinal))
        {
            text = cell.Column + message[field.Length..];
        }
        if (cell.Column is "agencyId" or "serviceId" or "scheduleId" && group.Row[cell.Column] is { } referenced
            && _failed.TryGetValue($"{cell.Column[..^2]}:{referenced}", out var failedRow))
        {
            text = $"{cell.Column}: {cell.Column[..^2]} '{referenced}' (row {failedRow}) has problems of its own; fix those first.";
        }
        else if (!sheet.Header.Contains(cell.Column) && ImportColumns.Find(cell.Column) is not null)
        {
            text += $" (The file has no column '{cell.Column}'.)";
        }
        return new ImportProblem(row, cell.Column, text, kind.Type, group.Id);
    }

    private void Fail<T>(ImportKind<T> kind, ImportGroup group, ImportProblem problem) where T : class
    {
        Problems.Add(problem);
        _failed[$"{kind.Type}:{group.Id}"] = group.Row.Number;
    }

    private void Record(DirectoryChange change)
    {
        ChangedAgencies.UnionWith(change.AgencyIds);
        ChangedSchedules.UnionWith(change.ScheduleIds);
    }

    private bool Same<T>(T a, T b) => JsonNode.DeepEquals(JsonSerializer.SerializeToNode(a, json), JsonSerializer.SerializeToNode(b, json));

    private List<ImportFieldChange> FieldChanges<T>(ImportKind<T> kind, T before, T after) where T : class
    {
        var (b, a) = (Flatten(JsonSerializer.SerializeToNode(before, json)), Flatten(JsonSerializer.SerializeToNode(after, json)));
        return b.Keys.Union(a.Keys).Where(k => !JsonNode.DeepEquals(b.GetValueOrDefault(k), a.GetValueOrDefault(k)))
            .Select(k => new ImportFieldChange(kind.DiffColumn(k), b.GetValueOrDefault(k)?.DeepClone(), a.GetValueOrDefault(k)?.DeepClone()))
            .ToList();
    }

    /// <summary>Nested objects become dotted paths (address.city); arrays and values stay whole.</summary>
    private static Dictionary<string, JsonNode?> Flatten(JsonNode? node, string prefix = "", Dictionary<string, JsonNode?>? into = null)
    {
        into ??= new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        if (node is JsonObject obj && !(prefix == "coveragePolygon"))
        {
            foreach (var (name, value) in obj)
            {
                Flatten(value, prefix.Length == 0 ? name : $"{prefix}.{name}", into);
            }
        }
        else
        {
            into[prefix] = node;
        }
        return into;
    }

    private Task AuditAsync<T>(WritableResource<T> resource, string id, IReadOnlyList<string> regions, Resource<T>? before, Resource<T>? after) where T : class =>
        AuditLog.WriteAsync(connection, transaction, new AuditEntry(
            ImportRegion.Actor(Caller), "import", resource.EntityType, id, regions.FirstOrDefault(),
            before is null ? null : JsonSerializer.SerializeToNode(before, json), after is null ? null : JsonSerializer.SerializeToNode(after, json),
            request.CorrelationId, now, importId));

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,99}$")]
    private static partial Regex IdPattern();

    /// <summary>"windows[1]" in a schedule's message: the file knows no index, only the window's row.</summary>
    [GeneratedRegex(@"\b(windows|exceptions)\[(\d+)\]")]
    private static partial Regex ChildRowReference();

    private static string ChildRowText(ImportGroup group, Match match)
    {
        var type = match.Groups[1].Value == "windows" ? ImportColumns.Window : ImportColumns.Exception;
        var index = int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
        return group.Children.TryGetValue(type, out var rows) && index < rows.Count ? $"the {type} in row {rows[index].Number}" : match.Value;
    }
}

public sealed class ImportEntityDiffBuilder(string type)
{
    public List<ImportCreated> Created { get; } = [];
    public List<ImportUpdated> Updated { get; } = [];
    public List<ImportDeleted> Deleted { get; } = [];
    public int Unchanged { get; set; }

    public ImportEntityDiff Build() => new(type, Created, Updated, Deleted, Unchanged);
}

public static class ImportRegion
{
    /// <summary>True when <paramref name="key"/> lies within <paramref name="region"/> (DE holds everything).</summary>
    public static bool Contains(string region, string key) => region == Regions.RegionKey.Country || key.StartsWith(region, StringComparison.Ordinal);

    public static string ChildKeyColumn(string childType) => childType == ImportColumns.Window ? "startDay" : "date";

    public static string Actor(Caller caller) => $"{caller.Name} ({caller.Role})";
}
