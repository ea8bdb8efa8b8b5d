using System.Text.Json.Nodes;
using Dapper;
using NetworkDirectory.Api.Audit;

namespace NetworkDirectory.Tests.Audit;

/// <summary>
/// Six audit rows written through <see cref="AuditLog.WriteAsync"/>, one a day from 2026-11-01 10:00 UTC:
/// 1 alice creates agency ja-muc (09162000), 2 alice patches it, 3 bob creates agency ja-hh (02000),
/// 4 carol replaces service s-ja-lkm-care (09184), 5 carol patches network net-hh (no region),
/// 6 alice verifies agency ja-muc.
/// </summary>
public static class AuditSeed
{
    public static readonly DateTimeOffset Start = new(2026, 11, 1, 10, 0, 0, TimeSpan.Zero);

    public static HttpClient ClientAs(ClockedApiFactory factory, string role, params string[] scope)
    {
        var client = factory.CreateClientAs(role, scope);
        using var connection = factory.OpenDatabase();
        if (connection.ExecuteScalar<long>("SELECT count(*) FROM audit") == 0)
        {
            using var transaction = connection.BeginTransaction();
            var entries = new[]
            {
                Entry(0, "alice (coordinator)", "create", "agency", "ja-muc", "09162000", null, new JsonObject { ["name"] = "Jugendamt" }),
                Entry(1, "alice (coordinator)", "patch", "agency", "ja-muc", "09162000", new JsonObject { ["name"] = "Jugendamt" }, new JsonObject { ["name"] = "Jugendamt München" }),
                Entry(2, "bob (coordinator)", "create", "agency", "ja-hh", "02000", null, new JsonObject { ["name"] = "Jugendamt Hamburg" }),
                Entry(3, "carol (admin)", "replace", "service", "s-ja-lkm-care", "09184", new JsonObject { ["priority"] = 20 }, new JsonObject { ["priority"] = 10 }),
                Entry(4, "carol (admin)", "patch", "network", "net-hh", null, new JsonObject { ["status"] = "planned" }, new JsonObject { ["status"] = "active" }),
                Entry(5, "alice (coordinator)", "verify", "agency", "ja-muc", "09162000", null, null),
            };
            foreach (var entry in entries)
            {
                AuditLog.WriteAsync(connection, transaction, entry).GetAwaiter().GetResult();
            }
            transaction.Commit();
        }
        return client;
    }

    private static AuditEntry Entry(int day, string actor, string action, string type, string id, string? region, JsonNode? before, JsonNode? after) =>
        new(actor, action, type, id, region, before, after, $"corr-{day + 1}", Start.AddDays(day));
}
