using Microsoft.AspNetCore.Http.HttpResults;

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
                    ? $"Your key may change data in {string.Join(", ", caller.Scope)} only; this change concerns {(regions.Count == 0 ? "no region (admins only)" : string.Join(", ", regions))}."
                    : "Only coordinators and admins may change the directory.");
    }
}
