using System.ComponentModel;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using NetworkDirectory.Api.Common;
using NetworkDirectory.Api.Data;

namespace NetworkDirectory.Api.Changes;

/// <summary>
/// GET /v1/changes: every create, update and delete of public data in commit order, for partners
/// that keep a mirror. Public data only, for every caller: an API key changes nothing here.
/// </summary>
public static class ChangeEndpoints
{
    public const string RetentionSetting = "Changes:RetentionDays";

    public static IEndpointRouteBuilder MapChanges(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/changes", ListChanges)
            .WithTags("Changes")
            .WithName("ListChanges")
            .WithSummary("Read the change feed of public agencies and networks, to keep a mirror")
            .WithDescription(
                "Without since: a snapshot of every agency and network, then every later write. With since (the next of an earlier page): " +
                "the writes after it, in commit order. An upsert carries the entity as GET /v1/agencies/{id} or /v1/networks/{id} shows it " +
                "to anonymous callers now (services, public contacts with their schedules, members and instruments included); a delete " +
                "is a tombstone. An entity written several times appears once per page, at its latest write. Public data only, whoever asks. " +
                "A caught-up reader gets an empty page with the same next. 410 when the retention (Changes:RetentionDays) has dropped writes after since: read again without since.")
            .ProducesProblem(StatusCodes.Status410Gone);
        return app;
    }

    public static async Task<Results<Ok<ChangePage>, ValidationProblem, ProblemHttpResult>> ListChanges(
        SqliteConnectionFactory connections,
        IConfiguration configuration,
        TimeProvider clock,
        HttpContext http,
        [Description("Opaque cursor: the next of an earlier page. Without it the feed starts with a snapshot of everything.")] string? since = null,
        [LimitDescription] int? limit = null,
        CancellationToken cancellationToken = default)
    {
        if (Paging.Check(limit, null) is { } paging)
        {
            return ProblemSetup.Invalid(paging.Field, paging.Message);
        }
        ChangeCursor? cursor = null;
        if (since is not null && !ChangeCursor.TryDecode(since, out cursor))
        {
            return ProblemSetup.Invalid("since", $"'{Shorten(since)}' is not a cursor of this feed: send the next of an earlier page, or leave since out to start again.");
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        var max = await ChangeFeed.MaxAuditIdAsync(connection);
        if (cursor is not null && cursor.AuditId > max)
        {
            return ProblemSetup.Invalid("since", "since lies beyond the end of this feed: it belongs to another directory. Leave since out to start again.");
        }
        var cutoff = Cutoff(configuration, clock);
        if (cursor is not null && await ChangeFeed.ExpiredAsync(connection, cursor.AuditId, cutoff))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status410Gone,
                title: "Cursor older than the feed's retention",
                detail: $"The feed keeps writes for {configuration[RetentionSetting]} days; some after this cursor are gone. Re-sync from a full read: GET /v1/changes without since.");
        }

        var take = limit ?? Paging.DefaultLimit;
        var start = cursor ?? ChangeCursor.Snapshot(max, 0, "");
        var (items, next) = start.InSnapshot
            ? await ChangeFeed.SnapshotAsync(connection, start, take)
            : await ChangeFeed.TailAsync(connection, start.AuditId, take);
        var encoded = next.Encode();
        var caughtUp = !next.InSnapshot && next.AuditId >= max;
        var link = $"{http.Request.PathBase}{http.Request.Path}?since={encoded}" +
                   (limit is null ? "" : string.Create(CultureInfo.InvariantCulture, $"&limit={take}"));
        http.Response.Headers.Link = $"<{link}>; rel=\"next\"";
        if (caughtUp)
        {
            // A poll at the end of the feed must see the next write at once; its ETag keeps the poll cheap (304).
            var now = clock.GetUtcNow();
            CacheHeaders.ValidUntil(http, now, now);
        }
        return TypedResults.Ok(new ChangePage(items, encoded, caughtUp));
    }

    /// <summary>Audit rows before this instant lie outside the retention; null keeps all (the default: the audit is never pruned).</summary>
    private static string? Cutoff(IConfiguration configuration, TimeProvider clock) =>
        configuration.GetValue<int?>(RetentionSetting) is { } days and > 0
            ? Dates.FormatTimestamp(clock.GetUtcNow().AddDays(-days))
            : null;

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
