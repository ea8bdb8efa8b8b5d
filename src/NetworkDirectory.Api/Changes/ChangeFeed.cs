using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Data.Sqlite;
using NetworkDirectory.Api.Agencies;
using NetworkDirectory.Api.Auth;
using NetworkDirectory.Api.Networks;

namespace NetworkDirectory.Api.Changes;

/// <summary>One change: the entity's current public representation (upsert) or a tombstone (delete).</summary>
/// <param name="Sequence">Audit id of the latest write in this page that touched the entity; null in the opening snapshot.</param>
/// <param name="OccurredAt">When that write happened; null in the opening snapshot.</param>
/// <param name="EntityType">agency or network.</param>
/// <param name="Operation">upsert (the entity as GET /v1/agencies/{id} or /v1/networks/{id} shows it to anonymous callers now) or delete.</param>
/// <param name="Agency">For an agency upsert: exactly what GET /v1/agencies/{id} returns anonymously.</param>
/// <param name="Network">For a network upsert: exactly what GET /v1/networks/{id} returns.</param>
/// <param name="Sample">True for fictional demonstration entries: never call or write to them.</param>
public sealed record ChangeEntry(
    long? Sequence, DateTimeOffset? OccurredAt, string EntityType, string Id, string Operation,
    AgencyDetail? Agency, NetworkDetail? Network, bool Sample);

/// <summary>A page of the change feed; resume with <c>next</c>, which stays the same once the reader has caught up.</summary>
public sealed record ChangePage(IReadOnlyList<ChangeEntry> Items, string Next, bool CaughtUp);

/// <summary>
/// Builds the feed from the audit. The audit id is commit order because SQLite has one writer and
/// assigns it inside the write's transaction; a PostgreSQL port needs a commit-ordered log
/// instead (ids from a sequence are not visible in commit order).
/// </summary>
internal static class ChangeFeed
{
    public const string Agency = "agency";
    public const string Network = "network";
    private static readonly string[] SnapshotKinds = [Agency, Network];

    private sealed record AuditRow(long Id, string OccurredAt, string EntityType, string EntityId, string? BeforeJson, string? AfterJson);

    public static Task<long> MaxAuditIdAsync(SqliteConnection connection) =>
        connection.ExecuteScalarAsync<long>("SELECT coalesce(max(id), 0) FROM audit");

    /// <summary>True when the retention window has dropped writes after the cursor: a reader there would miss them.</summary>
    public static Task<bool> ExpiredAsync(SqliteConnection connection, long auditId, string? cutoff) =>
        cutoff is null
            ? Task.FromResult(false)
            : connection.ExecuteScalarAsync<bool>(
                "SELECT EXISTS (SELECT 1 FROM audit WHERE id > @auditId AND occurred_at < @cutoff)", new { auditId, cutoff });

    /// <summary>The snapshot that opens a feed read without since: every agency, then every network, by id.</summary>
    public static async Task<(List<ChangeEntry> Items, ChangeCursor Next)> SnapshotAsync(
        SqliteConnection connection, ChangeCursor cursor, int limit)
    {
        var items = new List<ChangeEntry>();
        var kind = cursor.SnapshotKind ?? 0;
        var after = cursor.SnapshotAfter ?? "";
        while (kind < SnapshotKinds.Length)
        {
            var remaining = limit - items.Count;
            var table = kind == 0 ? "agencies" : "networks";
            var ids = (await connection.QueryAsync<string>(
                $"SELECT id FROM {table} WHERE id > @after ORDER BY id LIMIT @take", new { after, take = remaining + 1 })).ToList();
            foreach (var id in ids.Take(remaining))
            {
                items.Add(await CurrentAsync(connection, SnapshotKinds[kind], id, null, null));
                after = id;
            }
            if (ids.Count > remaining)
            {
                return (items, ChangeCursor.Snapshot(cursor.AuditId, kind, after));
            }
            kind++;
            after = "";
            if (items.Count >= limit)
            {
                return (items, kind < SnapshotKinds.Length ? ChangeCursor.Snapshot(cursor.AuditId, kind, "") : new ChangeCursor(cursor.AuditId));
            }
        }
        return (items, new ChangeCursor(cursor.AuditId));
    }

