using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace NetworkDirectory.Api.Writes;

/// <summary>
/// ETags are the entity's version in quotes ("3"). Every write to an existing entity must send
/// If-Match with the ETag it read: none → 428, another → 412, so no update is ever lost.
/// </summary>
public static class ETag
{
    public static string Format(int version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    public static void Set(HttpContext http, int version) => http.Response.Headers.ETag = Format(version);

    /// <summary>If-Match: the strong comparison (RFC 9110 13.1.1), so a weak tag never matches; * matches any current version.</summary>
    public static bool MatchesStrongly(StringValues header, int version) =>
        EntityTagHeaderValue.TryParseList(header, out var tags)
        && tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(new EntityTagHeaderValue(Format(version)), useStrongComparison: true));

    public static ProblemHttpResult? Check(HttpContext http, int version)
    {
        var ifMatch = http.Request.Headers.IfMatch;
        if (ifMatch.Count == 0)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status428PreconditionRequired, title: "If-Match required",
                detail: $"Send the ETag you read with GET in an If-Match header (the current one is {Format(version)}), so that no colleague's change is overwritten.");
        }
        return MatchesStrongly(ifMatch, version) ? null : Stale(version);
    }

    public static ProblemHttpResult Stale(int version) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status412PreconditionFailed, title: "Changed by someone else",
            detail: $"The entry was changed since you read it (current ETag {Format(version)}). Read it again, re-apply your change and retry.");
}
