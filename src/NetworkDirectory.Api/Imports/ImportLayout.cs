namespace NetworkDirectory.Api.Imports;

/// <summary>
/// The file's structure before any entity is looked at: known columns, a known type in every row, an
/// id per entity row and each only once, no value in a column that does not apply to the row's type,
/// and child rows (windows, exceptions) grouped under the schedule they name.
/// </summary>
public sealed class ImportLayout
{
    private readonly Dictionary<string, List<ImportGroup>> _groups = new(StringComparer.Ordinal);

    public List<ImportProblem> Problems { get; } = [];

    public IReadOnlyList<ImportGroup> Groups(string type) => _groups.TryGetValue(type, out var groups) ? groups : [];

    public static ImportLayout Read(ImportSheet sheet)
    {
        var layout = new ImportLayout();
        layout.Check(sheet);
        return layout;
    }

    private void Check(ImportSheet sheet)
    {
        foreach (var column in sheet.Header.Where(c => ImportColumns.Find(c) is null).Distinct())
        {
            Problems.Add(new ImportProblem(1, column, $"Unknown column '{column}': the template's columns are listed in /v1/imports/template (names are case-sensitive). Rename or remove it."));
        }
        foreach (var column in sheet.Header.GroupBy(c => c).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            Problems.Add(new ImportProblem(1, column, $"The column '{column}' appears more than once in the header; keep one."));
        }
        var missing = new[] { "type", "id" }.Where(c => !sheet.Header.Contains(c)).ToList();
        if (sheet.Rows.Any(r => r.Type is ImportColumns.Window or ImportColumns.Exception) && !sheet.Header.Contains("scheduleId"))
        {
            missing.Add("scheduleId");
        }
        foreach (var column in missing)
        {
            Problems.Add(new ImportProblem(1, column, $"Missing required column '{column}': the header row must have it (see /v1/imports/template)."));
        }
        if (missing.Count > 0)
        {
            return;
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var children = new List<ImportRow>();
        foreach (var row in sheet.Rows)
        {
            var type = row.Type;
            if (!ImportColumns.Types.Contains(type))
            {
                Problems.Add(new ImportProblem(row.Number, "type", $"Unknown type '{type}': use one of {string.Join(", ", ImportColumns.Types)}.", type, row["id"]));
                continue;
            }
            foreach (var (column, value) in row.Cells)
            {
                if (value is not null && ImportColumns.Find(column) is { } known && !known.Types.Contains(type))
                {
                    Problems.Add(new ImportProblem(row.Number, column,
                        $"The column '{column}' does not apply to {type} rows (only to {string.Join(", ", known.Types)}): leave it empty here.", type, row["id"]));
                }
            }
            if (type is ImportColumns.Window or ImportColumns.Exception)
            {
                if (row["scheduleId"] is null)
                {
                    Problems.Add(new ImportProblem(row.Number, "scheduleId", $"A {type} row needs the id of its schedule in scheduleId.", type));
                }
                else
                {
                    children.Add(row);
                }
                continue;
            }
            if (row["id"] is not { } id)
            {
                Problems.Add(new ImportProblem(row.Number, "id", $"{(type == ImportColumns.Agency ? "An" : "A")} {type} row needs an id: the existing id to update the {type}, or a new one to create it.", type));
                continue;
            }
            if (seen.TryGetValue($"{type}:{id}", out var first))
            {
                Problems.Add(new ImportProblem(row.Number, "id", $"Duplicate id: {type} '{id}' is already in row {first}; each {type} may appear only once.", type, id));
                continue;
            }
            seen[$"{type}:{id}"] = row.Number;
            (_groups.TryGetValue(type, out var list) ? list : _groups[type] = []).Add(
                new ImportGroup(id, row, new Dictionary<string, List<ImportRow>>(StringComparer.Ordinal)));
        }
        var schedules = Groups(ImportColumns.Schedule).ToDictionary(g => g.Id, StringComparer.Ordinal);
        foreach (var child in children)
        {
            if (schedules.TryGetValue(child["scheduleId"]!, out var schedule))
            {
                var byType = (Dictionary<string, List<ImportRow>>)schedule.Children;
                (byType.TryGetValue(child.Type, out var list) ? list : byType[child.Type] = []).Add(child);
            }
            else
            {
                Problems.Add(new ImportProblem(child.Number, "scheduleId",
                    $"The {child.Type} row names schedule '{child["scheduleId"]}', which has no schedule row in this file: add the schedule's row (a schedule's windows and exceptions are imported with it).", child.Type));
            }
        }
    }
}
