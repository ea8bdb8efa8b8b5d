using Microsoft.Net.Http.Headers;

namespace NetworkDirectory.Api.Auth;

public enum CredentialKind { None, ApiKey, Bearer, Unsupported }

/// <summary>What the request presents: <c>Authorization: ApiKey &lt;key&gt;</c>, <c>X-Api-Key: &lt;key&gt;</c>, a bearer token, or nothing.</summary>
public readonly record struct PresentedCredential(CredentialKind Kind, string Value)
{
    public const string ApiKeyHeader = "X-Api-Key";

    public static PresentedCredential Read(HttpRequest request)
    {
        string authorization = request.Headers[HeaderNames.Authorization].ToString().Trim();
        if (authorization.Length > 0)
        {
            var space = authorization.IndexOf(' ');
            var scheme = space < 0 ? authorization : authorization[..space];
            var value = space < 0 ? "" : authorization[(space + 1)..].Trim();
            if (scheme.Equals(ApiKeyAuthenticationHandler.SchemeName, StringComparison.OrdinalIgnoreCase))
            {
                return new(CredentialKind.ApiKey, value);
            }
            return scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase)
                ? new(CredentialKind.Bearer, value)
                : new(CredentialKind.Unsupported, scheme);
        }
        string header = request.Headers[ApiKeyHeader].ToString().Trim();
        return header.Length > 0 ? new(CredentialKind.ApiKey, header) : new(CredentialKind.None, "");
    }
}
