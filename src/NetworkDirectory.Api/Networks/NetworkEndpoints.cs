using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using NetworkDirectory.Api.Common;
using NetworkDirectory.Api.Data;
using NetworkDirectory.Api.Regions;
using NetworkDirectory.Api.Writes;

namespace NetworkDirectory.Api.Networks;

public static class NetworkEndpoints
{
    private static readonly string[] Statuses = ["planned", "active", "dormant"];
    private static readonly string[] Scopes = ["land", "regional", "cross_land"];

    public static IServiceCollection AddNetworks(this IServiceCollection services) =>
        services.AddWritable<NetworkResource, NetworkData>().AddWritable<InstrumentResource, InstrumentData>();

    /// <summary>Reads of networks with their instruments, and the writes of both.</summary>
    public static IEndpointRouteBuilder MapNetworks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/networks").WithTags("Networks");

        group.MapGet("/", ListNetworks)
            .WithName("ListNetworks")
            .WithSummary("List the regional cooperation networks")
            .WithDescription("Ordered by name, then id.");

        group.MapGet("/{id}", GetNetwork)
            .WithName("GetNetwork")
            .WithSummary("Get a network with its coordinating office, members and cooperation instruments")
            .ProducesProblem(StatusCodes.Status404NotFound);

        app.MapWritable<NetworkResource, NetworkData>("/v1/networks", "Networks", "Network", "/{id}/data");
        app.MapWritable<InstrumentResource, InstrumentData>("/v1/instruments", "Networks", "Instrument");
        return app;
    }

    public static async Task<Results<Ok<Page<NetworkSummary>>, ValidationProblem>> ListNetworks(
        SqliteConnectionFactory connections,
        [Description("planned, active or dormant.")] string? status = null,
        [Description("land, regional or cross_land.")] string? scope = null,
        [Description("Networks whose area overlaps this region: " + RegionKey.Description)] string? region = null,
        [LimitDescription] int? limit = null,
        [OffsetDescription] int? offset = null,
        CancellationToken cancellationToken = default)
    {
        if (Paging.Check(limit, offset) is { } paging)
        {
            return ProblemSetup.Invalid(paging.Field, paging.Message);
        }
        if (status is not null && !Statuses.Contains(status))
        {
            return ProblemSetup.Invalid("status", $"'{status}' is not a network status. Use one of: {string.Join(", ", Statuses)}.");
        }
        if (scope is not null && !Scopes.Contains(scope))
        {
            return ProblemSetup.Invalid("scope", $"'{scope}' is not a network scope. Use one of: {string.Join(", ", Scopes)}.");
        }
        string? regionKey = null;
        if (region is not null)
        {
            if (!RegionKey.TryNormalize(region, out var normalized))
            {
                return ProblemSetup.Invalid("region", RegionKey.Invalid(region));
            }
            regionKey = normalized;
        }

        var take = limit ?? Paging.DefaultLimit;
        var skip = offset ?? 0;
        await using var connection = await connections.OpenAsync(cancellationToken);
        var (items, total) = await NetworkQueries.ListAsync(
            connection, status, scope, regionKey, regionKey is null ? [] : RegionKey.SelfAndAncestors(regionKey), take, skip);
        return TypedResults.Ok(Paging.Create(items, total, take, skip));
    }

    public static async Task<Results<Ok<NetworkDetail>, ProblemHttpResult>> GetNetwork(
        SqliteConnectionFactory connections,
        HttpContext http,
        [Description("Network id, e.g. hh-netzwerk.")] string id,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var network = await NetworkQueries.GetAsync(connection, id);
        if (network is null)
        {
            return ProblemSetup.NotFound("network", id);
        }
        return TypedResults.Ok(network);
    }
}
