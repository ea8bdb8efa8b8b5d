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
        // Bodies that cannot be read (and nulls inside lists) become field errors; see RequestJson.
        services.AddRequestJson();
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
    public static (string Field, string Message) DescribeJsonError(System.Text.Json.JsonException json) => RequestJson.Describe(json);

    private static string UnwrapNullable(string type) =>
        type.StartsWith("Nullable<", StringComparison.Ordinal) ? type["Nullable<".Length..^1] : type.TrimEnd('?');

    [GeneratedRegex(""""parameter "(?<type>[^"]+?) (?<name>[A-Za-z0-9_]+)" from "(?<value>[^"]*)"."""")]
    private static partial Regex BindFailure();

    [GeneratedRegex(""""parameter "[^"]+? (?<name>[A-Za-z0-9_]+)" was not provided from (?<source>[a-z ]+)"""")]
    private static partial Regex Missing();

    private static HttpValidationProblemDetails Invalid(int status, string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] }) { Status = status, Title = "One or more request values are invalid." };

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
                    "double" or "Double" or "decimal" or "Decimal" or "float" => "a number",
                    "bool" or "Boolean" => "true or false",
                    "DateTimeOffset" or "DateTime" => "an ISO 8601 date and time",
                    "DateOnly" => "an ISO 8601 date (yyyy-MM-dd)",
                    "TimeOnly" => "a time (HH:mm)",
                    _ => "a valid value",
                };
                problem = new HttpValidationProblemDetails(new Dictionary<string, string[]>
                {
                    [name] = [$"'{match.Groups["value"].Value}' is not {type}."],
                }) { Status = bad.StatusCode, Title = "One or more request values are invalid." };
            }
            else if (bad.StatusCode == StatusCodes.Status415UnsupportedMediaType)
            {
                problem = new ProblemDetails { Status = bad.StatusCode, Title = "Unsupported media type", Detail = "Send the body as JSON, with Content-Type: application/json." };
            }
            else if (bad.Message.Contains("no body was provided", StringComparison.Ordinal)
                     || Missing().Match(bad.Message) is { Success: true, Groups: var missingBody } && missingBody["source"].Value.StartsWith("body", StringComparison.Ordinal))
            {
                problem = Invalid(bad.StatusCode, "body", "A JSON body is required.");
            }
            else if (Missing().Match(bad.Message) is { Success: true } missing)
            {
                // The framework's message names the parameter's .NET type: say what is missing in API terms.
                problem = Invalid(bad.StatusCode, missing.Groups["name"].Value, $"{missing.Groups["name"].Value} is required.");
            }
            else
            {
                problem = new ProblemDetails { Status = bad.StatusCode, Title = "Bad request", Detail = "The request could not be read." };
            }

            return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
        }
    }
}
