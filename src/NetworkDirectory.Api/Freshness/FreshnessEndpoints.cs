using System.ComponentModel;
using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using NetworkDirectory.Api.Auth;
using NetworkDirectory.Api.Common;
using NetworkDirectory.Api.Data;
using NetworkDirectory.Api.Regions;
using NetworkDirectory.Api.Reports;

namespace NetworkDirectory.Api.Freshness;

/// <summary>
/// The freshness report for coordinators. Scope: admins may ask for any region including 'DE';
/// a coordinator for any Land, Regierungsbezirk or Kreis that overlaps their scope — inside it, or
/// containing it (a Kreis coordinator sees the report of their Land). The report holds directory
/// data only (names, verification dates, coverage), never audit content.
/// </summary>
public static class FreshnessEndpoints
{
    public static IEndpointRouteBuilder MapFreshness(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/regions").WithTags("Freshness").RequireAuthorization(Policies.Coordinator);

        group.MapGet("/{key}/freshness", GetFreshness)
            .WithName("GetRegionFreshness")
            .WithSummary("How current a region's networks are, which entries are stale and where core services are missing")
            .WithDescription(
                "Per network overlapping the region (and for the region's agencies in no network): agencies, contacts, the share of " +
                "agencies verified within 6 and 12 months and the agencies not verified for more than 12 months. Contacts have no " +
                "verification date of their own: a contact counts as verified when its agency is. Gaps list the Kreise of the region " +
                "without a service for a core (acute) responsibility, counting coverage of the Kreis, its Gemeinden, its " +
                "Regierungsbezirk, its Land or all of Germany. openReports counts the network's open reports from the field (GET /v1/reports); " +
                "coverageReport links to the Land's or Kreis' coverage report (ambiguous and stale coverage, agencies unreachable off hours).")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }

    public static async Task<Results<Ok<FreshnessReport>, ValidationProblem, ProblemHttpResult>> GetFreshness(
        SqliteConnectionFactory connections,
        TimeProvider clock,
        ClaimsPrincipal user,
        [Description("'DE' (admins), a Land (2 digits), Regierungsbezirk (3) or Kreis (5) key, e.g. '09' or '09162'.")] string key,
        CancellationToken cancellationToken = default)
    {
        if (!RegionKey.TryNormalize(key, out var regionKey))
        {
            return ProblemSetup.Invalid("key", RegionKey.Invalid(key));
        }
        if (RegionKey.LevelOf(regionKey) == "gemeinde")
        {
            return ProblemSetup.Invalid("key", $"'{key}' is a Gemeinde: the report is made for 'DE', a Land, Regierungsbezirk or Kreis.");
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        var region = await connection.QuerySingleOrDefaultAsync<(string Name, string Level)>(
            "SELECT name, level FROM regions WHERE key = @regionKey", new { regionKey });
        if (region == default)
        {
            return ProblemSetup.NotFound("region", regionKey);
        }
        var caller = Caller.From(user);
        if (!MayRead(caller, regionKey))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden, title: "Outside your region",
                detail: caller.IsCoordinator
                    ? $"Region {regionKey} does not overlap your region scope ({(caller.Scope.Count == 0 ? "none" : string.Join(", ", caller.Scope))})."
                    : "Only coordinators and admins may read freshness reports.");
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var networks = await FreshnessQueries.NetworksAsync(connection, regionKey);
        var loose = await FreshnessQueries.AgenciesInNoNetworkAsync(connection, regionKey);
        var entries = networks.Select(n => FreshnessMath.Summarize(n.Id, n.Name, n.Members, today))
            .Append(FreshnessMath.Summarize(null, FreshnessMath.NoNetworkName, loose, today))
            .ToList();
        var openReports = await FieldReportQueries.OpenByAgencyAsync(connection, networks.SelectMany(n => n.Members).Concat(loose).Select(a => a.Id));
        var members = networks.Select(n => n.Members).Append(loose).ToList();
        entries = entries.Select((entry, i) => entry with { OpenReports = members[i].Sum(a => openReports.GetValueOrDefault(a.Id)) }).ToList();
        var gaps = await FreshnessQueries.GapsAsync(connection, regionKey);
        return TypedResults.Ok(new FreshnessReport(regionKey, region.Name, region.Level, today, entries, gaps,
            region.Level is "land" or "kreis" ? $"/v1/regions/{regionKey}/coverage-report" : null));
    }

    private static bool MayRead(Caller caller, string regionKey) =>
        caller.IsAdmin
        || (caller.Role == Roles.Coordinator && regionKey != RegionKey.Country
            && caller.Scope.Any(s => regionKey.StartsWith(s, StringComparison.Ordinal) || s.StartsWith(regionKey, StringComparison.Ordinal)));
}
