using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Net.Http.Headers;

namespace NetworkDirectory.Api.Auth;

/// <summary>Validates bearer tokens and maps their claims onto the same shape an API key yields.</summary>
internal static class JwtClaimMapping
{
    public static void Configure(JwtBearerOptions options, JwtSettings jwt)
    {
        options.MapInboundClaims = false;
        if (!jwt.Enabled)
        {
            return;
        }
        if (!string.IsNullOrWhiteSpace(jwt.Authority))
        {
            options.Authority = jwt.Authority;
        }
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateIssuer = jwt.Issuer is not null || jwt.Authority is not null,
            ValidIssuer = jwt.Issuer,
            ValidateAudience = jwt.Audience is not null,
            ValidAudience = jwt.Audience,
            ValidateLifetime = true,
            ClockSkew = TimeSpan.FromMinutes(1),
            IssuerSigningKey = string.IsNullOrWhiteSpace(jwt.SigningKey) ? null : new SymmetricSecurityKey(KeyBytes(jwt.SigningKey)),
            NameClaimType = ClaimTypes.Name,
            RoleClaimType = ClaimTypes.Role,
        };
        options.Events = new JwtBearerEvents { OnTokenValidated = MapClaims, OnChallenge = ChallengeAsync };
    }

    public const int MinimumKeyBytes = 32;

    /// <summary>Base64 when the value decodes to 32 bytes or more, otherwise the UTF-8 bytes of the text.</summary>
    public static byte[] DecodeKey(string signingKey)
    {
        var buffer = new byte[signingKey.Length];
        return Convert.TryFromBase64String(signingKey, buffer, out var written) && written >= MinimumKeyBytes
            ? buffer[..written]
            : Encoding.UTF8.GetBytes(signingKey);
    }

    /// <summary>The key's bytes; the length was checked at start (<see cref="AuthOptionsValidation"/>).</summary>
    public static byte[] KeyBytes(string signingKey) =>
        DecodeKey(signingKey) is { Length: >= MinimumKeyBytes } bytes
            ? bytes
            : throw new InvalidOperationException($"Auth:Jwt:SigningKey must hold at least {MinimumKeyBytes} bytes.");

    private static Task MapClaims(TokenValidatedContext context)
    {
        var token = context.Principal!;
        var roles = token.Claims.Where(c => c.Type is "role" or "roles" or ClaimTypes.Role)
            .SelectMany(c => Split(c.Value)).Where(Roles.Staff.Contains).Distinct().ToList();
        var scope = token.FindAll(ClaimNames.RegionScope).SelectMany(c => Split(c.Value)).Distinct().ToList();
        if (roles.Count == 0)
        {
            context.Fail(new TokenClaimsException($"The token names no role: its 'role' or 'roles' claim must hold one of {string.Join(", ", Roles.Staff)}."));
            return Task.CompletedTask;
        }
        if (scope.FirstOrDefault(s => s.Length is not (2 or 5) || !s.All(char.IsAsciiDigit)) is { } bad)
        {
            context.Fail(new TokenClaimsException($"The token's region_scope '{bad}' is not a Land (2 digits) or Kreis (5 digits) key."));
            return Task.CompletedTask;
        }
        if (roles.Contains(Roles.Coordinator) && !roles.Contains(Roles.Admin) && scope.Count == 0)
        {
            context.Fail(new TokenClaimsException("A coordinator token needs a region_scope claim."));
            return Task.CompletedTask;
        }

        var subject = token.FindFirst("sub")?.Value;
        var name = token.FindFirst("name")?.Value ?? token.FindFirst("preferred_username")?.Value ?? subject ?? token.FindFirst("client_id")?.Value ?? "bearer";
        List<Claim> claims = [new(ClaimTypes.Name, name), .. roles.Select(r => new Claim(ClaimTypes.Role, r)), .. scope.Select(s => new Claim(ClaimNames.RegionScope, s))];
        if (subject is not null)
        {
            claims.Add(new Claim(ClaimTypes.NameIdentifier, subject));
        }
        context.Principal = new ClaimsPrincipal(new ClaimsIdentity(claims, JwtBearerDefaults.AuthenticationScheme, ClaimTypes.Name, ClaimTypes.Role));
        return Task.CompletedTask;
    }

    private static async Task ChallengeAsync(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        var failure = context.AuthenticateFailure;
        context.Response.Headers.Append(HeaderNames.WWWAuthenticate, failure is null
            ? $"Bearer realm=\"{AuthProblems.Realm}\""
            : $"Bearer realm=\"{AuthProblems.Realm}\", error=\"invalid_token\"");
        var detail = failure switch
        {
            null => "Send Authorization: Bearer <token> or ApiKey <key>.",
            TokenClaimsException claims => claims.Message,
            SecurityTokenExpiredException => "The bearer token has expired.",
            _ => "The bearer token is not valid: its signature, issuer, audience or lifetime did not check out.",
        };
        await AuthProblems.WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized,
            failure is null ? "Authentication required" : "Invalid credentials", detail);
    }

    private static IEnumerable<string> Split(string value) =>
        value.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private sealed class TokenClaimsException(string message) : Exception(message);
}
