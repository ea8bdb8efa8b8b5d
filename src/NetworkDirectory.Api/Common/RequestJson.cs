using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;

namespace NetworkDirectory.Api.Common;

/// <summary>
/// How request bodies are read and how a body that cannot be read is described: by the field's path in
/// API terms (members[0], address.postalCode) and a plain reason, never System.Text.Json's own message,
/// which names .NET types. A null inside a list (ids: [null]) is refused while reading, so no handler sees one.
/// </summary>
public static partial class RequestJson
{
    public static IServiceCollection AddRequestJson(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolver =
            (options.SerializerOptions.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(RejectNullElements));

    /// <summary>The field a JSON error concerns ("body" when none) and a sentence without .NET type names.</summary>
    public static (string Field, string Message) Describe(JsonException json)
    {
        var field = FieldOf(json.Path);
        if (json is NullElementException nullElement)
        {
            var element = field == "body" ? nullElement.Element : $"{field}.{nullElement.Element}";
            return (element, $"{element} must not be null.");
        }
        if (json.Message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            return (field, $"{field} is not a known property of this request.");
        }
        if (Conversion().Match(json.Message) is { Success: true } conversion)
        {
            // The serializer names the declaring record for a constructor parameter; the inner exception knows the expected token.
            return (field, $"{field} must be {ExpectedToken(json.InnerException) ?? Expected(conversion.Groups["type"].Value)}.");
        }
        if (Duplicate().Match(json.Message) is { Success: true } duplicate)
        {
            var name = field == "body" ? duplicate.Groups["name"].Value : field;
            return (name, $"{name} appears more than once.");
        }
        if (json.Message.Contains("maximum configured depth", StringComparison.Ordinal))
        {
            return ("body", "The body is nested too deeply.");
        }
        var at = json.LineNumber is { } line ? $" (line {line + 1}, position {json.BytePositionInLine + 1})" : "";
        return (field, $"The body is not valid JSON{at}.");
    }

    private static string FieldOf(string? path) =>
        path is null or "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    private static string Expected(string type) => type switch
    {
        _ when type.Contains("List`", StringComparison.Ordinal) || type.EndsWith("[]", StringComparison.Ordinal) => "an array",
        _ when type.Contains("System.String", StringComparison.Ordinal) => "a string",
        _ when type.Contains("System.Int", StringComparison.Ordinal) => "a whole number",
        _ when type.Contains("System.Double", StringComparison.Ordinal) || type.Contains("System.Decimal", StringComparison.Ordinal) => "a number",
        _ when type.Contains("System.Boolean", StringComparison.Ordinal) => "true or false",
        _ when type.Contains("System.DateOnly", StringComparison.Ordinal) => "a date (yyyy-MM-dd)",
        _ when type.Contains("System.DateTime", StringComparison.Ordinal) => "an ISO 8601 date and time",
        _ when type.Contains("System.TimeOnly", StringComparison.Ordinal) => "a time (HH:mm)",
        _ => "a JSON object",
    };

    private static string? ExpectedToken(Exception? inner) => inner switch
    {
        InvalidOperationException when Token().Match(inner.Message) is { Success: true } token => token.Groups["kind"].Value switch
        {
            "string" => "a string",
            "boolean" => "true or false",
            _ => "a number",
        },
        FormatException when inner.Message.Contains("out of bounds", StringComparison.Ordinal) => "a number (within range)",
        FormatException when inner.Message.Contains("DateOnly", StringComparison.Ordinal) => "a date (yyyy-MM-dd)",
        FormatException when inner.Message.Contains("TimeOnly", StringComparison.Ordinal) => "a time (HH:mm)",
        FormatException when inner.Message.Contains("Date", StringComparison.Ordinal) => "an ISO 8601 date and time",
        FormatException => "a value in the documented format",
        _ => null,
    };

    [GeneratedRegex(@"token type '\w+' as an? (?<kind>\w+)")]
    private static partial Regex Token();

    [GeneratedRegex(@"[Dd]uplicate property '?(?<name>[^' ]*)'?")]
    private static partial Regex Duplicate();

    [GeneratedRegex(@"could not be converted to (?<type>\S+?)\.(\s|$)")]
    private static partial Regex Conversion();

    private static void RejectNullElements(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object || info.Type.Namespace?.StartsWith("NetworkDirectory", StringComparison.Ordinal) != true)
        {
            return;
        }
        var lists = info.Properties.Where(p => p.PropertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(p.PropertyType) && p.Get is not null).ToList();
        if (lists.Count == 0)
        {
            return;
        }
        var previous = info.OnDeserialized;
        info.OnDeserialized = value =>
        {
            previous?.Invoke(value);
            foreach (var list in lists)
            {
                var index = 0;
                foreach (var item in list.Get!(value) as IEnumerable ?? Array.Empty<object>())
                {
                    if (item is null)
                    {
                        throw new NullElementException($"{list.Name}[{index}]");
                    }
                    index++;
                }
            }
        };
    }

    /// <summary>A list that holds a null where an element was expected; the path of the list comes from the serializer.</summary>
    private sealed class NullElementException(string element) : JsonException($"{element} must not be null.")
    {
        public string Element { get; } = element;
    }
}
