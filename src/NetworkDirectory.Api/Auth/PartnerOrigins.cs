namespace NetworkDirectory.Api.Auth;

/// <summary>
/// The origins a partner key may be used from are compared exactly with the browser's <c>Origin</c>
/// header, so they are accepted only in the form browsers send: <c>scheme://host[:port]</c>, lower
/// case, no default port, no path.
/// </summary>
public static class PartnerOrigins
{
    public const int MaxCount = 50;

    /// <returns>Null when <paramref name="origin"/> is an origin as browsers send it; otherwise what is wrong.</returns>
    public static string? Problem(string? origin)
    {
        if (string.IsNullOrWhiteSpace(origin))
        {
            return "allowedOrigins: an origin is empty; write it as 'https://www.example.org'.";
        }
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")
            || !string.IsNullOrEmpty(uri.UserInfo) || uri.HostNameType is UriHostNameType.Unknown)
        {
            return $"allowedOrigins: '{origin}' is not an origin; write it as 'https://www.example.org' (scheme://host[:port]).";
        }
        var canonical = uri.GetLeftPart(UriPartial.Authority);
        return canonical == origin
            ? null
            : $"allowedOrigins: '{origin}' is not an origin as browsers send it; write '{canonical}' (no path, no trailing slash, lower case, no default port).";
    }
}
