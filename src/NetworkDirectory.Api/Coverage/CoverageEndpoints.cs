using System.ComponentModel;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using NetworkDirectory.Api.Auth;
using NetworkDirectory.Api.Common;
using NetworkDirectory.Api.Lookup;
using NetworkDirectory.Api.Maps;
using NetworkDirectory.Api.Regions;
using NetworkDirectory.Api.Schedules;

namespace NetworkDirectory.Api.Coverage;

/// <summary>
/// The coverage report of a Land or Kreis for its coordinators and admins (the same scope rule as
/// the freshness report: a region overlapping the coordinator's scope). The findings name agencies
/// and keys only, never a contact's value, so an internal number cannot leak through it.
/// </summary>
public static class CoverageEndpoints
{
    public const string GeoJsonMediaType = "application/geo+json";

    public static IServiceCollection AddCoverageReports(this IServiceCollection services) => services.AddSingleton<CoverageReportMaps>();

    public static IEndpointRouteBuilder MapCoverageReports(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/regions").WithTags("Coverage").RequireAuthorization(Policies.Coordinator);
        group.MapGet("/{key}/coverage-report", GetCoverageReport)
            .WithName("GetRegionCoverageReport")
            .WithSummary("Where a Land's or Kreis' core responsibilities are missing, ambiguous, on old keys or unreachable off hours")
            .WithDescription("""
                For each core (acute) responsibility, worked out with the lookup's own matching: `gap` — a Kreis (or, when only some of
                its Gemeinden have coverage of their own, a Gemeinde) where a lookup finds no agency; `ambiguous` — several agencies at
                the same specificity and priority, so a lookup picks one by name (one inherited from a Land's or the nationwide coverage is
                reported once, at that key); `stale_key` — coverage on a key the imported boundaries
                no longer hold, with its successor; `no_off_hours_contact` — a responsible agency with no public or professional contact
                staffed at one or more of 14 off-hours instants of the coming week (03:00 nightly, 20:00 on weekdays, 12:00 at weekends,
                Europe/Berlin). Contact values are never shown.
                """)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{key}/coverage-report/geojson", GetCoverageReportMap)
            .WithName("GetRegionCoverageReportMap")
            .WithSummary("The coverage report of a Land or Kreis as a map (GeoJSON)")
            .WithDescription("""
                The same findings as the coverage report, as an RFC 7946 FeatureCollection (WGS84 longitude/latitude, exterior rings
                counter-clockwise, 6 decimals): one feature per Gemeinde, Kreis or old key with findings, its imported boundary simplified
                by `tolerance`, its findings and their kinds as properties. A key without an imported boundary (an old key of a stale_key
                finding, a region before any boundary import) has geometry null and is listed in `boundariesMissing`. Show `attribution`
                with the map.
                """)
            .Produces<CoverageReportMap>(StatusCodes.Status200OK, GeoJsonMediaType)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static Results<Ok<CoverageReport>, ValidationProblem, ProblemHttpResult> GetCoverageReport(
        DirectorySnapshotHolder directory, ScheduleEvaluator schedules, TimeProvider clock, ClaimsPrincipal user,
        [Description("A Land (2 digits) or Kreis (5 digits) key, e.g. '09' or '09162'.")] string key) =>
        Report(directory, schedules, clock, user, key) switch
        {
            (CoverageReport report, _) => TypedResults.Ok(report),
            (_, ValidationProblem invalid) => invalid,
            (_, var problem) => (ProblemHttpResult)problem!,
        };

    public static async Task<Results<JsonHttpResult<CoverageReportMap>, ValidationProblem, ProblemHttpResult>> GetCoverageReportMap(
        DirectorySnapshotHolder directory, ScheduleEvaluator schedules, CoverageReportMaps maps, TimeProvider clock, ClaimsPrincipal user,
        [Description("A Land (2 digits) or Kreis (5 digits) key, e.g. '09' or '09162'.")] string key,
        [Description("Simplification tolerance in metres, 0–5000 (0: as imported); default 250.")] int? tolerance = null,
        CancellationToken cancellationToken = default)
    {
        if (tolerance is { } t && t is < MapGeometry.MinTolerance or > MapGeometry.MaxTolerance)
        {
            return ProblemSetup.Invalid("tolerance", $"tolerance {t} is out of range: use {MapGeometry.MinTolerance} to {MapGeometry.MaxTolerance} metres.");
        }
        switch (Report(directory, schedules, clock, user, key))
        {
            case (CoverageReport report, _):
                var map = await maps.BuildAsync(report, tolerance ?? MapGeometry.DefaultTolerance, cancellationToken);
                return TypedResults.Json(map, contentType: GeoJsonMediaType);
            case (_, ValidationProblem invalid):
                return invalid;
            case (_, var problem):
                return (ProblemHttpResult)problem!;
        }
    }

    /// <summary>The report for a Land or Kreis the caller may read, or the problem why not.</summary>
    private static (CoverageReport? Report, IResult? Problem) Report(
        DirectorySnapshotHolder directory, ScheduleEvaluator schedules, TimeProvider clock, ClaimsPrincipal user, string key)
    {
        if (!RegionKey.TryNormalize(key, out var regionKey))
        {
            return (null, ProblemSetup.Invalid("key", RegionKey.Invalid(key)));
        }
        if (RegionKey.LevelOf(regionKey) is not ("land" or "kreis"))
        {
            return (null, ProblemSetup.Invalid("key", $"'{key}' is not a Land or Kreis key: the coverage report is made for a Land (2 digits) or a Kreis (5 digits)."));
        }
        var snapshot = directory.Current;
        if (!snapshot.Regions.TryGetValue(regionKey, out var region))
        {
            return (null, ProblemSetup.NotFound("region", regionKey));
        }
        var caller = Caller.From(user);
        if (!MayRead(caller, regionKey))
        {
            return (null, TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden, title: "Outside your region",
                detail: caller.IsCoordinator
                    ? $"Region {regionKey} does not overlap your region scope ({(caller.Scope.Count == 0 ? "none" : string.Join(", ", caller.Scope))})."
                    : "Only coordinators and admins may read coverage reports."));
        }
        return (CoverageAnalysis.Analyze(snapshot, schedules, region, clock.GetUtcNow()), null);
    }

    /// <summary>The freshness report's rule: admins anywhere, a coordinator for a region inside or containing their scope.</summary>
    private static bool MayRead(Caller caller, string regionKey) =>
        caller.IsAdmin
        || (caller.Role == Roles.Coordinator
            && caller.Scope.Any(s => regionKey.StartsWith(s, StringComparison.Ordinal) || s.StartsWith(regionKey, StringComparison.Ordinal)));
}
