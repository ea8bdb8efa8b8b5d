using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using NetworkDirectory.Api.Auth;
using NetworkDirectory.Api.Common;

namespace NetworkDirectory.Api.Audit;

/// <summary>One audit row as the API shows it; before and after are the entity as JSON, null where it did not exist.</summary>
public sealed record AuditRecord(
    long Id, DateTimeOffset OccurredAt, string Actor, string Action, string EntityType, string EntityId, string? RegionKey,
    JsonElement? Before, JsonElement? After, string? CorrelationId, string? ImportId = null);

internal sealed record AuditFilter(
    string? Region = null, string? EntityType = null, string? EntityId = null, string? Actor = null,
    DateTimeOffset? From = null, DateTimeOffset? To = null, string? ImportId = null);

internal static class AuditQueries
{
    private const string Columns =
        "id, occurred_at AS OccurredAt, actor, action, entity_type AS EntityType, entity_id AS EntityId, region_key AS RegionKey, " +
        "before_json AS BeforeJson, after_json AS AfterJson, correlation_id AS CorrelationId, import_id AS ImportId";

    // Admins (@all = 1) see every row; coordinators rows whose region lies in a scope key (@scope, a JSON array).
    // A row without a region matches no scope key. Timestamps are stored as 'yyyy-MM-ddTHH:mm:ssZ', so text order is time order.
    private const string Where = """
        WHERE (@all = 1 OR EXISTS (SELECT 1 FROM json_each(@scope) s WHERE substr(region_key, 1, length(s.value)) = s.value))
          AND (@region IS NULL OR (@region = 'DE' AND region_key IS NOT NULL) OR substr(region_key, 1, length(@region)) = @region)
          AND (@entityType IS NULL OR entity_type = @entityType)
          AND (@entityId IS NULL OR entity_id = @entityId)
          AND (@actor IS NULL OR actor = @actor OR substr(actor, 1, length(@actor) + 2) = @actor || ' (')
          AND (@from IS NULL OR occurred_at >= @from)
          AND (@to IS NULL OR occurred_at < @to)
          AND (@importId IS NULL OR import_id = @importId)
        """;

    public static async Task<(IReadOnlyList<AuditRecord> Items, int Total)> ListAsync(
        SqliteConnection connection, Caller caller, AuditFilter filter, bool oldestFirst, int take, int skip)
    {
        var args = new
        {
            all = caller.IsAdmin ? 1 : 0,
            scope = JsonSerializer.Serialize(caller.Scope),
            region = filter.Region,
            entityType = filter.EntityType,
            entityId = filter.EntityId,
            actor = filter.Actor,
            from = Stored(filter.From),
            to = Stored(filter.To),
            importId = filter.ImportId,
            take,
            skip,
        };
        var order = oldestFirst ? "id ASC" : "id DESC";
        var total = await connection.ExecuteScalarAsync<int>($"SELECT count(*) FROM audit {Where}", args);
        var rows = await connection.QueryAsync<AuditRow>($"SELECT {Columns} FROM audit {Where} ORDER BY {order} LIMIT @take OFFSET @skip", args);
        return (rows.Select(r => r.ToRecord()).ToList(), total);
    }

    public static Task<bool> AnyAsync(SqliteConnection connection, string entityType, string entityId) =>
        connection.ExecuteScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM audit WHERE entity_type = @entityType AND entity_id = @entityId)", new { entityType, entityId });

    /// <summary>Stored times have whole seconds: a bound with a fraction is moved up to the next second, which keeps the comparison exact.</summary>
    private static string? Stored(DateTimeOffset? value)
    {
        if (value is not { } time)
        {
            return null;
        }
        var fraction = time.Ticks % TimeSpan.TicksPerSecond;
        return Dates.FormatTimestamp(fraction == 0 ? time : time.AddTicks(TimeSpan.TicksPerSecond - fraction));
    }

    private sealed class AuditRow
    {
        public long Id { get; init; }
        public string OccurredAt { get; init; } = "";
        public string Actor { get; init; } = "";
        public string Action { get; init; } = "";
        public string EntityType { get; init; } = "";
        public string EntityId { get; init; } = "";
        public string? RegionKey { get; init; }
        public string? BeforeJson { get; init; }
        public string? AfterJson { get; init; }
        public string? CorrelationId { get; init; }
        public string? ImportId { get; init; }

        public AuditRecord ToRecord() => new(
            Id, Dates.ParseTimestamp(OccurredAt), Actor, Action, EntityType, EntityId, RegionKey,
            Parse(BeforeJson), Parse(AfterJson), CorrelationId, ImportId);

        private static JsonElement? Parse(string? json)
        {
            if (json is null)
            {
                return null;
            }
            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
    }
}
