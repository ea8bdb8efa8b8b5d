using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using NetworkDirectory.Api.Auth;
using NetworkDirectory.Api.Common;
using NetworkDirectory.Api.Data;
using NetworkDirectory.Api.Regions;
using NetworkDirectory.Api.Taxonomies;
using NetworkDirectory.Api.Writes;

namespace NetworkDirectory.Api.Agencies;

public static class AgencyEndpoints
{
    public const int MaxQueryLength = 100;

    public static IServiceCollection AddAgencies(this IServiceCollection services) =>
        services.AddWritable<AgencyResource, AgencyData>();

    /// <summary>Reads for everyone and the coordinators' writes (<see cref="AgencyWriteEndpoints"/>).</summary>
    public static IEndpointRouteBuilder MapAgencies(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/agencies").WithTags("Agencies");

        group.MapGet("/", ListAgencies)
            .WithName("ListAgencies")
            .WithSummary("Find agencies by kind, responsibility, exploitation form, region, language or text")
            .WithDescription("Ordered by name, then id; page with limit and offset. Filters combine with AND; responsibility, exploitationForm and region must hold for the same service.");

        group.MapGet("/{id}", GetAgency)
            .WithName("GetAgency")
            .WithSummary("Get an agency with its services, contacts and networks")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithDescription("Anonymous callers see public contacts; callers with a professional key also professional-only contacts (on-call numbers); coordinators and admins also internal contacts and notes. The ETag changes whenever this representation changes (its services and contacts included); to change the agency, read its write shape at /v1/agencies/{id}/data and send that ETag in If-Match.");

        group.MapPost("/batch", GetAgencyBatch)
            .WithName("GetAgencyBatch")
            .WithSummary("Get several agencies by id in one call")
            .WithDescription("For partner websites that keep a list of agency ids. Unknown ids are listed in `missing`.")
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        app.MapAgencyWrites();
        return app;
    }

    public static async Task<Results<Ok<Page<AgencySummary>>, ValidationProblem>> ListAgencies(
        SqliteConnectionFactory connections,
        HttpContext http,
        [Description("Agency kind code, e.g. youth_welfare_office.")] string? kind = null,
        [Description("Responsibility code, e.g. taking_into_care.")] string? responsibility = null,
        [Description("Exploitation form code, e.g. labour_exploitation. Services for all forms match too.")] string? exploitationForm = null,
        [Description("Region key the agency's coverage overlaps: " + RegionKey.Description)] string? region = null,
        [Description("BCP 47 language tag the agency or one of its public contacts offers, e.g. 'ar' or 'uk'.")] string? language = null,
        [Description("Text contained in the name, operator or city (at most 100 characters).")] string? q = null,
        [LimitDescription] int? limit = null,
        [OffsetDescription] int? offset = null,
        CancellationToken cancellationToken = default)
    {
        if (Paging.Check(limit, offset) is { } paging)
        {
            return ProblemSetup.Invalid(paging.Field, paging.Message);
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
        if (language is not null && !LanguageTag.IsWellFormed(language))
        {
            return ProblemSetup.Invalid("language", LanguageTag.Invalid(language));
        }
        if (q is not null && (q.Trim().Length == 0 || q.Length > MaxQueryLength))
        {
            return ProblemSetup.Invalid("q", $"q must hold 1 to {MaxQueryLength} characters.");
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        foreach (var (field, value, taxonomy) in new[]
                 {
                     ("kind", kind, Taxonomy.AgencyKinds),
                     ("responsibility", responsibility, Taxonomy.Responsibilities),
                     ("exploitationForm", exploitationForm, Taxonomy.ExploitationForms),
                 })
        {
            if (value is not null && !await taxonomy.ContainsAsync(connection, value))
            {
                return ProblemSetup.Invalid(field, taxonomy.Unknown(value));
            }
        }

        var take = limit ?? Paging.DefaultLimit;
        var skip = offset ?? 0;
        var filter = new AgencyFilter(kind, responsibility, exploitationForm, regionKey, language?.ToLowerInvariant(), q?.Trim());
        var (items, total) = await AgencyQueries.ListAsync(connection, filter, take, skip, Caller.From(http.User).Visibilities);
        return TypedResults.Ok(Paging.Create(items, total, take, skip));
    }

    public static async Task<Results<Ok<AgencyDetail>, ProblemHttpResult>> GetAgency(
        SqliteConnectionFactory connections,
        HttpContext http,
        [Description("Agency id, e.g. hh-ja-mitte.")] string id,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var agency = await AgencyQueries.GetAsync(connection, id, Caller.From(http.User));
        if (agency is null)
        {
            return ProblemSetup.NotFound("agency", id);
        }
        return TypedResults.Ok(agency);
    }

    public static async Task<Results<Ok<AgencyBatchResponse>, ValidationProblem>> GetAgencyBatch(
        SqliteConnectionFactory connections,
        AgencyBatchRequest request,
        CancellationToken cancellationToken = default)
    {
        if (request.Ids is not { Count: > 0 and <= Paging.MaxLimit } ids)
        {
            return ProblemSetup.Invalid("ids", $"ids must list 1 to {Paging.MaxLimit} agency ids.");
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        var found = await AgencyQueries.ByIdsAsync(connection, ids.Distinct().ToList());
        var missing = ids.Except(found.Select(a => a.Id)).Distinct().ToList();
        return TypedResults.Ok(new AgencyBatchResponse(found, missing));
    }
}

/// <summary>Agency ids to fetch, at most 200.</summary>
public sealed record AgencyBatchRequest(IReadOnlyList<string>? Ids);

/// <summary>The agencies found, in list order, and the ids that do not exist.</summary>
public sealed record AgencyBatchResponse(IReadOnlyList<AgencySummary> Items, IReadOnlyList<string> Missing);
