using System.Text.Json.Nodes;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NetworkDirectory.Api.Audit;
using NetworkDirectory.Api.Common;
using NetworkDirectory.Api.Data;

namespace NetworkDirectory.Tests.Audit;

public sealed class AuditLogTests(ClockedApiFactory factory) : IClassFixture<ClockedApiFactory>
{
    // Seeds before any test of the class writes its own rows (the seed only runs on an empty audit).
    private readonly HttpClient _admin = AuditSeed.ClientAs(factory, "admin");

    private static AuditEntry Entry(string id) => new(
        "alice (coordinator)", "create", "agency", id, "09162000", null, new JsonObject { ["name"] = "Neu" },
        "corr-x", new DateTimeOffset(2026, 11, 28, 9, 15, 30, 250, TimeSpan.FromHours(1)));

    [Fact]
    public async Task WriteInsideARolledBackTransactionLeavesNoRow()
    {
        using var connection = factory.OpenDatabase();
        using (var transaction = connection.BeginTransaction())
        {
            await AuditLog.WriteAsync(connection, transaction, Entry("rolled-back"));
            Assert.Equal(1, connection.ExecuteScalar<long>("SELECT count(*) FROM audit WHERE entity_id = 'rolled-back'", transaction: transaction));
            transaction.Rollback();
        }
        Assert.Equal(0, connection.ExecuteScalar<long>("SELECT count(*) FROM audit WHERE entity_id = 'rolled-back'"));
    }

    [Fact]
    public async Task CommittedWriteStoresEveryFieldInUtc()
    {
        using var connection = factory.OpenDatabase();
        using (var transaction = connection.BeginTransaction())
        {
            await AuditLog.WriteAsync(connection, transaction, Entry("committed"));
            transaction.Commit();
        }
        var row = connection.QuerySingle<(string OccurredAt, string Actor, string Action, string EntityType, string? RegionKey, string? Before, string? After, string? CorrelationId)>(
            "SELECT occurred_at, actor, action, entity_type, region_key, before_json, after_json, correlation_id FROM audit WHERE entity_id = 'committed'");
        Assert.Equal(("2026-11-28T08:15:30Z", "alice (coordinator)", "create", "agency", "09162000", null, """{"name":"Neu"}""", "corr-x"), row);
    }

    [Fact]
    public void AuditRoutesOnlyRead()
    {
        var routes = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/v1/audit", StringComparison.Ordinal) == true)
            .ToList();
        Assert.Equal(2, routes.Count);
        Assert.All(routes, e => Assert.Equal(["GET"], e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods));
    }

    [Fact]
    public async Task HandlerCanBeCalledWithAHandMadeUser()
    {
        var connections = factory.Services.GetRequiredService<SqliteConnectionFactory>();

        var result = await AuditEndpoints.ListAudit(connections, ClockedApiFactory.User("coordinator", "02"), region: "02");
        var page = Assert.IsType<Ok<Page<AuditRecord>>>(result.Result).Value!;
        var record = Assert.Single(page.Items);
        Assert.Equal(("ja-hh", "02000", "bob (coordinator)"), (record.EntityId, record.RegionKey, record.Actor));
        Assert.Equal("Jugendamt Hamburg", record.After!.Value.GetProperty("name").GetString());

        var refused = await AuditEndpoints.ListAudit(connections, ClockedApiFactory.User("coordinator", "02"), region: "09");
        Assert.Equal(403, Assert.IsType<ProblemHttpResult>(refused.Result).StatusCode);

        var professional = await AuditEndpoints.GetAuditHistory(connections, ClockedApiFactory.User("professional"), "agency", "ja-hh");
        Assert.Equal(403, Assert.IsType<ProblemHttpResult>(professional.Result).StatusCode);
    }
}
