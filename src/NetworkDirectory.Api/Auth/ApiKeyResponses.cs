using System.ComponentModel;

namespace NetworkDirectory.Api.Auth;

/// <summary>An API key to create.</summary>
public sealed record CreateApiKeyRequest(
    [property: Description("Who or what uses the key, e.g. 'Koordination Bayern'.")] string? Name,
    [property: Description("professional, coordinator or admin.")] string? Role,
    [property: Description("Land (2 digits) or Kreis (5 digits) keys the caller may write in; required for coordinators.")] string[]? Scope,
    [property: Description("Last day (UTC) the key works; default one year from today.")] DateOnly? ExpiresOn);

/// <summary>A key as lists show it. The secret is never shown again after creation.</summary>
public sealed record ApiKeyResponse(
    string Id, string Name, string Role, string Prefix, IReadOnlyList<string> Scope,
    DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt, string CreatedBy, string Status)
{
    public static ApiKeyResponse From(ApiKeyInfo key, DateTimeOffset now) => new(
        key.Id, key.Name, key.Role, key.Prefix, key.Scope, key.CreatedAt, key.ExpiresAt, key.RevokedAt, key.CreatedBy,
        key.RevokedAt is not null ? "revoked" : key.ExpiresAt <= now ? "expired" : "active");
}

/// <summary>The created key. <c>key</c> is shown only in this answer: store it now.</summary>
public sealed record CreatedApiKeyResponse(ApiKeyResponse ApiKey, string Key);
