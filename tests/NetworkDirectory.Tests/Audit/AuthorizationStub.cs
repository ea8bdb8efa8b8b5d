using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NetworkDirectory.Api.Auth;

namespace NetworkDirectory.Tests.Audit;

/// <summary>
/// STUB until the authentication branch is merged: registers the three policies and a test scheme
/// that reads "X-Test-User: role;scope1,scope2" so the coordinator endpoints can be called over HTTP.
/// The integrator drops this file and uses the real factory helpers instead. Also pins the clock.
/// </summary>
public sealed class AuthorizedApiFactory : ApiFactory
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddAuthentication(TestUserHandler.SchemeName).AddScheme<AuthenticationSchemeOptions, TestUserHandler>(TestUserHandler.SchemeName, null);
            services.AddAuthorization(options =>
            {
                options.AddPolicy(Policies.Professional, p => p.RequireRole(Roles.All));
                options.AddPolicy(Policies.Coordinator, p => p.RequireRole(Roles.Coordinator, Roles.Admin));
                options.AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin));
            });
        });
    }

    /// <summary>A seeded client that sends "X-Test-User: role;scopes" on every request.</summary>
    public HttpClient CreateClientAs(string role, params string[] scope)
    {
        var client = CreateSeededClient();
        client.DefaultRequestHeaders.Add(TestUserHandler.Header, $"{role};{string.Join(',', scope)}");
        return client;
    }

    /// <summary>The principal the test scheme would build, for calling handlers directly.</summary>
    public static ClaimsPrincipal User(string role, params string[] scope)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, $"test-{role}"), new(ClaimTypes.Role, role) };
        claims.AddRange(scope.Select(s => new Claim(ClaimNames.RegionScope, s)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }

    private sealed class TestUserHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string SchemeName = "test";
        public const string Header = "X-Test-User";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (!Request.Headers.TryGetValue(Header, out var value) || value.ToString().Split(';') is not [var role, var scopes])
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }
            var user = AuthorizedApiFactory.User(role, scopes.Split(',', StringSplitOptions.RemoveEmptyEntries));
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(user, SchemeName)));
        }
    }
}
