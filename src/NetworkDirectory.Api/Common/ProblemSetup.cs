using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace NetworkDirectory.Api.Common;

public static partial class ProblemSetup
{
    /// <summary>
    /// Every non-2xx answer is application/problem+json and carries the request's correlation id.
    /// Query values that fail to bind (limit=abc) become a 400 validation problem keyed by the parameter.
    /// </summary>
    public static IServiceCollection AddApiProblems(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions["correlationId"] = Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
        });
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        // Binding failures throw so that the handler above can name the parameter.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }

    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>A 404 written as application/problem+json (declare it with ProducesProblem(404)).</summary>
    public static ProblemHttpResult NotFound(string what, string id) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: "Not found",
            detail: $"No {what} with id '{id}' exists.");

    /// <summary>The field a JSON error concerns ("body" when none) and a message without .NET type names.</summary>
    public static (string Field, string Message) DescribeJsonError(System.Text.Json.JsonException json) =>
        (json.Path is { Length: > 1 } path ? path.TrimStart('$', '.') : "body", JsonMessage(json));

    private static string JsonMessage(System.Text.Json.JsonException json) =>
        json.Message.Contains("could not be mapped", StringComparison.Ordinal)
            ? $"{json.Path?.TrimStart('$', '.')} is not a known property of this request."
            : json.Message.Split(" Path:", 2)[0];

    private static string UnwrapNullable(string type) =>
        type.StartsWith("Nullable<", StringComparison.Ordinal) ? type["Nullable<".Length..^1] : type.TrimEnd('?');

    [GeneratedRegex(""""parameter "(?<type>[^"]+?) (?<name>[A-Za-z0-9_]+)" from "(?<value>[^"]*)"."""")]
    private static partial Regex BindFailure();

    private sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            if (exception is not BadHttpRequestException bad)
            {
                return false;
            }

            httpContext.Response.StatusCode = bad.StatusCode;
            ProblemDetails problem;
            var match = BindFailure().Match(bad.Message);
            if (bad.InnerException is System.Text.Json.JsonException json)
            {
                // Malformed JSON, a wrong type or an unknown property: name the JSON path.
                var (field, message) = DescribeJsonError(json);
                problem = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
                {
                    Status = bad.StatusCode,
                    Title = "One or more request values are invalid.",
                };
            }
            else if (match.Success)
            {
                var name = match.Groups["name"].Value;
                var type = UnwrapNullable(match.Groups["type"].Value) switch
                {
                    "int" or "long" or "Int32" or "Int64" => "a whole number",
                    "bool" => "true or false",
                    "DateTimeOffset" or "DateTime" => "an ISO 8601 date and time",
                    "DateOnly" => "an ISO 8601 date (yyyy-MM-dd)",
                    var other => $"a value of type {other}",
                };
                problem = new HttpValidationProblemDetails(new Dictionary<string, string[]>
                {
                    [name] = [$"'{match.Groups["value"].Value}' is not {type}."],
                }) { Status = bad.StatusCode, Title = "One or more request values are invalid." };
            }
            else
            {
                problem = new ProblemDetails { Status = bad.StatusCode, Title = "Bad request", Detail = bad.Message };
            }

            return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
        }
    }
}
