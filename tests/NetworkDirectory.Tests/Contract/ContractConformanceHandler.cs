using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;

namespace NetworkDirectory.Tests.Contract;

/// <summary>
/// Sits in every test client (<see cref="ApiFactory.CreateClient"/>, <see cref="ContractClients.CreateCheckedClient"/>)
/// and checks each response the test receives against the committed contract: the path and method
/// are an operation, the status is declared for it, the content type is declared for that status,
/// the headers the API speaks with (ETag, Location, Retry-After, RateLimit, RateLimit-Policy) are
/// declared where they are sent and match their schema, and the body validates against the schema.
/// A violation throws, so the test that received the response fails with operation, status and error.
/// <para>
/// Exempt, and nothing else: a request the test marked with <see cref="ContractClients.OffContract"/>
/// (it sends something deliberately outside the contract: an unknown route, a method the path does
/// not have, a malformed request that the platform rejects before any endpoint), and the
/// documentation itself (/swagger/…), which is not part of the API it describes.
/// </para>
/// </summary>
public sealed class ContractConformanceHandler : DelegatingHandler
{
    private static readonly HttpRequestOptionsKey<string> OffContractKey = new("contract.off-contract");

    /// <summary>The headers whose presence the contract must declare where the API sends them.</summary>
    private static readonly string[] SpokenHeaders = ["ETag", "Location", "Retry-After", "RateLimit", "RateLimit-Policy"];

    private static int _validated;

    /// <summary>Responses validated so far in this test run.</summary>
    public static int Validated => _validated;

    internal static void MarkOffContract(HttpRequestMessage request, string reason) => request.Options.Set(OffContractKey, reason);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var path = request.RequestUri!.AbsolutePath;
        if (request.Options.TryGetValue(OffContractKey, out _) || path.StartsWith("/swagger", StringComparison.Ordinal))
        {
            return response;
        }
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var violations = await CheckAsync(request, response, path);
        if (violations.Count > 0)
        {
            throw new ContractViolationException(
                $"{request.Method} {request.RequestUri.PathAndQuery} answered {(int)response.StatusCode}, which the contract " +
                $"(openapi/networkdirectory.v1.json) does not allow:\n  - {string.Join("\n  - ", violations)}\n" +
                "Fix the contract (or the app where the app is wrong); mark deliberately off-contract requests with ContractClients.OffContract.");
        }
        Interlocked.Increment(ref _validated);
        if (Environment.GetEnvironmentVariable("CONTRACT_CONFORMANCE_LOG") is { Length: > 0 } log)
        {
            lock (OffContractKey.Key)
            {
                File.AppendAllText(log, $"{request.Method} {path} {(int)response.StatusCode}\n");
            }
        }
        return response;
    }

    private static async Task<List<string>> CheckAsync(HttpRequestMessage request, HttpResponseMessage response, string path)
    {
        var contract = CommittedContract.Instance;
        var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (contract.FindPath(path) is not { } template)
        {
            return [$"no path of the contract matches {path}"];
        }
        var head = request.Method == HttpMethod.Head;
        if (contract.Operation(template, head ? "get" : request.Method.Method) is not { } operation)
        {
            return [$"{template} has no {request.Method} operation"];
        }
        var name = operation["operationId"]?.GetValue<string>() ?? $"{request.Method} {template}";
        var responses = operation["responses"]!.AsObject();
        var declared = responses[status] ?? responses[status[0] + "XX"] ?? responses["default"];
        if (declared is null)
        {
            return [$"{name}: status {status} is not declared (declared: {string.Join(", ", responses.Select(r => r.Key))})"];
        }
        var definition = contract.Resolve(declared).AsObject();
        var violations = new List<string>();
        CheckHeaders(contract, name, status, definition, response, violations);

        var body = await response.Content.ReadAsByteArrayAsync();
        var content = definition["content"] as JsonObject;
        if (body.Length == 0 || head)
        {
            if (content is { Count: > 0 } && !head && status != "304")
            {
                violations.Add($"{name} {status}: the contract declares a body ({string.Join(", ", content.Select(c => c.Key))}) but none was sent");
            }
            return violations;
        }
        var mediaType = response.Content.Headers.ContentType?.MediaType ?? "";
        if (content?[mediaType] is not JsonObject media)
        {
            violations.Add($"{name} {status}: content type '{mediaType}' is not declared (declared: {string.Join(", ", content?.Select(c => c.Key) ?? [])})");
            return violations;
        }
        if (media["schema"] is not { } schema)
        {
            return violations;
        }
        JsonElement value;
        if (mediaType.EndsWith("json", StringComparison.Ordinal))
        {
            try
            {
                value = JsonDocument.Parse(body).RootElement;
            }
            catch (JsonException ex)
            {
                violations.Add($"{name} {status}: the body is not JSON: {ex.Message}");
                return violations;
            }
        }
        else
        {
            value = JsonSerializer.SerializeToElement(System.Text.Encoding.UTF8.GetString(body));
        }
        violations.AddRange(contract.Validate(schema, value).Select(e => $"{name} {status} body: {e}"));
        return violations;
    }

    private static void CheckHeaders(CommittedContract contract, string name, string status, JsonObject definition, HttpResponseMessage response, List<string> violations)
    {
        var headers = definition["headers"] as JsonObject;
        foreach (var header in SpokenHeaders)
        {
            var sent = response.Headers.TryGetValues(header, out var values) || response.Content.Headers.TryGetValues(header, out values);
            var declaration = headers?.FirstOrDefault(h => string.Equals(h.Key, header, StringComparison.OrdinalIgnoreCase)).Value;
            if (sent && declaration is null)
            {
                violations.Add($"{name} {status}: header {header} is sent but not declared");
            }
            else if (sent && contract.Resolve(declaration!)["schema"] is { } schema)
            {
                var text = string.Join(", ", values!);
                JsonElement value = contract.Resolve(schema)["type"]?.ToString() == "integer" && long.TryParse(text, out var number)
                    ? JsonSerializer.SerializeToElement(number)
                    : JsonSerializer.SerializeToElement(text);
                violations.AddRange(contract.Validate(schema, value).Select(e => $"{name} {status} header {header}: '{text}': {e}"));
            }
        }
        foreach (var (header, declared) in headers ?? [])
        {
            if (contract.Resolve(declared!)["required"]?.GetValue<bool>() == true
                && !response.Headers.Contains(header) && !response.Content.Headers.Contains(header))
            {
                violations.Add($"{name} {status}: required header {header} is missing");
            }
        }
    }
}

public sealed class ContractViolationException(string message) : Exception(message);

public static class ContractClients
{
    /// <summary>A client of any factory of the app (WithWebHostBuilder variants too) whose responses are checked against the contract.</summary>
    public static HttpClient CreateCheckedClient(this WebApplicationFactory<Program> factory) =>
        factory.CreateDefaultClient(new ContractConformanceHandler());

    /// <summary>
    /// Marks a request the test sends deliberately outside the contract (an unknown route, a method the
    /// path does not have, a request the platform rejects before any endpoint): its response is not checked.
    /// </summary>
    public static HttpRequestMessage OffContract(this HttpRequestMessage request, string reason)
    {
        ContractConformanceHandler.MarkOffContract(request, reason);
        return request;
    }
}
