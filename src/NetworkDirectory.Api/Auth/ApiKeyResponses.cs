using System.ComponentModel;
using System.Text.Json.Serialization;

namespace NetworkDirectory.Api.Auth;

/// <summary>An API key to create.</summary>
public sealed record CreateApiKeyRequest(
    [property: Description("Who or what uses the key, e.g. 'Koordination Bayern'.")] string? Name,
    [property: Description("partner, professional, coordinator or admin.")] string? Role,
    [property: Description("Land (2 digits) or Kreis (5 digits) keys the caller may write in; required for coordinators.")] string[]? Scope,
    [property: Description("Last day (UTC) the key works; default one year from today.")] DateOnly? ExpiresOn,
    [property: Description("Partner keys only: the browser origins (scheme://host[:port], e.g. 'https://www.example.org') the key may be used from. A request with another Origin is refused; requests without one (server to server) are not. Empty: server to server only.")] string[]? AllowedOrigins = null,
    [property: Description("Partner keys only: requests per minute over all of the key's requests; default 600.")] int? RequestsPerMinute = null);

/// <summary>A key as lists show it. The secret is never shown again after creation.</summary>
public sealed record ApiKeyResponse(
    string Id, string Name, string Role, string Prefix, IReadOnlyList<string> Scope,
    DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt, string CreatedBy, string Status,
    [property: Description("The browser origins a partner key may be used from; empty for other roles.")] IReadOnlyList<string> AllowedOrigins,
    [property: Description("A partner key's quota of requests per minute; null for other roles.")] int? RequestsPerMinute)
{
    public static ApiKeyResponse From(ApiKeyInfo key, DateTimeOffset now) => new(
        key.Id, key.Name, key.Role, key.Prefix, key.Scope, key.CreatedAt, key.ExpiresAt, key.RevokedAt, key.CreatedBy,
        key.RevokedAt is not null ? "revoked" : key.ExpiresAt <= now ? "expired" : "active", key.AllowedOrigins, key.RequestsPerMinute);
}

/// <summary>The created key. <c>key</c> is shown only in this answer: store it now.</summary>
public sealed record CreatedApiKeyResponse(ApiKeyResponse ApiKey, string Key);

/// <summary>What a key's requests came to, per UTC day (counted for partner keys).</summary>
public sealed record ApiKeyUsageResponse(
    [property: Description("The key id.")] string KeyId,
    [property: Description("The key's role; only partner keys' requests are counted, others show no days.")] string Role,
    [property: Description("One entry per UTC day with requests, oldest first.")] IReadOnlyList<ApiKeyUsageDay> Days);

/// <summary>One UTC day of a key's requests.</summary>
public sealed record ApiKeyUsageDay(
    [property: Description("The UTC day, yyyy-MM-dd.")] string Day,
    [property: Description("Requests answered (any status), not counting the refused ones below.")] long Answered,
    [property: Description("The answered requests by status class.")] ApiKeyUsageByStatus ByStatus,
    [property: Description("Requests refused with 429 because the key's quota was used up.")] long RejectedByQuota,
    [property: Description("Requests refused with 403 because their Origin is not in the key's list.")] long RejectedByOrigin)
{
    internal static ApiKeyUsageDay From(string day, long[] counts) => new(
        day, counts[0] + counts[1] + counts[2] + counts[3], new ApiKeyUsageByStatus(counts[0], counts[1], counts[2], counts[3]), counts[4], counts[5]);
}

/// <summary>Answered requests by status class.</summary>
public sealed record ApiKeyUsageByStatus(
    [property: JsonPropertyName("2xx")] long Success,
    [property: JsonPropertyName("3xx")] long Redirection,
    [property: JsonPropertyName("4xx")] long ClientError,
    [property: JsonPropertyName("5xx")] long ServerError);
