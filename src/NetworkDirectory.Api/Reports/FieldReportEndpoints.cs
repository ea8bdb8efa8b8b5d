using System.ComponentModel;
using System.Diagnostics;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using NetworkDirectory.Api.Audit;
using NetworkDirectory.Api.Auth;
using NetworkDirectory.Api.Common;
using NetworkDirectory.Api.Data;
using NetworkDirectory.Api.Regions;
using NetworkDirectory.Api.Writes;

namespace NetworkDirectory.Api.Reports;

/// <summary>
/// Reports from the field. Anyone may report (rate-limited per sender); the reporter gets the id
/// only. The coordinators of the agency's region (scope as for writes) and admins list, read and
/// decide them; only they see the reply address.
/// </summary>
public static class FieldReportEndpoints
{
    public const int MaxMessage = 1000;

    public static IServiceCollection AddFieldReports(this IServiceCollection services)
    {
        services.AddSingleton<FieldReportRateLimit>();
        services.AddOptions<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>()
            .Configure<IConfiguration>((options, configuration) => options.AddPolicy(FieldReportRateLimit.Name, new FieldReportRateLimit(configuration)));
        return services;
    }

    public static IEndpointRouteBuilder MapFieldReports(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/reports").WithTags("Reports");

        group.MapPost("/", CreateFieldReport)
            .WithName("CreateFieldReport")
            .WithSummary("Report a wrong number, a closed agency or another problem with an entry")
            .WithDescription("""
                Open to everyone, no account needed; with an API key the key is recorded as the reporter. At most 10 reports per hour
                from one sender (client address, or key). The answer is the report's id only. The optional replyTo address is seen by
                the coordinators of the agency's region and admins, nobody else.
                """)
            .AllowAnonymous()
            .RequireRateLimiting(FieldReportRateLimit.Name)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        var review = group.MapGroup("").RequireAuthorization(Policies.Coordinator)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        review.MapGet("/", ListFieldReports)
            .WithName("ListFieldReports")
            .WithSummary("Reports from the field in your region")
            .WithDescription("The reports about agencies of the regions in your scope (admins: all), newest first, optionally of one region and status.");

        review.MapGet("/{id}", GetFieldReport)
            .WithName("GetFieldReport")
            .WithSummary("One report from the field, with its reply address")
            .WithDescription("For the coordinators of the agency's region and admins. The ETag is the report's version: send it in If-Match to set the status.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        review.MapPost("/{id}/status", SetFieldReportStatus)
            .WithName("SetFieldReportStatus")
            .WithSummary("Accept or reject a report from the field (or reopen it), with a note")
            .WithDescription("Needs If-Match with the report's ETag. Audited as a patch of entity type field_report; the audit row never holds the reply address.")
            .RequireRateLimiting(RateLimitPolicies.Writes)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        return app;
    }

    public static async Task<Results<CreatedAtRoute<FieldReportReceipt>, ValidationProblem>> CreateFieldReport(
        FieldReportData report, ClaimsPrincipal user, SqliteConnectionFactory connections, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (report.Kind is not { } kind || !FieldReportKinds.All.Contains(kind))
        {
            errors["kind"] = [$"kind: '{report.Kind}' is not a report kind. Use one of: {string.Join(", ", FieldReportKinds.All)}."];
        }
        if (string.IsNullOrWhiteSpace(report.Message) || report.Message.Length > MaxMessage)
        {
            errors["message"] = [$"message: say what is wrong in 1 to {MaxMessage} characters (this one has {report.Message?.Length ?? 0})."];
        }
        if (report.ReplyTo is { } replyTo && (replyTo.Length > 254 || !FieldFormats.IsEmail(replyTo)))
        {
            errors["replyTo"] = [$"replyTo: '{(replyTo.Length > 60 ? replyTo[..60] + "…" : replyTo)}' is not an e-mail address."];
        }
        if (report.AgencyId is null && report.ContactId is null)
        {
            errors["agencyId"] = ["agencyId: name the agency (agencyId) or the contact (contactId) the report is about."];
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        string? agencyId = report.AgencyId;
        if (report.ContactId is { } contactId)
        {
            var owner = await connection.QuerySingleOrDefaultAsync<string>("SELECT agency_id FROM contacts WHERE id = @contactId", new { contactId });
            if (owner is null)
            {
                errors["contactId"] = [$"contactId: no contact '{contactId}' exists."];
            }
            else if (agencyId is not null && agencyId != owner)
            {
                errors["contactId"] = [$"contactId: contact '{contactId}' belongs to agency '{owner}', not '{agencyId}'."];
            }
            agencyId ??= owner;
        }
        var region = agencyId is null ? null
            : await connection.QuerySingleOrDefaultAsync<string>("SELECT region_key FROM agencies WHERE id = @agencyId", new { agencyId });
        if (agencyId is not null && region is null && !errors.ContainsKey("contactId"))
        {
            errors["agencyId"] = [$"agencyId: no agency '{agencyId}' exists."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var id = Ids.New("fr");
        var now = Dates.FormatTimestamp(clock.GetUtcNow());
        await connection.ExecuteAsync(
            """
            INSERT INTO field_reports (id, kind, agency_id, contact_id, region_key, message, reply_to, reporter, status, created_at, updated_at)
            VALUES (@id, @Kind, @agencyId, @ContactId, @region, @Message, @ReplyTo, @reporter, 'open', @now, @now)
            """,
            new { id, report.Kind, agencyId, report.ContactId, region, Message = report.Message!.Trim(), report.ReplyTo, reporter = Caller.From(user).Name, now });
        return TypedResults.CreatedAtRoute(new FieldReportReceipt(id), "GetFieldReport", new { id });
    }

    public static async Task<Results<Ok<Page<FieldReportResponse>>, ValidationProblem, ProblemHttpResult>> ListFieldReports(
        SqliteConnectionFactory connections, ClaimsPrincipal user,
        [Description("Only reports about agencies of this region (a Land, Regierungsbezirk, Kreis or Gemeinde key).")] string? region = null,
        [Description("Only reports with this status: open, accepted or rejected.")] string? status = null,
        [LimitDescription] int? limit = null,
        [OffsetDescription] int? offset = null,
        CancellationToken cancellationToken = default)
    {
        if (Paging.Check(limit, offset) is { } paging)
        {
            return ProblemSetup.Invalid(paging.Field, paging.Message);
        }
        string? regionKey = null;
        if (region is not null && !RegionKey.TryNormalize(region, out regionKey!))
        {
            return ProblemSetup.Invalid("region", RegionKey.Invalid(region));
        }
        if (status is not null && !FieldReportStatuses.All.Contains(status))
        {
            return ProblemSetup.Invalid("status", $"'{status}' is not a report status. Use one of: {string.Join(", ", FieldReportStatuses.All)}.");
        }
        var caller = Caller.From(user);
        if (regionKey is not null && !caller.IsAdmin && !caller.Scope.Any(s => regionKey.StartsWith(s, StringComparison.Ordinal) || s.StartsWith(regionKey, StringComparison.Ordinal)))
        {
            return OutOfScope(caller, regionKey);
        }
        await using var connection = await connections.OpenAsync(cancellationToken);
        var visible = (await FieldReportQueries.ListAsync(connection, regionKey, status)).Where(r => caller.MayWrite(r.RegionKey)).ToList();
        var take = limit ?? Paging.DefaultLimit;
        var skip = offset ?? 0;
        return TypedResults.Ok(Paging.Create(visible.Skip(skip).Take(take).Select(r => r.ToResponse()).ToList(), visible.Count, take, skip));
    }

    public static async Task<Results<Ok<FieldReportResponse>, ProblemHttpResult>> GetFieldReport(
        SqliteConnectionFactory connections, ClaimsPrincipal user, HttpContext http,
        [Description("The report's id, as returned when it was made.")] string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await FieldReportQueries.GetAsync(connection, id);
        if (row is null)
        {
            return ProblemSetup.NotFound("report", id);
        }
        var caller = Caller.From(user);
        if (!caller.MayWrite(row.RegionKey))
        {
            return OutOfScope(caller, row.RegionKey);
        }
        ETag.Set(http, (int)row.Version);
        return TypedResults.Ok(row.ToResponse());
    }

    public static async Task<Results<Ok<FieldReportResponse>, ValidationProblem, ProblemHttpResult>> SetFieldReportStatus(
        FieldReportStatusData decision, SqliteConnectionFactory connections, ClaimsPrincipal user, HttpContext http, TimeProvider clock,
        [Description("The report's id.")] string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        var before = await FieldReportQueries.GetAsync(connection, id, transaction);
        if (before is null)
        {
            return ProblemSetup.NotFound("report", id);
        }
        var caller = Caller.From(user);
        if (!caller.MayWrite(before.RegionKey))
        {
            return OutOfScope(caller, before.RegionKey);
        }
        if (decision.Status is not { } status || !FieldReportStatuses.All.Contains(status))
        {
            return ProblemSetup.Invalid("status", $"status: '{decision.Status}' is not a report status. Use one of: {string.Join(", ", FieldReportStatuses.All)}.");
        }
        if (decision.Note is { Length: > MaxMessage })
        {
            return ProblemSetup.Invalid("note", $"note: at most {MaxMessage} characters (this one has {decision.Note.Length}).");
        }
        if (ETag.Check(http, (int)before.Version) is { } precondition)
        {
            return precondition;
        }
        var actor = $"{caller.Name} ({caller.Role})";
        var now = clock.GetUtcNow();
        await connection.ExecuteAsync(
            """
            UPDATE field_reports SET status = @status, status_note = @Note, status_by = @actor, updated_at = @at, version = version + 1
            WHERE id = @id
            """, new { status, decision.Note, actor, at = Dates.FormatTimestamp(now), id }, transaction);
        var after = (await FieldReportQueries.GetAsync(connection, id, transaction))!;
        await AuditLog.WriteAsync(connection, transaction, new AuditEntry(
            actor, "patch", "field_report", id, before.RegionKey, Audited(before), Audited(after), Activity.Current?.Id, now));
        await transaction.CommitAsync(cancellationToken);
        ETag.Set(http, (int)after.Version);
        return TypedResults.Ok(after.ToResponse());
    }

    /// <summary>What the audit keeps of a report: its review, never the message's sender or reply address.</summary>
    private static JsonNode Audited(FieldReportRow row) => JsonSerializer.SerializeToNode(
        new { row.Kind, row.AgencyId, row.ContactId, row.Status, row.StatusNote, row.StatusBy, row.Version }, JsonSerializerOptions.Web)!;

    private static ProblemHttpResult OutOfScope(Caller caller, string regionKey) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status403Forbidden, title: "Outside your region",
            detail: caller.IsCoordinator
                ? $"Reports about agencies in {regionKey} are reviewed by its coordinators; your scope is {(caller.Scope.Count == 0 ? "none" : string.Join(", ", caller.Scope))}."
                : "Only coordinators and admins may read reports from the field.");
}
