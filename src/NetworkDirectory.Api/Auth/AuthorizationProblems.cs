using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;

namespace NetworkDirectory.Api.Auth;

/// <summary>A 403 says which role the caller has and which one the endpoint needs; a 401 is left to the scheme's challenge.</summary>
internal sealed class AuthorizationProblems : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!authorizeResult.Forbidden)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }
        var role = Caller.From(context.User).Role ?? "none";
        var needed = policy.Requirements.OfType<RolesAuthorizationRequirement>().SelectMany(r => r.AllowedRoles).Distinct().ToList();
        var detail = needed.Count > 0
            ? $"Your role '{role}' may not {context.Request.Method} {context.Request.Path}: it needs the role {string.Join(" or ", needed)}."
            : $"Your role '{role}' may not {context.Request.Method} {context.Request.Path}.";
        await AuthProblems.WriteAsync(context, StatusCodes.Status403Forbidden, "Forbidden", detail);
    }
}
