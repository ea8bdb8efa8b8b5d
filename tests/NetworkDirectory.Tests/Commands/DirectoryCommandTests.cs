using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;

namespace NetworkDirectory.Tests.Commands;

/// <summary>`directory export` and `directory import` through the command-line entry point, on a database of their own with the sample.</summary>
public sealed class DirectoryCommandTests : IDisposable
{
    private readonly string _database = CliRun.TempDatabase();
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("nd-bulk-");

    private string Setting => $"--Database:Path={_database}";

    private static JsonElement Report(CliRun.Result result) => JsonDocument.Parse(result.Output).RootElement;

    private static int Changes(JsonElement report) => report.GetProperty("entities").EnumerateArray()
        .Sum(e => e.GetProperty("created").GetArrayLength() + e.GetProperty("updated").GetArrayLength() + e.GetProperty("deleted").GetArrayLength());

    [Fact]
    public async Task ExportEditDryRunAndApplyWithTheToken()
    {
        var export = await CliRun.InAsync(_folder.FullName, "directory", "export", "--region", "09", "bayern.csv", Setting);
        Assert.True(export.Code == 0, export.Error);
        Assert.Matches(@"^Exported \d+ rows of region 09 to .*bayern\.csv\.$", Assert.Single(export.OutputLines));

        var unchanged = await CliRun.InAsync(_folder.FullName, "directory", "import", "bayern.csv", "--region", "09", "--dry-run", "--delete-missing", Setting);
        Assert.True(unchanged.Code == 0, unchanged.Error);
        Assert.Equal(0, Changes(Report(unchanged)));
        Assert.Empty(Report(unchanged).GetProperty("problems").EnumerateArray());

        var path = Path.Combine(_folder.FullName, "bayern.csv");
        var lines = File.ReadAllLines(path);
        var header = lines[0].TrimStart('\uFEFF').Split(';');
        var index = Array.FindIndex(lines, l => l.StartsWith("agency;", StringComparison.Ordinal) && !l.Contains('"'));
        var cells = lines[index].Split(';');
        cells[Array.IndexOf(header, "name")] += " (geändert)";
        lines[index] = string.Join(';', cells);
        File.WriteAllLines(path, lines);

        var dry = await CliRun.InAsync(_folder.FullName, "directory", "import", "bayern.csv", "--region", "09", "--dry-run", Setting);
        Assert.True(dry.Code == 0, dry.Error);
        var report = Report(dry);
        Assert.Equal(1, Changes(report));
        var token = report.GetProperty("token").GetString()!;

        var refused = await CliRun.InAsync(_folder.FullName, "directory", "import", "bayern.csv", "--region", "09", Setting);
        Assert.Equal(1, refused.Code);
        Assert.Contains("428", refused.Error);

        var apply = await CliRun.InAsync(_folder.FullName, "directory", "import", "bayern.csv", "--region", "09", "--if-match", token, Setting);
        Assert.True(apply.Code == 0, apply.Error);
        var importId = Report(apply).GetProperty("importId").GetString();
        using var connection = new SqliteConnection($"Data Source={_database};Pooling=False");
        var audit = connection.QuerySingle<(string Action, string EntityId, string Actor)>("SELECT action, entity_id, actor FROM audit WHERE import_id = @importId", new { importId });
        Assert.Equal(("import", cells[1], "command line (admin)"), audit);
        Assert.EndsWith(" (geändert)", connection.ExecuteScalar<string>("SELECT name FROM agencies WHERE id = @id", new { id = cells[1] }));
    }

    [Fact]
    public async Task AFileWithProblemsFailsWithTheReport()
    {
        File.WriteAllText(Path.Combine(_folder.FullName, "bad.csv"), "type;id;name\nagency;Kein Id;X\n");

        var result = await CliRun.InAsync(_folder.FullName, "directory", "import", "bad.csv", "--region", "09", "--if-match", "*", Setting);

        Assert.Equal(1, result.Code);
        Assert.Contains("422", result.Error);
        Assert.Equal("id", Report(result).GetProperty("problems")[0].GetProperty("column").GetString());
    }

    [Fact]
    public async Task AMissingFileFailsWithThePathTried()
    {
        var result = await CliRun.InAsync(_folder.FullName, "directory", "import", "nowhere.csv", "--region", "09", "--dry-run", Setting);

        Assert.Equal(1, result.Code);
        Assert.Contains(Path.Combine(_folder.FullName, "nowhere.csv"), result.Error);
    }

    public void Dispose()
    {
        CliRun.DeleteDatabase(_database);
        _folder.Delete(recursive: true);
    }
}
