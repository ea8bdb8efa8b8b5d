using Microsoft.AspNetCore.Mvc;

namespace NetworkDirectory.Api.Auth;

internal static class AuthProblems
{
    public const string Realm = "NetworkDirectory";
    public const string HowToSend = "Send Authorization: ApiKey <key> (or the header X-Api-Key: <key>).";

    public static async Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}
