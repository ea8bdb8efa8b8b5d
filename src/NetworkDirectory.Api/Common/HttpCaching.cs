using System.Security.Cryptography;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace NetworkDirectory.Api.Common;

/// <summary>
/// Validators for every read, so a partner's cache can revalidate instead of refetching:
/// <list type="bullet">
/// <item>Every 200 to a GET under /v1 carries a strong ETag. Unless the endpoint set one (a write shape's
/// version, which If-Match expects), it is a hash of the bytes sent, so it changes whenever that
/// caller's representation changes: a changed on-call number inside an agency's detail, a new entry
/// in a list, a lookup whose answer moved on.</item>
/// <item>If-None-Match with that tag (weak comparison, RFC 9110 13.1.2) answers 304 with the same
/// ETag, Cache-Control and Vary and no body.</item>
/// <item>HEAD is answered wherever GET is: the request is routed as the GET and gets its headers
/// (Content-Length included) without the body.</item>
/// </list>
/// The answer is buffered to hash it; reads here are small (a page is at most 200 entries).
/// Call before routing, so a HEAD finds its GET endpoint.
/// </summary>
public static class HttpCaching
{
    public static IApplicationBuilder UseHttpCaching(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        var head = HttpMethods.IsHead(request.Method);
        if (!head && !HttpMethods.IsGet(request.Method))
        {
            await next();
            return;
        }

        var response = context.Response;
        var body = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        if (head)
        {
            request.Method = HttpMethods.Get;
        }
        try
        {
            await next();
        }
        finally
        {
            response.Body = body;
            if (head)
            {
                request.Method = HttpMethods.Head;
            }
        }

        // Health probes report the live state and are never revalidated; the directory lives under /v1.
        if (response.StatusCode == StatusCodes.Status200OK && request.Path.StartsWithSegments("/v1"))
        {
            if (StringValues.IsNullOrEmpty(response.Headers.ETag))
            {
                response.Headers.ETag = Tag(buffer);
            }
            if (Matches(request.Headers.IfNoneMatch, response.Headers.ETag.ToString()))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                response.ContentLength = null;
                response.Headers.ContentType = StringValues.Empty;
                return;
            }
        }
        if (response.StatusCode == StatusCodes.Status304NotModified)
        {
            return;
        }
        response.ContentLength = buffer.Length;
        if (!head)
        {
            buffer.Position = 0;
            await buffer.CopyToAsync(body, context.RequestAborted);
        }
    });

    /// <summary>A strong tag of the bytes: the first 128 bits of their SHA-256, base64url.</summary>
    private static string Tag(MemoryStream buffer)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), hash);
        return $"\"{Convert.ToBase64String(hash[..16]).TrimEnd('=').Replace('+', '-').Replace('/', '_')}\"";
    }

    /// <summary>If-None-Match uses the weak comparison: W/"x" matches "x"; * matches any current representation.</summary>
    private static bool Matches(StringValues ifNoneMatch, string etag)
    {
        if (ifNoneMatch.Count == 0 || !EntityTagHeaderValue.TryParse(etag, out var current))
        {
            return false;
        }
        return EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags)
            && tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: false));
    }
}
