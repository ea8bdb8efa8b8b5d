namespace NetworkDirectory.Api.Auth;

/// <summary>A key to create, already validated (see <see cref="ApiKeyValidator"/>).</summary>
public sealed record NewApiKey(string Name, string Role, IReadOnlyList<string> Scope, DateTimeOffset ExpiresAt, string CreatedBy);

/// <summary>A stored key as lists show it: never the secret or its hash.</summary>
public sealed record ApiKeyInfo(
    string Id, string Name, string Role, string Prefix, IReadOnlyList<string> Scope,
    DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt, string CreatedBy);

/// <summary>What authentication needs of a stored key.</summary>
public sealed record StoredApiKey(
    string Id, string Name, string Role, byte[] Salt, byte[] Hash, IReadOnlyList<string> Scope,
    DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt);

internal sealed class ApiKeyRow
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public string Role { get; init; } = "";
    public string Prefix { get; init; } = "";
    public byte[] Salt { get; init; } = [];
    public byte[] Hash { get; init; } = [];
    public string? Scopes { get; init; }
    public string CreatedAt { get; init; } = "";
    public string ExpiresAt { get; init; } = "";
    public string? RevokedAt { get; init; }
    public string CreatedBy { get; init; } = "";

    public const string Columns = """
        k.id, k.name, k.role, k.prefix, k.salt, k.hash, k.created_at, k.expires_at, k.revoked_at, k.created_by,
        (SELECT group_concat(s.region_key, ' ') FROM (SELECT region_key FROM api_key_scopes WHERE key_id = k.id ORDER BY region_key) s) AS scopes
        """;

    private IReadOnlyList<string> ScopeList => Scopes?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];

    public ApiKeyInfo ToInfo() => new(Id, Name, Role, Prefix, ScopeList, ApiKeyTime.Parse(CreatedAt),
        ApiKeyTime.Parse(ExpiresAt), RevokedAt is null ? null : ApiKeyTime.Parse(RevokedAt), CreatedBy);

    public StoredApiKey ToStored() => new(Id, Name, Role, Salt, Hash, ScopeList, ApiKeyTime.Parse(ExpiresAt),
        RevokedAt is null ? null : ApiKeyTime.Parse(RevokedAt));
}

internal static class ApiKeyTime
{
    public static string Format(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string value) =>
        DateTimeOffset.Parse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal);

    /// <summary>A key that expires on a date works through the end of that day (UTC).</summary>
    public static DateTimeOffset EndOf(DateOnly date) => new(date.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
