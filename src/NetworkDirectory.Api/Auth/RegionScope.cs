using Microsoft.AspNetCore.Http.HttpResults;
using NetworkDirectory.Api.Regions;

namespace NetworkDirectory.Api.Auth;

/// <summary>Who may change what: coordinators within the Länder or Kreise of their scope, admins everywhere.</summary>
public static class RegionScope
{
    /// <summary>Null when the caller may change data concerning all of <paramref name="regions"/> (none: admins only); else the 403 problem saying why not.</summary>
    public static ProblemHttpResult? OutOfScope(Caller caller, IReadOnlyList<string> regions)
    {
        var allowed = regions.Count == 0 ? caller.IsAdmin : regions.All(caller.MayWrite);
        return allowed
            ? null
            : TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden, title: "Outside your region",
                detail: caller.IsCoordinator
                    ? $"Your key may change data in {string.Join(", ", caller.Scope)} only; this change concerns {Concerned(caller, regions)}.{(regions.Contains(RegionKey.Country) ? NationwideNote : "")}"
                    : "Only coordinators and admins may change the directory.");
    }

    private const string NationwideNote =
        " DE stands for nationwide data and for a coverage polygon that reaches beyond the imported boundaries (or is set while none are imported): admins only.";

    /// <summary>The regions outside the caller's scope first, so the reason is the first thing read.</summary>
    private static string Concerned(Caller caller, IReadOnlyList<string> regions) =>
        regions.Count == 0
            ? "no region (admins only)"
            : string.Join(", ", regions.OrderBy(caller.MayWrite).ThenBy(r => r, StringComparer.Ordinal));
}
