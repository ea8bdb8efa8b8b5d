using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using NetworkDirectory.Api.Commands;
using nietras.SeparatedValues;

namespace NetworkDirectory.Benchmarks.Bulk;

/// <summary>
/// <c>-- bulk --db PATH [--region DE]</c>: the bulk import at national scale, through the product's own
/// <c>directory export|import</c> commands on a database that holds the synthetic directory (<c>-- synth</c>):
/// export the region as CSV, change every tenth entity row (agency name, service notes, contact and
/// schedule label), then time the dry run, the apply with its token, and the dry run of the applied
/// file (no change left). Exit codes: 0 done, 1 a step failed, 2 usage error.
/// </summary>
public static class BulkCommand
{
    public const string Usage =
        "usage: dotnet run -c Release --project tests/NetworkDirectory.Benchmarks -- bulk --db PATH [--region DE]\n" +
        "       (the database must hold the synthetic directory: run '-- synth --scale 1 --db PATH' first)";

    private static readonly Dictionary<string, string> ChangedColumn = new()
    {
        ["agency"] = "name", ["service"] = "notes", ["contact"] = "label", ["schedule"] = "label",
    };

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var (db, region) = (Value(args, "--db"), Value(args, "--region") ?? "DE");
        if (db is null || !File.Exists(db))
        {
            error.WriteLine(Usage);
            return 2;
        }
        var folder = Directory.CreateTempSubdirectory("nd-bulk-bench-").FullName;
        var setting = $"--Database:Path={Path.GetFullPath(db)}";
        var file = Path.Combine(folder, "export.csv");

        var (export, exportTime) = await TimedAsync(folder, "directory", "export", "--region", region, file, setting);
        if (export.Code != 0)
        {
            error.WriteLine(export.Error);
            return 1;
        }
        var (rows, entities, changed) = ChangeEveryTenth(file);
        output.WriteLine(Line($"export {region}: {rows} rows ({entities} entities, {new FileInfo(file).Length / 1024.0 / 1024.0:0.0} MiB) in {exportTime:0.0} s; changed {changed} entities"));

        var (dry, dryTime) = await TimedAsync(folder, "directory", "import", file, "--region", region, "--dry-run", setting);
        if (Report(dry, error) is not { } dryReport)
        {
            return 1;
        }
        output.WriteLine(Line($"dry run:   {dryTime,6:0.0} s  {Summary(dryReport)}"));
        var token = dryReport.GetProperty("token").GetString()!;

        var (apply, applyTime) = await TimedAsync(folder, "directory", "import", file, "--region", region, "--if-match", token, setting);
        if (Report(apply, error) is not { } applyReport)
        {
            return 1;
        }
        output.WriteLine(Line($"apply:     {applyTime,6:0.0} s  {Summary(applyReport)}"));

        var (again, againTime) = await TimedAsync(folder, "directory", "import", file, "--region", region, "--dry-run", setting);
        if (Report(again, error) is not { } againReport)
        {
            return 1;
        }
        output.WriteLine(Line($"unchanged: {againTime,6:0.0} s  {Summary(againReport)}"));
        output.WriteLine(Line($"apply/dry run {applyTime / dryTime:0.00}; unchanged/dry run {againTime / dryTime:0.00}; {rows / dryTime:0} rows/s in the dry run; peak working set {Environment.WorkingSet / 1024 / 1024} MiB now, {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MiB peak"));
        Directory.Delete(folder, recursive: true);
        return 0;
    }

    private static string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string? Value(string[] args, string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

    private static async Task<(CliResult Result, double Seconds)> TimedAsync(string folder, params string[] args)
    {
        var (outText, errText) = (new StringWriter(), new StringWriter());
        var stopwatch = Stopwatch.StartNew();
        var code = await Cli.RunAsync(args, new CommandConsole(outText, errText, folder));
        return (new CliResult(code, outText.ToString(), errText.ToString()), stopwatch.Elapsed.TotalSeconds);
    }

    private sealed record CliResult(int Code, string Output, string Error);

    private static JsonElement? Report(CliResult result, TextWriter error)
    {
        if (result.Code != 0)
        {
            error.WriteLine(result.Error);
            error.WriteLine(result.Output.Length > 4000 ? result.Output[..4000] : result.Output);
            return null;
        }
        return JsonDocument.Parse(result.Output).RootElement;
    }

    private static string Summary(JsonElement report)
    {
        var parts = report.GetProperty("entities").EnumerateArray().Select(e =>
            $"{e.GetProperty("type").GetString()} +{e.GetProperty("created").GetArrayLength()} ~{e.GetProperty("updated").GetArrayLength()} -{e.GetProperty("deleted").GetArrayLength()} ={e.GetProperty("unchanged").GetInt32()}");
        return $"{string.Join(", ", parts)}; {report.GetProperty("problems").GetArrayLength()} problems";
    }

    /// <summary>Rewrites the file with every tenth entity row changed in one text column; returns rows, entity rows and changed entities.</summary>
    private static (int Rows, int Entities, int Changed) ChangeEveryTenth(string path)
    {
        var text = File.ReadAllText(path, Encoding.UTF8);
        var (rows, entities, changed) = (0, 0, 0);
        using var reader = Sep.Reader(o => o with { Unescape = true }).FromText(text);
        using var target = new StringWriter(CultureInfo.InvariantCulture);
        using (var writer = reader.Spec.Writer(o => o with { Escape = true }).To(target))
        {
            foreach (var row in reader)
            {
                rows++;
                using var copy = writer.NewRow(row);
                var type = row["type"].ToString();
                if (ChangedColumn.TryGetValue(type, out var column) && entities++ % 10 == 0)
                {
                    var value = row[column].ToString();
                    copy[column].Set(value.Length == 0 ? "Geändert (Benchmark)" : value + " (geändert)");
                    changed++;
                }
            }
        }
        File.WriteAllText(path, target.ToString(), new UTF8Encoding(true));
        return (rows, entities, changed);
    }
}
