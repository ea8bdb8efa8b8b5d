namespace NetworkDirectory.Api.Auth;

/// <summary>A key to create, already validated (see <see cref="ApiKeyValidator"/>).</summary>
public sealed record NewApiKey(
    string Name, string Role, IReadOnlyList<string> Scope, DateTimeOffset ExpiresAt, string CreatedBy,
    IReadOnlyList<string>? AllowedOrigins = null, int? RequestsPerMinute = null);

/// <summary>A stored key as lists show it: never the secret or its hash.</summary>
public sealed record ApiKeyInfo(
    string Id, string Name, string Role, string Prefix, IReadOnlyList<string> Scope,
    DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt, string CreatedBy,
    IReadOnlyList<string> AllowedOrigins, int? RequestsPerMinute);

/// <summary>What authentication needs of a stored key.</summary>
public sealed record StoredApiKey(
    string Id, string Name, string Role, byte[] Salt, byte[] Hash, IReadOnlyList<string> Scope,
    DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt, IReadOnlyList<string> AllowedOrigins, int? RequestsPerMinute);

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
    public string? Origins { get; init; }
    public long? RequestsPerMinute { get; init; }

    public const string Columns = """
        k.id, k.name, k.role, k.prefix, k.salt, k.hash, k.created_at, k.expires_at, k.revoked_at, k.created_by, k.requests_per_minute,
        (SELECT group_concat(o.origin, ' ') FROM (SELECT origin FROM api_key_origins WHERE key_id = k.id ORDER BY origin) o) AS origins,
        (SELECT group_concat(s.region_key, ' ') FROM (SELECT region_key FROM api_key_scopes WHERE key_id = k.id ORDER BY region_key) s) AS scopes
        """;

    private IReadOnlyList<string> ScopeList => Scopes?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];

    private IReadOnlyList<string> OriginList => Origins?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];

    private int? Quota => RequestsPerMinute is { } value ? (int)value : null;

    public ApiKeyInfo ToInfo() => new(Id, Name, Role, Prefix, ScopeList, ApiKeyTime.Parse(CreatedAt),
        ApiKeyTime.Parse(ExpiresAt), RevokedAt is null ? null : ApiKeyTime.Parse(RevokedAt), CreatedBy, OriginList, Quota);

    public StoredApiKey ToStored() => new(Id, Name, Role, Salt, Hash, ScopeList, ApiKeyTime.Parse(ExpiresAt),
        RevokedAt is null ? null : ApiKeyTime.Parse(RevokedAt), OriginList, Quota);
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
