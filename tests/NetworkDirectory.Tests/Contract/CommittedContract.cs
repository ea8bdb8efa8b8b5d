using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace NetworkDirectory.Tests.Contract;

/// <summary>
/// The committed contract (openapi/networkdirectory.v1.json, OpenAPI 3.1), read once per test run:
/// finds the operation of a request and validates values against its JSON Schemas (2020-12).
/// </summary>
public sealed class CommittedContract
{
    public static readonly string Path = System.IO.Path.Combine(RepositoryRoot(), "openapi", "networkdirectory.v1.json");

    private static readonly Lazy<CommittedContract> Loaded = new(() => new CommittedContract(File.ReadAllText(Path)));

    public static CommittedContract Instance => Loaded.Value;

    private const string ComponentsBase = "https://contract.networkdirectory.test/components";
    private readonly JsonObject _document;
    private readonly BuildOptions _build = new() { SchemaRegistry = new SchemaRegistry() };
    private readonly Dictionary<string, JsonSchema> _schemas = [];
    private readonly Lock _lock = new();
    private readonly List<(string Template, string[] Segments)> _paths;

    private CommittedContract(string json)
    {
        _document = JsonNode.Parse(json)!.AsObject();
        var defs = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = ComponentsBase,
            ["$defs"] = Rewrite(_document["components"]!["schemas"]!.DeepClone()),
        };
        JsonSchema.Build(JsonSerializer.SerializeToElement(defs), _build);
        _paths = _document["paths"]!.AsObject().Select(p => (p.Key, p.Key.Trim('/').Split('/'))).ToList();
    }

    public JsonObject Document => _document;

    /// <summary>The path template of a request path, preferring literal segments (/v1/agencies/batch over /v1/agencies/{id}).</summary>
    public string? FindPath(string path)
    {
        var segments = path.Trim('/').Split('/');
        return _paths
            .Where(p => p.Segments.Length == segments.Length
                && p.Segments.Zip(segments).All(s => s.First.StartsWith('{') || string.Equals(s.First, s.Second, StringComparison.Ordinal)))
            .OrderByDescending(p => p.Segments.Count(s => !s.StartsWith('{')))
            .Select(p => p.Template)
            .FirstOrDefault();
    }

    public JsonObject? Operation(string template, string method) => _document["paths"]![template]![method.ToLowerInvariant()] as JsonObject;

    /// <summary>Follows a local $ref (#/components/...) to what it names.</summary>
    public JsonNode Resolve(JsonNode node)
    {
        while (node is JsonObject o && o["$ref"]?.GetValue<string>() is { } reference)
        {
            node = reference.TrimStart('#', '/').Split('/').Aggregate((JsonNode)_document, (n, part) => n[part.Replace("~1", "/").Replace("~0", "~")]!);
        }
        return node;
    }

    /// <summary>Validation errors of <paramref name="value"/> against a schema of the document, empty when it is valid.</summary>
    public IReadOnlyList<string> Validate(JsonNode schema, JsonElement value)
    {
        var text = schema.ToJsonString();
        JsonSchema compiled;
        lock (_lock)
        {
            if (!_schemas.TryGetValue(text, out compiled!))
            {
                var root = Rewrite(schema.DeepClone()) as JsonObject ?? new JsonObject();
                root["$schema"] = "https://json-schema.org/draft/2020-12/schema";
                root["$id"] = $"https://contract.networkdirectory.test/schema/{_schemas.Count}";
                compiled = JsonSchema.Build(JsonSerializer.SerializeToElement(root), _build);
                _schemas[text] = compiled;
            }
        }
        var results = compiled.Evaluate(value, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            return [];
        }
        return (results.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Value}"))
            .DefaultIfEmpty("invalid")
            .Take(8)
            .ToList();
    }

    /// <summary>Points #/components/schemas/X at the shared $defs resource.</summary>
    private static JsonNode? Rewrite(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, child) in o.ToList())
                {
                    if (key == "$ref" && child?.GetValue<string>() is { } reference && reference.StartsWith("#/components/schemas/", StringComparison.Ordinal))
                    {
                        o[key] = ComponentsBase + "#/$defs/" + reference["#/components/schemas/".Length..];
                    }
                    else
                    {
                        Rewrite(child);
                    }
                }
                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    Rewrite(child);
                }
                break;
        }
        return node;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "NetworkDirectory.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("NetworkDirectory.sln not found above " + AppContext.BaseDirectory);
    }
}
