using System.Text.Json;

namespace NetworkDirectory.Tests.Imports;

/// <summary>Each kind of problem a file can have, with the row (header = 1), the column and the sentence; a file with problems gets no token.</summary>
public sealed class ImportProblemTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _bayern = factory.CreateClientAs("coordinator", "09");

    private const string Agency = "type;id;name;kind;regionKey\n";
    private const string Service = "type;id;agencyId;responsibility;coverageRegionKeys\n";
    private const string Contact = "type;id;agencyId;serviceId;kind;channel;value;visibility;scheduleId\n";
    private const string Schedule = "type;id;scheduleId;label;regionKey;validFrom;validUntil;startDay;startTime;endDay;endTime;date;closed;openFrom;openUntil\n";

    [Theory]
    // The file's structure
    [InlineData("type;id;nam\nagency;ja-muc;X\n", 1, "nam", "Unknown column 'nam'")]
    [InlineData("type;id;name;name\nagency;ja-muc;X;Y\n", 1, "name", "The column 'name' appears more than once")]
    [InlineData("type;name\nagency;X\n", 1, "id", "Missing required column 'id'")]
    [InlineData("type;id;startDay\nwindow;;monday\n", 1, "scheduleId", "Missing required column 'scheduleId'")]
    [InlineData(Agency + "agentur;x;X;police;09\n", 2, "type", "Unknown type 'agentur'")]
    [InlineData("type;id;name;responsibility\nagency;ja-muc;Jugendamt München (Test);consultation\n", 2, "responsibility", "The column 'responsibility' does not apply to agency rows")]
    [InlineData(Agency + "agency;;Neu;police;09\n", 2, "id", "An agency row needs an id")]
    [InlineData(Agency + "agency;ja-muc;Jugendamt München (Test);youth_welfare_office;09162000\nagency;ja-muc;Zweimal;police;09\n", 3, "id", "Duplicate id: agency 'ja-muc' is already in row 2")]
    [InlineData(Schedule + "window;;;;;;;monday;08:00;monday;12:00\n", 2, "scheduleId", "A window row needs the id of its schedule")]
    [InlineData(Schedule + "window;;sch-office;;;;;monday;08:00;monday;12:00\n", 2, "scheduleId", "names schedule 'sch-office', which has no schedule row in this file")]
    // Cells that do not parse
    [InlineData(Agency + "agency;Neues Amt;Neu;police;09\n", 2, "id", "id: 'Neues Amt' is not a usable new id")]
    [InlineData("type;id;latitude;longitude\nagency;ja-muc;nördlich;11.5\n", 2, "latitude", "latitude: 'nördlich' is not a number")]
    [InlineData("type;id;latitude;longitude\nagency;ja-muc;48.1;\n", 2, "longitude", "Give both latitude and longitude, or neither.")]
    [InlineData("type;id;priority\nservice;s-ja-muc-care;zehn\n", 2, "priority", "priority: 'zehn' is not a whole number.")]
    [InlineData("type;id;minorsOnly\nservice;s-ja-muc-care;vielleicht\n", 2, "minorsOnly", "minorsOnly: 'vielleicht' is not true or false.")]
    [InlineData("type;id;validFrom\nschedule;sch-office;2026-13-01\n", 2, "validFrom", "validFrom: '2026-13-01' is not a date")]
    [InlineData("type;id;coveragePolygon\nservice;s-ja-muc-care;{\"type\":\n", 2, "coveragePolygon", "coveragePolygon: the cell is not valid GeoJSON text.")]
    // The single-entity writes' rules
    [InlineData(Agency + "agency;ja-neu;Neu;jugendamt;09184\n", 2, "kind", "'jugendamt'")]
    [InlineData(Agency + "agency;ja-neu;Neu;police;09999\n", 2, "regionKey", "regionKey: region '09999' is not known")]
    [InlineData("type;id;postalCode\nagency;ja-muc;8033\n", 2, "postalCode", "postalCode: '8033' is not a German postal code (5 digits).")]
    [InlineData(Agency + "agency;ja-hh;Jugendamt Hamburg (Test);youth_welfare_office;02000\n", 2, "regionKey", "agency 'ja-hh' belongs to region 02000, outside this file's region 09")]
    [InlineData(Service + "service;s-neu;ja-gibtsnicht;consultation;09184\n", 2, "agencyId", "agencyId: no agency 'ja-gibtsnicht' exists.")]
    [InlineData(Service + "service;s-neu;ja-lkm;beratung;09184\n", 2, "responsibility", "'beratung'")]
    [InlineData(Service + "service;s-neu;ja-lkm;consultation;09999\n", 2, "coverageRegionKeys", "region '09999' is not known")]
    [InlineData(Service + "service;s-neu;ja-lkm;consultation;02000\n", 2, "coverageRegionKeys", "02")]
    [InlineData(Contact + "contact;c-ja-muc-office;ja-muc;;office;phone;12345;public;sch-office\n", 2, "value", "'12345' is not a valid German or international phone number.")]
    [InlineData(Contact + "contact;c-neu;ja-muc;s-ja-lkm-care;office;email;neu@example.org;public;\n", 2, "serviceId", "serviceId: 's-ja-lkm-care' is not a service of agency 'ja-muc'.")]
    [InlineData(Contact + "contact;c-neu;ja-muc;;office;email;neu@example.org;öffentlich;\n", 2, "visibility", "visibility must be one of: public, professional, internal.")]
    [InlineData(Contact + "contact;c-neu;ja-muc;;office;email;neu@example.org;public;sch-gibtsnicht\n", 2, "scheduleId", "scheduleId: no schedule 'sch-gibtsnicht' exists.")]
    [InlineData(Contact + "contact;c-neu;ja-muc;;named_person;email;neu@example.org;public;\n", 2, "visibility", "A named person is personal data")]
    // Schedules: windows and exceptions point at their own rows
    [InlineData(Schedule + "schedule;sch-neu;;Neu;09;;;;;;;;;;\nwindow;;sch-neu;;;;;montag;08:00;monday;12:00\n", 3, "startDay", "startDay and endDay must be one of")]
    [InlineData(Schedule + "schedule;sch-neu;;Neu;09;;;;;;;;;;\nwindow;;sch-neu;;;;;monday;8 Uhr;monday;12:00\n", 3, "startDay", "the window in row 3: startTime and endTime must be HH:mm")]
    [InlineData(Schedule + "schedule;sch-neu;;Neu;09;;;;;;;;;;\nwindow;;sch-neu;;;;;monday;08:00;monday;12:00\nwindow;;sch-neu;;;;;monday;11:00;monday;14:00\n", 4, "startDay", "overlaps the window in row 3")]
    [InlineData(Schedule + "schedule;sch-neu;;Neu;09;;;;;;;;;;\n", 2, "startDay", "Give at least one weekly window")]
    [InlineData(Schedule + "schedule;sch-neu;;Neu;09;2026-05-01;2026-04-01;;;;;;;;\nwindow;;sch-neu;;;;;monday;08:00;monday;12:00\n", 2, "validUntil", "validUntil (2026-04-01) is before validFrom (2026-05-01).")]
    [InlineData(Schedule + "schedule;sch-neu;;Neu;09;;;;;;;;;;\nwindow;;sch-neu;;;;;monday;08:00;monday;12:00\nexception;;sch-neu;;;;;;;;;2026-12-24;false;;\n", 4, "date", "either closed: true, or closed: false with openFrom and openUntil")]
    [InlineData(Schedule + "schedule;sch-neu;;Neu;09;;;;;;;;;;\nwindow;;sch-neu;;;;;monday;08:00;monday;12:00\nexception;;sch-neu;;;;;;;;;2026-12-24;true;;\nexception;;sch-neu;;;;;;;;;2026-12-24;true;;\n", 5, "date", "2026-12-24 is listed twice")]
    [InlineData(Schedule + "schedule;sch-neu;;Neu;02;;;;;;;;;;\nwindow;;sch-neu;;;;;monday;08:00;monday;12:00\n", 2, "regionKey", "outside this file's region 09")]
    public async Task EachProblemNamesItsRowColumnAndASentence(string csv, int row, string column, string message)
    {
        var response = await ImportFiles.PostAsync(_bayern, csv);

        var report = await HttpAssert.OkAsync(response);
        var problems = ImportFiles.Problems(report);
        Assert.True(problems.Any(p => p.GetProperty("row").GetInt32() == row && p.GetProperty("column").GetString() == column
                && p.GetProperty("message").GetString()!.Contains(message, StringComparison.Ordinal)),
            $"expected row {row}, column {column}, '{message}' in {JsonSerializer.Serialize(problems)}");
        Assert.Equal(JsonValueKind.Null, report.GetProperty("token").ValueKind);
    }

    [Fact]
    public async Task ARowNamingAnAgencyWithProblemsSaysSoInsteadOfNoSuchAgency()
    {
        var csv = "type;id;agencyId;name;kind;regionKey;responsibility;coverageRegionKeys\n"
            + "agency;ja-kaputt;;Kaputt;gibtsnicht;09184;;\nservice;s-kaputt;ja-kaputt;;;;consultation;09184\n";

        var problems = ImportFiles.Problems(await ImportFiles.DryRunAsync(_bayern, csv));

        var service = Assert.Single(problems, p => p.GetProperty("row").GetInt32() == 3);
        Assert.Equal("agencyId", service.GetProperty("column").GetString());
        Assert.Equal("agencyId: agency 'ja-kaputt' (row 2) has problems of its own; fix those first.", service.GetProperty("message").GetString());
    }

    [Fact]
    public async Task DeleteMissingThatWouldBreakAReferenceIsAProblemWithoutRow()
    {
        // The file lists the contact that names s-ja-muc-care but not the service itself.
        var csv = (await ImportFiles.ExportCsvAsync(_bayern)).Split('\n').Where(l => !l.StartsWith("service;s-ja-muc-care;", StringComparison.Ordinal));

        var problems = ImportFiles.Problems(await ImportFiles.DryRunAsync(_bayern, string.Join("\n", csv), deleteMissing: true));

        var problem = Assert.Single(problems);
        Assert.Equal(JsonValueKind.Null, problem.GetProperty("row").ValueKind);
        Assert.StartsWith("service 's-ja-muc-care' is not in the file, so deleteMissing would delete it, but: the file still lists contacts that name it (c-ja-muc-110, c-ja-muc-oncall)",
            problem.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("", "The file is empty")]
    [InlineData("type;id\n\"agency;ja-muc\n", null)]
    public async Task AnUnreadableFileIs400(string csv, string? detail)
    {
        var response = await ImportFiles.PostAsync(_bayern, csv);

        if (detail is null)
        {
            Assert.NotEqual(500, (int)response.StatusCode);
            return;
        }
        var problem = await HttpAssert.ProblemAsync(response, 400);
        Assert.Contains(detail, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AFileThatIsNotUtf8Is400()
    {
        var response = await ImportFiles.PostAsync(_bayern, [0x74, 0x79, 0x70, 0x65, 0x3B, 0x69, 0x64, 0x0A, 0xFC, 0xFF], ImportFiles.Csv, "region=09&dryRun=true");

        var problem = await HttpAssert.ProblemAsync(response, 400);
        Assert.Contains("not UTF-8", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AnotherMediaTypeIs415()
    {
        var response = await ImportFiles.PostAsync(_bayern, "{}"u8.ToArray(), "application/json", "region=09&dryRun=true");

        await HttpAssert.ProblemAsync(response, 415);
    }
}
