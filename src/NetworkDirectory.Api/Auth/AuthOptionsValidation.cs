using Microsoft.Extensions.Options;

namespace NetworkDirectory.Api.Auth;

/// <summary>Checks the Auth section at start; each failure is one line naming the setting and the fix.</summary>
public sealed class AuthOptionsValidation : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var failures = new List<string>();
        if (options.FailedAttemptsPerMinute < 1)
        {
            failures.Add($"Auth:FailedAttemptsPerMinute: must be at least 1 (got {options.FailedAttemptsPerMinute}); set a positive number or remove it (default 10).");
        }
        if (options.WritesPerMinute < 1)
        {
            failures.Add($"Auth:WritesPerMinute: must be at least 1 (got {options.WritesPerMinute}); set a positive number or remove it (default 60).");
        }
        if (!string.IsNullOrWhiteSpace(options.Jwt.SigningKey)
            && JwtClaimMapping.DecodeKey(options.Jwt.SigningKey).Length is var length and < JwtClaimMapping.MinimumKeyBytes)
        {
            failures.Add($"Auth:Jwt:SigningKey: the key must be at least {JwtClaimMapping.MinimumKeyBytes} bytes (got {length}); set a longer key or remove it.");
        }
        if (!string.IsNullOrWhiteSpace(options.Jwt.Authority) && !IsAllowedAuthority(options.Jwt.Authority))
        {
            failures.Add($"Auth:Jwt:Authority: '{options.Jwt.Authority}' is not an absolute https URL; set the issuer's https address (http only for localhost) or remove it.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // The metadata (and so the signing keys) must not travel in clear text; a local test issuer may use http.
    private static bool IsAllowedAuthority(string authority) =>
        Uri.TryCreate(authority, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));
}
