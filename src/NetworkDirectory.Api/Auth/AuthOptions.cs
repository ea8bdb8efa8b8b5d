namespace NetworkDirectory.Api.Auth;

/// <summary>The "Auth" configuration section.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>Failed authentications one client IP may make per minute before it gets 429.</summary>
    public int FailedAttemptsPerMinute { get; set; } = 10;

    /// <summary>Write requests one caller may make per minute (the "writes" rate-limit policy).</summary>
    public int WritesPerMinute { get; set; } = 60;

    /// <summary>How often the partner keys' usage counts are written to the database (and always at shutdown).</summary>
    public int PartnerUsageFlushSeconds { get; set; } = 60;

    public JwtSettings Jwt { get; set; } = new();
}

/// <summary>JWT bearer tokens are accepted only when Authority or SigningKey is set.</summary>
public sealed class JwtSettings
{
    /// <summary>An OpenID Connect issuer whose metadata supplies the signing keys.</summary>
    public string? Authority { get; set; }

    /// <summary>A symmetric HMAC key: base64 or plain text, at least 32 bytes.</summary>
    public string? SigningKey { get; set; }

    public string? Audience { get; set; }

    public string? Issuer { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) || !string.IsNullOrWhiteSpace(SigningKey);
}
