using System.Security.Claims;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NetworkDirectory.Api.Auth;

namespace NetworkDirectory.Tests.Audit;

/// <summary>The test host with the clock pinned to 2026-11-28 12:00 UTC, for reports that depend on "now".</summary>
public sealed class ClockedApiFactory : ApiFactory
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>The principal an API key of that role and scope yields, for calling handlers directly.</summary>
    public static ClaimsPrincipal User(string role, params string[] scope)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, $"test-{role}"), new(ClaimTypes.Role, role) };
        claims.AddRange(scope.Select(s => new Claim(ClaimNames.RegionScope, s)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }
}