    /// <summary>
    /// The writes after the cursor, as the entities they touched at their latest position in the page
    /// (an entity written twice appears once). Stops before a write whose entities would overfill the
    /// page, except the first one, so a single write touching many entities still makes progress.
    /// </summary>
    public static async Task<(List<ChangeEntry> Items, ChangeCursor Next)> TailAsync(SqliteConnection connection, long after, int limit)
    {
        var latest = new Dictionary<(string Type, string Id), AuditRow>();
        var last = after;
        var done = false;
        while (!done)
        {
            var rows = (await connection.QueryAsync<AuditRow>(
                """
                SELECT id, occurred_at AS OccurredAt, entity_type AS EntityType, entity_id AS EntityId,
                       before_json AS BeforeJson, after_json AS AfterJson
                FROM audit WHERE id > @last ORDER BY id LIMIT @take
                """, new { last, take = limit })).ToList();
            if (rows.Count == 0)
            {
                break;
            }
            foreach (var row in rows)
            {
                var touched = await TouchedAsync(connection, row);
                var added = touched.Count(k => !latest.ContainsKey(k));
                if (latest.Count > 0 && latest.Count + added > limit)
                {
                    done = true;
                    break;
                }
                foreach (var key in touched)
                {
                    latest[key] = row;
                }
                last = row.Id;
                if (latest.Count >= limit)
                {
                    done = true;
                    break;
                }
            }
        }
        var items = new List<ChangeEntry>();
        foreach (var ((type, id), row) in latest.OrderBy(e => e.Value.Id).ThenBy(e => e.Key.Type, StringComparer.Ordinal).ThenBy(e => e.Key.Id, StringComparer.Ordinal))
        {
            items.Add(await CurrentAsync(connection, type, id, row.Id, Common.Dates.ParseTimestamp(row.OccurredAt)));
        }
        return (items, new ChangeCursor(last));
    }

    /// <summary>The entity as the public GET shows it now to an anonymous caller, or a tombstone.</summary>
    private static async Task<ChangeEntry> CurrentAsync(SqliteConnection connection, string type, string id, long? sequence, DateTimeOffset? occurredAt)
    {
        if (type == Agency)
        {
            var agency = await AgencyQueries.GetAsync(connection, id, Caller.Anonymous);
            return agency is null
                ? new ChangeEntry(sequence, occurredAt, type, id, "delete", null, null, false)
                : new ChangeEntry(sequence, occurredAt, type, id, "upsert", agency, null, agency.Sample);
        }
        var network = await NetworkQueries.GetAsync(connection, id);
        return network is null
            ? new ChangeEntry(sequence, occurredAt, type, id, "delete", null, null, false)
            : new ChangeEntry(sequence, occurredAt, type, id, "upsert", null, network, network.Sample);
    }

    /// <summary>
    /// The public representations one audit row may have changed. Services and public contacts (with
    /// their schedules) are part of their agency's representation, instruments and members part of their
    /// network's; a contact that became professional leaves the agency's upsert. Audit rows of other
    /// types (API keys, holiday rules) touch nothing public.
    /// </summary>
    private static async Task<List<(string, string)>> TouchedAsync(SqliteConnection connection, AuditRow row)
    {
        var before = Parse(row.BeforeJson);
        var after = Parse(row.AfterJson);
        var touched = new List<(string, string)>();
        switch (row.EntityType)
        {
            case Agency:
                touched.Add((Agency, row.EntityId));
                // Networks show their members' and coordinating office's names. A deleted agency has
                // left every network (the delete cascades), and the audit row does not say which.
                var networks = after is null
                    ? await connection.QueryAsync<string>("SELECT id FROM networks")
                    : await connection.QueryAsync<string>(
                        "SELECT network_id FROM network_members WHERE agency_id = @id UNION SELECT id FROM networks WHERE coordinating_agency_id = @id",
                        new { id = row.EntityId });
                touched.AddRange(networks.Select(n => (Network, n)));
                break;
            case "service" or "contact":
                touched.AddRange(new[] { Field(before, "agencyId"), Field(after, "agencyId") }
                    .OfType<string>().Select(a => (Agency, a)));
                break;
            case "schedule":
                var agencies = await connection.QueryAsync<string>(
                    "SELECT DISTINCT agency_id FROM contacts WHERE schedule_id = @id", new { id = row.EntityId });
                touched.AddRange(agencies.Select(a => (Agency, a)));
                break;
            case Network:
                touched.Add((Network, row.EntityId));
                foreach (var data in new[] { before, after })
                {
                    if (Property(data, "members") is JsonArray members)
                    {
                        touched.AddRange(members.Select(m => Field(m, "agencyId")).OfType<string>().Select(a => (Agency, a)));
                    }
                }
                break;
            case "instrument":
                touched.AddRange(new[] { Field(before, "networkId"), Field(after, "networkId") }
                    .OfType<string>().Select(n => (Network, n)));
                break;
        }
        return touched.Distinct().ToList();
    }

    /// <summary>The write shape inside an audit snapshot ({id, version, data}); the snapshot itself when it has no data member (imports).</summary>
    private static JsonNode? Parse(string? json)
    {
        if (json is null)
        {
            return null;
        }
        var node = JsonNode.Parse(json);
        return Property(node, "data") ?? node;
    }

    private static JsonNode? Property(JsonNode? node, string name) =>
        node is JsonObject o ? o.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value : null;

    private static string? Field(JsonNode? node, string name) =>
        Property(node, name) is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
