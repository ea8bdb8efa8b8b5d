using System.Text.Json;
using Dapper;

namespace NetworkDirectory.Tests.Imports;

/// <summary>The dry run's diff (create, update with before/after, delete, unchanged) and that it writes nothing.</summary>
public sealed class ImportDiffTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _bayern = factory.CreateClientAs("coordinator", "09");

    /// <summary>The fixture's Bayern export with a renamed agency, a changed phone, a new agency with a service, and a contact left out.</summary>
    private async Task<string> EditedExportAsync()
    {
        var lines = (await ImportFiles.ExportCsvAsync(_bayern)).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var header = lines[0].Split(';');
        string Line(params (string Column, string Value)[] cells) =>
            string.Join(';', header.Select(h => cells.FirstOrDefault(c => c.Column == h).Value ?? ""));
        lines = lines.Where(l => !l.StartsWith("contact;c-ja-muc-person;", StringComparison.Ordinal))
            .Select(l => l.Replace("Jugendamt München (Test)", "Jugendamt der Landeshauptstadt München (Test)").Replace("+498999998101", "+49 89 99998102"))
            .ToList();
        lines.Add(Line(("type", "agency"), ("id", "ja-neu"), ("name", "Jugendamt Neu (Test)"), ("kind", "youth_welfare_office"), ("regionKey", "09184")));
        lines.Add(Line(("type", "service"), ("id", "s-ja-neu"), ("agencyId", "ja-neu"), ("responsibility", "consultation"), ("coverageRegionKeys", "09184")));
        return string.Join("\n", lines) + "\n";
    }

    [Fact]
    public async Task DryRunReportsEachCreateUpdateDeleteAndUnchanged()
    {
        var report = await ImportFiles.DryRunAsync(_bayern, await EditedExportAsync(), deleteMissing: true);

        Assert.True(report.GetProperty("dryRun").GetBoolean());
        Assert.False(report.GetProperty("applied").GetBoolean());
        Assert.Equal(JsonValueKind.Null, report.GetProperty("importId").ValueKind);
        Assert.Empty(ImportFiles.Problems(report));
        Assert.Matches("^[0-9a-f]{32}$", report.GetProperty("token").GetString());
        Assert.True(report.GetProperty("containsSample").GetBoolean());

        var agencies = ImportFiles.Entities(report, "agency");
        var created = Assert.Single(agencies.GetProperty("created").EnumerateArray());
        Assert.Equal("ja-neu", created.GetProperty("id").GetString());
        var updated = Assert.Single(agencies.GetProperty("updated").EnumerateArray());
        Assert.Equal("ja-muc", updated.GetProperty("id").GetString());
        Assert.Equal(1, updated.GetProperty("version").GetInt32());
        var change = Assert.Single(updated.GetProperty("changes").EnumerateArray());
        Assert.Equal("name", change.GetProperty("column").GetString());
        Assert.Equal("Jugendamt München (Test)", change.GetProperty("before").GetString());
        Assert.Equal("Jugendamt der Landeshauptstadt München (Test)", change.GetProperty("after").GetString());
        Assert.Equal(3, agencies.GetProperty("unchanged").GetInt32());

        var contacts = ImportFiles.Entities(report, "contact");
        var phone = Assert.Single(contacts.GetProperty("updated").EnumerateArray());
        Assert.Equal("c-ja-muc-office", phone.GetProperty("id").GetString());
        var value = Assert.Single(phone.GetProperty("changes").EnumerateArray());
        Assert.Equal("value", value.GetProperty("column").GetString());
        Assert.Equal("+498999998101", value.GetProperty("before").GetString());
        Assert.Equal("+498999998102", value.GetProperty("after").GetString());
        var deleted = Assert.Single(contacts.GetProperty("deleted").EnumerateArray());
        Assert.Equal("c-ja-muc-person", deleted.GetProperty("id").GetString());
        Assert.Equal(3, contacts.GetProperty("unchanged").GetInt32());

        Assert.Equal("s-ja-neu", Assert.Single(ImportFiles.Entities(report, "service").GetProperty("created").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(7, ImportFiles.Count(report, "service", "unchanged"));
        Assert.Equal(2, ImportFiles.Count(report, "schedule", "unchanged"));
    }

    [Fact]
    public async Task WithoutDeleteMissingAnEntityTheFileLeavesOutIsKept()
    {
        var report = await ImportFiles.DryRunAsync(_bayern, await EditedExportAsync(), deleteMissing: false);

        Assert.Equal(0, ImportFiles.Count(report, "contact", "deleted"));
        Assert.False(report.GetProperty("deleteMissing").GetBoolean());
    }

    [Fact]
    public async Task ADryRunWritesNothing()
    {
        using var connection = factory.OpenDatabase();
        const string State = "SELECT (SELECT count(*) FROM audit), (SELECT count(*) FROM imports), (SELECT count(*) FROM agencies), (SELECT count(*) FROM contacts), (SELECT group_concat(version) FROM agencies)";
        var before = connection.QuerySingle<(long, long, long, long, string)>(State);
        var agencyBefore = await (await _bayern.GetAsync("/v1/agencies/ja-muc")).Content.ReadAsStringAsync();
        var exportBefore = await ImportFiles.ExportCsvAsync(_bayern);

        await ImportFiles.DryRunAsync(_bayern, await EditedExportAsync(), deleteMissing: true);

        Assert.Equal(before, connection.QuerySingle<(long, long, long, long, string)>(State));
        Assert.Equal(agencyBefore, await (await _bayern.GetAsync("/v1/agencies/ja-muc")).Content.ReadAsStringAsync());
        Assert.Equal(exportBefore, await ImportFiles.ExportCsvAsync(_bayern));
        Assert.Equal(404, (int)(await _bayern.GetAsync("/v1/agencies/ja-neu")).StatusCode);
    }
}
