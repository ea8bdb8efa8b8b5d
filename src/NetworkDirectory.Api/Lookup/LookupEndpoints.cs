using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using NetworkDirectory.Api.Auth;
using NetworkDirectory.Api.Common;
using NetworkDirectory.Api.Regions;
using NetworkDirectory.Api.Schedules;

namespace NetworkDirectory.Api.Lookup;

public static class LookupEndpoints
{
    public static IEndpointRouteBuilder MapLookup(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/v1/lookup").WithTags("Lookup")
            .MapGet("/", Lookup)
            .WithName("Lookup")
            .WithSummary("Who handles it here, now: the responsible agencies at a place and the contact that answers")
            .WithDescription("""
                Give exactly one location: lat+lon, postalCode, regionKey or a place name q. For each responsibility
                (default: the acute-intervention set) the answer lists the agencies responsible at the most specific
                coverage, the contact reachable at `at` (on-call duty when the office is closed), when that changes,
                fallbacks (Land-level or nationwide services, 110) and an explanation. A responsibility nobody covers
                is reported as a gap.
                """)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    public static Results<LookupJsonResult, ValidationProblem, ProblemHttpResult> Lookup(
        DirectorySnapshotHolder directory, PlaceResolver places, ScheduleEvaluator schedules, AnswerCache answers, LookupMetrics metrics, TimeProvider clock, HttpContext http,
        [Description("Latitude in WGS84 (with lon).")] double? lat = null,
        [Description("Longitude in WGS84 (with lat).")] double? lon = null,
        [Description("German postal code (5 digits). A code can span several Gemeinden or Kreise: every candidate is listed.")] string? postalCode = null,
        [Description(RegionKey.Description)] string? regionKey = null,
        [Description("Place name (Gemeinde, Kreis or Land), e.g. 'Traunstein'. Case, umlauts (ü, ue), ß/ss and 'St.'/'Sankt' do not matter, a leading 'Landkreis', 'Kreis' or 'Stadt' is optional; exact names first, then names that begin with it ('Halle (Saale)'). At most 10 candidates are listed: candidatesTotal says how many match.")] string? q = null,
        [Description("Responsibility codes, repeated or comma-separated; default: the acute-intervention set (see /v1/taxonomies, acute=true).")] string[]? responsibility = null,
        [Description("Exploitation form code; only services for this form (or all forms) count.")] string? exploitationForm = null,
        [Description("Age of the person concerned, 0–120.")] int? age = null,
        [Description("true for an unaccompanied minor; false skips services only for unaccompanied minors.")] bool? unaccompanied = null,
        [Description("BCP 47 language tag; agencies offering it rank first among equals.")] string? language = null,
        [Description("When: ISO 8601 with offset, or local Europe/Berlin time without one ('2026-11-28T02:00'). Default: now.")] string? at = null)
    {
        var snapshot = directory.Current;
        var request = LookupRequest.Validate(snapshot, lat, lon, postalCode, regionKey, q, responsibility, exploitationForm, age, language, at, clock.GetUtcNow());
        if (request.Error is { } error)
        {
            return ProblemSetup.Invalid(error.Field, error.Message);
        }
        var criteria = new LookupCriteria(request.Responsibilities, exploitationForm, age, unaccompanied, language?.ToLowerInvariant(), request.At, Caller.From(http.User).Visibilities);

        var resolved = LookupRequest.Resolve(snapshot, places, lat, lon, postalCode, request.RegionKey, q);
        if (resolved.Problem is { } problem)
        {
            if (problem.StatusCode == StatusCodes.Status422UnprocessableEntity)
            {
                foreach (var code in criteria.Responsibilities)
                {
                    metrics.Answered(code, LookupMetrics.OutsideCoverage);
                }
            }
            return problem;
        }
        var (place, location) = resolved.Place!.Value;
        if (request.TimeNote is { } timeNote)
        {
            location = location with { Notes = [.. location.Notes, timeNote] };
        }

        AnswerCache.Answer[] results;
        if (location.Ambiguous)
        {
            // Marked against the other candidates: built for this request only.
            var built = new List<ResponsibilityAnswer>(criteria.Responsibilities.Count);
            foreach (var code in criteria.Responsibilities)
            {
                built.Add(AnswerBuilder.Answer(snapshot, place, criteria, code, schedules));
            }
            results = Candidates.MarkVariation(snapshot, location.Candidates, criteria, built, schedules).Select(a => new AnswerCache.Answer(answers.Create(a), [])).ToArray();
        }
        else
        {
            results = answers.Answers(snapshot, place, criteria, schedules);
        }
        DateTimeOffset? nextChange = null;
        var containsSample = false;
        for (var i = 0; i < results.Length; i++)
        {
            var result = results[i];
            metrics.Answered(criteria.Responsibilities[i], result.Status);
            containsSample |= result.ContainsSample;
            if (result.NextChange is { } change && (nextChange is null || change < nextChange))
            {
                nextChange = change;
            }
        }
        if (at is null && nextChange is { } next)
        {
            CacheHeaders.ValidUntil(http, criteria.At, next);
        }
        return new LookupJsonResult(criteria.At, location, results, EmergencyNumbers, containsSample, answers);
    }

    private static readonly IReadOnlyList<EmergencyNumber> EmergencyNumbers =
    [
        new("110", "Polizei-Notruf", "Police emergency"),
        new("112", "Feuerwehr und Rettungsdienst", "Fire brigade and ambulance"),
    ];
}
