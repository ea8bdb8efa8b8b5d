using System.ComponentModel;
using System.Diagnostics;
using Dapper;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using NetworkDirectory.Api.Auth;
using NetworkDirectory.Api.Common;
using NetworkDirectory.Api.Data;
using NetworkDirectory.Api.Regions;

namespace NetworkDirectory.Api.Imports;

/// <summary>
/// Bulk import and export of a region's agencies, services, contacts and schedules in one flat
/// template (CSV or XLSX): <c>POST /v1/imports?dryRun=true</c> shows the diff and a token,
/// <c>POST /v1/imports</c> with <c>If-Match: "token"</c> and the same file applies it.
/// </summary>
public static class ImportEndpoints
{
    /// <summary>Largest import file: a national directory at the benchmark's scale 4 fits.</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    public static IServiceCollection AddImports(this IServiceCollection services) => services
        .AddSingleton<ScheduleImport>().AddSingleton<AgencyImport>().AddSingleton<ServiceImport>().AddSingleton<ContactImport>()
        .AddSingleton<ImportRunner>().AddSingleton<DirectoryExport>();

    public static IEndpointRouteBuilder MapImports(this IEndpointRouteBuilder app)
    {
        var imports = app.MapGroup("/v1/imports").WithTags("Imports").RequireAuthorization(Policies.Coordinator)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        imports.MapGet("/template", GetTemplate).WithName("GetImportTemplate")
            .WithSummary("Download the empty import template (CSV or XLSX)")
            .WithDescription("The header row of every template column; the XLSX has a second sheet 'columns' that explains each column. See README: Bulk import and export.")
            .Produces<Stream>(StatusCodes.Status200OK, contentType: ImportFile.CsvMediaType, additionalContentTypes: [ImportFile.XlsxMediaType])
            .ProducesValidationProblem();
        imports.MapPost("/", Import).WithName("ImportDirectory")
            .WithSummary("Import a region's agencies, services, contacts and schedules from a CSV or XLSX file (dry run or apply)")
            .WithDescription("""
                With dryRun=true: the diff per entity type (created; updated with each changed column before and after; deleted; unchanged) and every problem with row and column, plus a token; nothing is written.
                Without: send the same file with If-Match: "<token>" (or *) to apply it in one transaction, one audit row (action 'import') per changed entity; 412 when anything the file touches changed since the dry run, 422 with the problems when the file has any (nothing is written).
                Rows are checked by the same rules as the single-entity writes and must lie in the region; entities of the region that the file no longer lists are deleted only with deleteMissing=true.
                """)
            .Accepts<byte[]>(ImportFile.CsvMediaType, ImportFile.XlsxMediaType)
            .RequireRateLimiting(RateLimitPolicies.Writes)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
        imports.MapGet("/{id}", GetImport).WithName("GetImport")
            .WithSummary("An applied import: who, when, which region and how many entities it changed")
            .WithDescription("Its audit rows: GET /v1/audit?importId={id}.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var exports = app.MapGroup("/v1/exports").WithTags("Imports").RequireAuthorization(Policies.Coordinator)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        exports.MapGet("/", Export).WithName("ExportDirectory")
            .WithSummary("Export a region's agencies, services, contacts and schedules in the import template (CSV or XLSX)")
            .WithDescription("Importing the exported file unchanged reports no change. Sample entries carry sample=true. Coordinators export their own regions.")
            .Produces<Stream>(StatusCodes.Status200OK, contentType: ImportFile.CsvMediaType, additionalContentTypes: [ImportFile.XlsxMediaType])
            .ProducesValidationProblem();
        return app;
    }

    public static Results<FileContentHttpResult, ValidationProblem> GetTemplate(
        [Description("csv (default; UTF-8, ';'-separated) or xlsx.")] string? format = null) =>
        ImportFile.ParseFormat(format) is { } parsed
            ? TypedResults.File(ImportFile.Write([], parsed), ImportFile.MediaType(parsed), $"networkdirectory-template.{ImportFile.Extension(parsed)}")
            : ProblemSetup.Invalid("format", $"format: '{format}' is not csv or xlsx.");

    public static async Task<Results<Ok<ImportReport>, ValidationProblem, ProblemHttpResult>> Import(
        ImportRunner runner, HttpContext http,
        [Description("The region the file is for: every row must lie in it, and deleteMissing deletes within it. " + RegionKey.Description)] string region,
        [Description("true: report the diff and the problems, write nothing.")] bool dryRun = false,
        [Description("true: delete the region's agencies, services, contacts and schedules that the file does not list.")] bool deleteMissing = false)
    {
        if (!RegionKey.TryNormalize(region, out var key))
        {
            return ProblemSetup.Invalid("region", $"region: {RegionKey.Invalid(region)}");
        }
        if (ImportFile.FormatOf(http.Request.ContentType) is not { } format)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type",
                detail: $"Send the file as {ImportFile.CsvMediaType} (UTF-8) or {ImportFile.XlsxMediaType}.");
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxFileBytes;
        }
        using var body = new MemoryStream();
        await http.Request.Body.CopyToAsync(body, http.RequestAborted);
        var outcome = await runner.RunAsync(new ImportRequest(
            body.ToArray(), format, key, deleteMissing, dryRun, http.Request.Headers.IfMatch.ToString(), Caller.From(http.User), Activity.Current?.Id), http.RequestAborted);
        if (outcome.Report is { } report && outcome.Status == StatusCodes.Status200OK)
        {
            return TypedResults.Ok(report);
        }
        return TypedResults.Problem(statusCode: outcome.Status, title: outcome.Title, detail: outcome.Detail,
            extensions: outcome.Report is { } failed ? new Dictionary<string, object?> { ["problems"] = failed.Problems } : null);
    }

    public static async Task<Results<Ok<ImportRecord>, ProblemHttpResult>> GetImport(
        SqliteConnectionFactory connections, HttpContext http, [Description("Import id, e.g. imp-09-3f2a1c.")] string id)
    {
        await using var connection = await connections.OpenAsync(http.RequestAborted);
        var row = await connection.QuerySingleOrDefaultAsync<ImportRow2>(
            """
            SELECT id AS Id, occurred_at AS OccurredAt, actor AS Actor, region_key AS Region, format AS Format, file_sha256 AS FileSha256,
                   delete_missing AS DeleteMissing, rows AS Rows, created AS Created, updated AS Updated, deleted AS Deleted, unchanged AS Unchanged
            FROM imports WHERE id = @id
            """, new { id });
        var caller = Caller.From(http.User);
        if (row is null || !(caller.IsAdmin || caller.MayWrite(row.Region)))
        {
            return ProblemSetup.NotFound("import", id);
        }
        return TypedResults.Ok(new ImportRecord(row.Id, Dates.ParseTimestamp(row.OccurredAt), row.Actor, row.Region, row.Format, row.FileSha256,
            row.DeleteMissing, row.Rows, row.Created, row.Updated, row.Deleted, row.Unchanged));
    }

    public static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> Export(
        DirectoryExport export, HttpContext http,
        [Description("The region to export: its agencies (with their services and contacts) and its schedules. " + RegionKey.Description)] string region,
        [Description("csv (default; UTF-8 with BOM, ';'-separated) or xlsx.")] string? format = null)
    {
        if (!RegionKey.TryNormalize(region, out var key))
        {
            return ProblemSetup.Invalid("region", $"region: {RegionKey.Invalid(region)}");
        }
        if (ImportFile.ParseFormat(format) is not { } parsed)
        {
            return ProblemSetup.Invalid("format", $"format: '{format}' is not csv or xlsx.");
        }
        var caller = Caller.From(http.User);
        if (!caller.MayWrite(key))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Outside your region",
                detail: $"Your key may change data in {string.Join(", ", caller.Scope)} only; export one of those regions (the export holds internal contacts and notes).");
        }
        var rows = await export.RowsAsync(key, http.RequestAborted);
        return TypedResults.File(ImportFile.Write(rows, parsed), ImportFile.MediaType(parsed), $"networkdirectory-{key}.{ImportFile.Extension(parsed)}");
    }

    private sealed class ImportRow2
    {
        public string Id { get; init; } = "";
        public string OccurredAt { get; init; } = "";
        public string Actor { get; init; } = "";
        public string Region { get; init; } = "";
        public string Format { get; init; } = "";
        public string FileSha256 { get; init; } = "";
        public bool DeleteMissing { get; init; }
        public int Rows { get; init; }
        public int Created { get; init; }
        public int Updated { get; init; }
        public int Deleted { get; init; }
        public int Unchanged { get; init; }
    }
}
