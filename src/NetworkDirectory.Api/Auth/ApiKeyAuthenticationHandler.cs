using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace NetworkDirectory.Api.Auth;

/// <summary>
/// Authenticates <c>Authorization: ApiKey nd_&lt;id&gt;_&lt;secret&gt;</c> or <c>X-Api-Key</c> against the
/// salted hashes in api_keys. Log lines and failure messages name the key id at most, never the key.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ApiKeyStore store, TimeProvider clock, IOptions<AuthOptions> auth)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var credential = PresentedCredential.Read(Request);
        switch (credential.Kind)
        {
            case CredentialKind.None:
                return AuthenticateResult.NoResult();
            case CredentialKind.Bearer:
                return AuthenticateResult.Fail("This server does not accept bearer tokens.");
            case CredentialKind.Unsupported:
                return AuthenticateResult.Fail($"The Authorization scheme '{Truncate(credential.Value)}' is not supported.");
        }
        if (!ApiKeySecret.TryParse(credential.Value, out var id, out var secret))
        {
            return AuthenticateResult.Fail("The API key is malformed: keys look like nd_<id>_<secret>.");
        }

        var key = await store.FindAsync(id, Context.RequestAborted);
        if (key is null || !ApiKeySecret.Matches(key.Salt, key.Hash, secret))
        {
            Logger.LogInformation("API key {KeyId} rejected: unknown id or wrong secret", id);
            return AuthenticateResult.Fail("The API key is not valid.");
        }
        // Only the holder of the secret learns whether a key was revoked or has expired.
        if (key.RevokedAt is { } revokedAt)
        {
            Logger.LogInformation("API key {KeyId} rejected: revoked", id);
            return AuthenticateResult.Fail($"The API key was revoked on {revokedAt:yyyy-MM-dd}.");
        }
        if (key.ExpiresAt <= clock.GetUtcNow())
        {
            Logger.LogInformation("API key {KeyId} rejected: expired", id);
            return AuthenticateResult.Fail($"The API key expired on {key.ExpiresAt.AddDays(-1):yyyy-MM-dd}.");
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, key.Name),
                new Claim(ClaimTypes.NameIdentifier, key.Id),
                new Claim(ClaimTypes.Role, key.Role),
                .. key.Scope.Select(s => new Claim(ClaimNames.RegionScope, s)),
                .. key.RequestsPerMinute is { } quota ? [new Claim(ClaimNames.PartnerQuota, quota.ToString(System.Globalization.CultureInfo.InvariantCulture))] : Array.Empty<Claim>(),
                .. key.AllowedOrigins.Select(o => new Claim(ClaimNames.PartnerOrigin, o)),
            ],
            SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.Headers.Append(HeaderNames.WWWAuthenticate, result.Failure is null
            ? $"{SchemeName} realm=\"{AuthProblems.Realm}\""
            : $"{SchemeName} realm=\"{AuthProblems.Realm}\", error=\"invalid_key\"");
        if (auth.Value.Jwt.Enabled)
        {
            Response.Headers.Append(HeaderNames.WWWAuthenticate, $"Bearer realm=\"{AuthProblems.Realm}\"");
        }
        var how = auth.Value.Jwt.Enabled ? AuthProblems.HowToSend + " Bearer tokens are accepted too." : AuthProblems.HowToSend;
        await AuthProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized,
            result.Failure is null ? "Authentication required" : "Invalid credentials",
            result.Failure is null ? how : $"{result.Failure.Message} {how}");
    }

    private static string Truncate(string value) => value.Length <= 20 ? value : value[..20];
}
