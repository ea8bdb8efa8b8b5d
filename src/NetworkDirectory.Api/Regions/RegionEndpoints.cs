using System.ComponentModel;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using NetworkDirectory.Api.Common;
using NetworkDirectory.Api.Data;

namespace NetworkDirectory.Api.Regions;

public static class RegionEndpoints
{
    private static readonly string[] Levels = ["country", "land", "regierungsbezirk", "kreis", "gemeinde"];

    public static IEndpointRouteBuilder MapRegions(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/regions").WithTags("Regions");

        group.MapGet("/", ListRegions)
            .WithName("ListRegions")
            .WithSummary("List official regions")
            .WithDescription("Länder, Regierungsbezirke, Kreise and Gemeinden known to the directory, ordered by key.");

        group.MapGet("/{key}", GetRegion)
            .WithName("GetRegion")
            .WithSummary("Get a region with its parent chain and children")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }

    public static async Task<Results<Ok<Page<RegionResponse>>, ValidationProblem>> ListRegions(
        SqliteConnectionFactory connections,
        [Description("Only regions of this level: country, land, regierungsbezirk, kreis, gemeinde.")] string? level = null,
        [Description("Only direct children of this region key.")] string? parent = null,
        [Description("Only keys starting with these digits, e.g. '09' for every region in Bayern.")] string? keyPrefix = null,
        [LimitDescription] int? limit = null,
        [OffsetDescription] int? offset = null,
        CancellationToken cancellationToken = default)
    {
        if (Paging.Check(limit, offset) is { } paging)
        {
            return ProblemSetup.Invalid(paging.Field, paging.Message);
        }
        if (level is not null && !Levels.Contains(level))
        {
            return ProblemSetup.Invalid("level", $"'{level}' is not a region level. Use one of: {string.Join(", ", Levels)}.");
        }
        string? parentKey = null;
        if (parent is not null && !RegionKey.TryNormalize(parent, out parentKey!))
        {
            return ProblemSetup.Invalid("parent", RegionKey.Invalid(parent));
        }
        if (keyPrefix is not null && (keyPrefix.Length is 0 or > 12 || !keyPrefix.All(char.IsAsciiDigit)))
        {
            return ProblemSetup.Invalid("keyPrefix", $"'{keyPrefix}' is not a key prefix: use 1 to 12 digits.");
        }

        var take = limit ?? Paging.DefaultLimit;
        var skip = offset ?? 0;
        const string Where = """
            WHERE (@level IS NULL OR level = @level)
              AND (@parentKey IS NULL OR parent_key = @parentKey)
              AND (@keyPrefix IS NULL OR substr(key, 1, length(@keyPrefix)) = @keyPrefix)
            """;
        var args = new { level, parentKey, keyPrefix, take, skip };
        await using var connection = await connections.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<int>($"SELECT count(*) FROM regions {Where}", args);
        var rows = await connection.QueryAsync<RegionRow>(
            $"SELECT {RegionRow.Columns} FROM regions {Where} ORDER BY key LIMIT @take OFFSET @skip", args);
        return TypedResults.Ok(Paging.Create(rows.Select(r => r.ToResponse()).ToList(), total, take, skip));
    }

    public static async Task<Results<Ok<RegionDetailResponse>, ProblemHttpResult, ValidationProblem>> GetRegion(
        SqliteConnectionFactory connections,
        [Description(RegionKey.Description)] string key,
        CancellationToken cancellationToken = default)
    {
        if (!RegionKey.TryNormalize(key, out var normalized))
        {
            return ProblemSetup.Invalid("key", RegionKey.Invalid(key));
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        var region = await connection.QuerySingleOrDefaultAsync<RegionRow>(
            $"SELECT {RegionRow.Columns} FROM regions WHERE key = @normalized", new { normalized });
        if (region is null)
        {
            return ProblemSetup.NotFound("region", normalized);
        }

        var ancestors = await connection.QueryAsync<RegionRow>(
            $"""
            WITH RECURSIVE chain(key, depth) AS (
                SELECT parent_key, 1 FROM regions WHERE key = @normalized
                UNION ALL
                SELECT r.parent_key, chain.depth + 1 FROM regions r JOIN chain ON r.key = chain.key
                WHERE r.parent_key IS NOT NULL AND chain.depth < 10)
            SELECT {RegionRow.Columns} FROM regions JOIN chain USING (key) ORDER BY chain.depth
            """, new { normalized });
        var children = await connection.QueryAsync<RegionRow>(
            $"SELECT {RegionRow.Columns} FROM regions WHERE parent_key = @normalized ORDER BY key", new { normalized });

        return TypedResults.Ok(new RegionDetailResponse(
            region.ToResponse(),
            ancestors.Select(r => r.ToResponse()).ToList(),
            children.Select(r => r.ToResponse()).ToList()));
    }
}
