using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;

namespace NetworkDirectory.Api.Auth;

/// <summary>Who the server takes the caller to be: lets a client check its key or token.</summary>
public sealed record CallerResponse(string Name, string? Role, IReadOnlyList<string> Scope, string AuthenticatedBy, string? Id);

public static class CallerEndpoints
{
    public static IEndpointRouteBuilder MapCurrentCaller(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/me", GetCurrentCaller)
            .WithTags("Auth")
            .WithName("GetCurrentCaller")
            .WithSummary("Show the name, role and region scope of the presented key or token")
            .RequireAuthorization(Policies.Professional)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    public static Ok<CallerResponse> GetCurrentCaller(ClaimsPrincipal user)
    {
        var caller = Caller.From(user);
        return TypedResults.Ok(new CallerResponse(
            caller.Name ?? "unknown", caller.Role, caller.Scope,
            user.Identity?.AuthenticationType ?? "", user.FindFirstValue(ClaimTypes.NameIdentifier)));
    }
}
