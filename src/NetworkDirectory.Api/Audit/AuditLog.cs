using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Data.Sqlite;
using NetworkDirectory.Api.Common;

namespace NetworkDirectory.Api.Audit;

/// <summary>One write, as the audit keeps it.</summary>
/// <param name="ImportId">The bulk import that made the write (action 'import'); null for single writes.</param>
public sealed record AuditEntry(
    string Actor, string Action, string EntityType, string EntityId, string? RegionKey,
    JsonNode? Before, JsonNode? After, string? CorrelationId, DateTimeOffset OccurredAt, string? ImportId = null);

public static class AuditLog
{
    /// <summary>Inserts the entry inside the write's own transaction: both commit, or neither.</summary>
    public static Task WriteAsync(SqliteConnection connection, SqliteTransaction transaction, AuditEntry entry) =>
        connection.ExecuteAsync(
            """
            INSERT INTO audit (occurred_at, actor, action, entity_type, entity_id, region_key, before_json, after_json, correlation_id, import_id)
            VALUES (@OccurredAt, @Actor, @Action, @EntityType, @EntityId, @RegionKey, @Before, @After, @CorrelationId, @ImportId)
            """,
            new
            {
                OccurredAt = Dates.FormatTimestamp(entry.OccurredAt), entry.Actor, entry.Action, entry.EntityType, entry.EntityId,
                entry.RegionKey, Before = entry.Before?.ToJsonString(), After = entry.After?.ToJsonString(), entry.CorrelationId, entry.ImportId,
            },
            transaction);
}
