using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace NetworkDirectory.Tests.Probes;

/// <summary>A JSON property of a request body: its API name and its .NET type.</summary>
public sealed record BodyProperty(string Name, Type Type);

/// <summary>One operation of the running application: method, route pattern, declared query parameters and body properties.</summary>
public sealed partial record ApiOperation(string Method, RoutePattern Route, IReadOnlyList<string> QueryNames, IReadOnlyList<BodyProperty> BodyProperties)
{
    public IReadOnlyList<string> RouteNames => Route.Parameters.Select(p => p.Name).ToList();

    public override string ToString() => $"{Method} {Route.RawText}";

    /// <summary>The path with each route parameter replaced by its (escaped) value, in declaration order.</summary>
    public string Path(IReadOnlyList<string> values)
    {
        var path = new System.Text.StringBuilder();
        var next = 0;
        foreach (var segment in Route.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                path.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart => Uri.EscapeDataString(values[next++]),
                    _ => "",
                });
            }
        }
        return path.Length == 0 ? "/" : path.ToString();
    }

    /// <summary>
    /// Every operation from the application's own endpoint list (EndpointDataSource), with the query
    /// parameters and body shape that ApiExplorer knows for it. A PATCH whose body is a bare JSON
    /// object (merge patch) takes the properties of the PUT on the same route.
    /// </summary>
    public static IReadOnlyList<ApiOperation> From(IServiceProvider services)
    {
        var descriptions = services.GetRequiredService<IApiDescriptionGroupCollectionProvider>().ApiDescriptionGroups.Items
            .SelectMany(g => g.Items)
            .ToDictionary(d => Key(d.HttpMethod ?? "GET", d.RelativePath ?? ""), StringComparer.OrdinalIgnoreCase);
        var operations = new List<ApiOperation>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods.Where(m => m != "OPTIONS"))
            {
                descriptions.TryGetValue(Key(method, endpoint.RoutePattern.RawText ?? ""), out var description);
                var parameters = description?.ParameterDescriptions ?? [];
                var query = parameters.Where(p => p.Source == BindingSource.Query).Select(p => p.Name).ToList();
                var body = parameters.FirstOrDefault(p => p.Source == BindingSource.Body)?.Type;
                operations.Add(new ApiOperation(method, endpoint.RoutePattern, query, PropertiesOf(body)));
            }
        }
        return operations.Select(op => op.BodyProperties.Count > 0 || op.Method != "PATCH" ? op : op with
        {
            BodyProperties = operations.FirstOrDefault(o => o.Method == "PUT" && o.Route.RawText == op.Route.RawText)?.BodyProperties ?? [],
        }).ToList();
    }

    private static List<BodyProperty> PropertiesOf(Type? type) =>
        type is null || type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true
            ? []
            : type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Select(p => new BodyProperty(JsonNamingPolicy.CamelCase.ConvertName(p.Name), p.PropertyType)).ToList();

    private static string Key(string method, string path) =>
        method.ToUpperInvariant() + " " + Constraint().Replace(path.Trim('/'), "}");

    [GeneratedRegex(@"(:[^}]*)?\??\}")]
    private static partial Regex Constraint();
}
