using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dapper;

namespace NetworkDirectory.Tests.Imports;

/// <summary>Apply with the dry run's token: 412 on a changed base, 428 without If-Match, 422 with problems, scope, audit rows and the import record.</summary>
public sealed class ImportApplyTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _bayern = factory.CreateClientAs("coordinator", "09");
    private readonly HttpClient _hamburg = factory.CreateClientAs("coordinator", "02");

    private static string Phone(string number) =>
        $"type;id;agencyId;kind;channel;value;visibility;scheduleId\ncontact;c-ja-muc-office;ja-muc;office;phone;{number};public;sch-office\n";

    [Fact]
    public async Task ApplyWithTheTokenWritesOneAuditRowPerChangedEntityAndTheImportRecord()
    {
        var csv = "type;id;name;kind;regionKey;agencyId;responsibility;coverageRegionKeys\n"
            + "agency;ja-lkm;Jugendamt Landkreis München (geändert);youth_welfare_office;09184;;;\n"
            + "agency;ja-apply;Jugendamt Apply (Test);youth_welfare_office;09184;;;\n"
            + "service;s-ja-apply;;;;ja-apply;consultation;09184\n"
            + "agency;fbs-by;Fachberatung 100% Bayern (Test);specialised_counselling;09;;;\n";

        var report = await ImportFiles.ApplyAsync(_bayern, csv);

        Assert.True(report.GetProperty("applied").GetBoolean());
        Assert.False(report.GetProperty("dryRun").GetBoolean());
        Assert.Equal(JsonValueKind.Null, report.GetProperty("token").ValueKind);
        var importId = report.GetProperty("importId").GetString()!;
        Assert.StartsWith("imp-09-", importId);
        Assert.Equal("Jugendamt Landkreis München (geändert)", (await HttpAssert.OkAsync(await _bayern.GetAsync("/v1/agencies/ja-lkm"))).GetProperty("name").GetString());
        Assert.Equal("Jugendamt Apply (Test)", (await HttpAssert.OkAsync(await _bayern.GetAsync("/v1/agencies/ja-apply"))).GetProperty("name").GetString());

        using var connection = factory.OpenDatabase();
        var audit = connection.Query<(string Action, string EntityType, string EntityId, string Actor)>(
            "SELECT action, entity_type, entity_id, actor FROM audit WHERE import_id = @importId ORDER BY id", new { importId }).ToList();
        Assert.Equal([("agency", "ja-lkm"), ("agency", "ja-apply"), ("service", "s-ja-apply")], audit.Select(a => (a.EntityType, a.EntityId)));
        Assert.All(audit, a => Assert.Equal("import", a.Action));
        Assert.All(audit, a => Assert.Contains("coordinator", a.Actor));

        var record = await HttpAssert.OkAsync(await _bayern.GetAsync($"/v1/imports/{importId}"));
        Assert.Equal("09", record.GetProperty("region").GetString());
        Assert.Equal("csv", record.GetProperty("format").GetString());
        Assert.Equal(4, record.GetProperty("rows").GetInt32());
        Assert.Equal(2, record.GetProperty("created").GetInt32());
        Assert.Equal(1, record.GetProperty("updated").GetInt32());
        Assert.Equal(0, record.GetProperty("deleted").GetInt32());
        Assert.Equal(1, record.GetProperty("unchanged").GetInt32());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(csv))), record.GetProperty("fileSha256").GetString());
        await HttpAssert.ProblemAsync(await _hamburg.GetAsync($"/v1/imports/{importId}"), 404);

        var page = await HttpAssert.OkAsync(await _bayern.GetAsync($"/v1/audit?importId={importId}"));
        Assert.Equal(3, page.GetProperty("total").GetInt32());
        Assert.All(page.GetProperty("items").EnumerateArray(), r => Assert.Equal("import", r.GetProperty("action").GetString()));
        Assert.All(page.GetProperty("items").EnumerateArray(), r => Assert.Equal(importId, r.GetProperty("importId").GetString()));
        Assert.All(page.GetProperty("items").EnumerateArray(), r => Assert.Equal(record.GetProperty("occurredAt").GetDateTimeOffset(), r.GetProperty("occurredAt").GetDateTimeOffset()));
        Assert.Equal(0, (await HttpAssert.OkAsync(await _hamburg.GetAsync($"/v1/audit?importId={importId}"))).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task AChangeBetweenDryRunAndApplyIs412AndNothingIsWritten()
    {
        var csv = Phone("+49 89 99998103");
        var dry = await ImportFiles.DryRunAsync(_bayern, csv);
        var token = dry.GetProperty("token").GetString()!;
        var current = await _bayern.GetAsync("/v1/contacts/c-ja-muc-office");
        using var patch = new HttpRequestMessage(HttpMethod.Patch, "/v1/contacts/c-ja-muc-office")
        {
            Content = new StringContent("{\"label\":\"Zentrale (neu)\"}", Encoding.UTF8, "application/merge-patch+json"),
        };
        patch.Headers.TryAddWithoutValidation("If-Match", current.Headers.ETag!.Tag);
        Assert.True((await _bayern.SendAsync(patch)).IsSuccessStatusCode);

        var response = await ImportFiles.PostAsync(_bayern, csv, "region=09", $"\"{token}\"");

        var problem = await HttpAssert.ProblemAsync(response, 412);
        Assert.Contains("changed since the dry run", problem.GetProperty("detail").GetString());
        var contact = await HttpAssert.OkAsync(await _bayern.GetAsync("/v1/contacts/c-ja-muc-office"));
        Assert.Equal("+498999998101", contact.GetProperty("data").GetProperty("value").GetString());
        var again = await ImportFiles.DryRunAsync(_bayern, csv);
        Assert.NotEqual(token, again.GetProperty("token").GetString());
    }

    [Fact]
    public async Task AnotherFileWithTheSameTokenIs412()
    {
        var token = (await ImportFiles.DryRunAsync(_bayern, Phone("+49 89 99998104"))).GetProperty("token").GetString()!;

        await HttpAssert.ProblemAsync(await ImportFiles.PostAsync(_bayern, Phone("+49 89 99998105"), "region=09", $"\"{token}\""), 412);
    }

    [Fact]
    public async Task ApplyWithoutIfMatchIs428()
    {
        var problem = await HttpAssert.ProblemAsync(await ImportFiles.PostAsync(_bayern, Phone("+49 89 99998106"), "region=09"), 428);

        Assert.Contains("dryRun=true", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ApplyOfAFileWithProblemsIs422WithTheProblemsAndWritesNothing()
    {
        using var connection = factory.OpenDatabase();
        var audit = connection.ExecuteScalar<long>("SELECT count(*) FROM audit");

        var response = await ImportFiles.PostAsync(_bayern, Phone("12345"), "region=09", "*");

        var problem = await HttpAssert.ProblemAsync(response, 422);
        var only = Assert.Single(problem.GetProperty("problems").EnumerateArray());
        Assert.Equal("value", only.GetProperty("column").GetString());
        Assert.Equal(audit, connection.ExecuteScalar<long>("SELECT count(*) FROM audit"));
        Assert.Equal(0, connection.ExecuteScalar<long>("SELECT count(*) FROM imports WHERE id <> 'imp-test' AND rows = 1 AND updated = 0"));
    }

    [Fact]
    public async Task ACoordinatorOfAnotherLandCannotImportIntoBayern()
    {
        var problem = await HttpAssert.ProblemAsync(await ImportFiles.PostAsync(_hamburg, Phone("+49 89 99998107")), 403);

        Assert.Contains("02", problem.GetProperty("detail").GetString());
        await HttpAssert.ProblemAsync(await _hamburg.GetAsync("/v1/exports?region=09"), 403);
    }

    [Fact]
    public async Task RowsOfAnotherLandInTheCoordinatorsOwnFileAreProblems()
    {
        var csv = "type;id;name;kind;regionKey\nagency;ja-muc;Jugendamt München (Test);youth_welfare_office;09162000\nagency;ja-hh;Jugendamt Hamburg (neu);youth_welfare_office;02000\n";

        var problems = ImportFiles.Problems(await ImportFiles.DryRunAsync(_bayern, csv));

        var problem = Assert.Single(problems);
        Assert.Equal(3, problem.GetProperty("row").GetInt32());
        Assert.Equal("regionKey", problem.GetProperty("column").GetString());
        Assert.Equal("Jugendamt Hamburg (Test)", (await HttpAssert.OkAsync(await _bayern.GetAsync("/v1/agencies/ja-hh"))).GetProperty("name").GetString());
    }

    [Fact]
    public async Task AnonymousAndProfessionalCallersCannotImport()
    {
        await HttpAssert.ProblemAsync(await ImportFiles.PostAsync(factory.CreateSeededClient(), Phone("+49 89 99998108")), 401);
        await HttpAssert.ProblemAsync(await ImportFiles.PostAsync(factory.CreateClientAs("professional"), Phone("+49 89 99998108")), 403);
    }
}
