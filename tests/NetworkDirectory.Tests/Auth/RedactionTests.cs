using Dapper;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace NetworkDirectory.Tests.Auth;

/// <summary>
/// Walks every read endpoint of the application (taken from its endpoint list, so a new one is
/// included automatically) over the bundled sample, and proves that no professional or internal
/// value reaches an anonymous caller, and no internal value a professional one.
/// </summary>
public sealed class RedactionTests(SampleApiFactory factory) : IClassFixture<SampleApiFactory>
{
    private static readonly Dictionary<string, string[]> RouteValues = new()
    {
        ["id"] = ["hh-kjnd", "m-kjnd", "m-stadtjugendamt", "hh-ja-mitte", "net-hh", "net-by-oberbayern"],
        ["key"] = ["09162", "02000", "09"],
        ["entityType"] = ["agency"],
        ["entityId"] = ["hh-kjnd"],
    };

    private static readonly string[] Lookups =
    [
        "/v1/lookup?regionKey=02000&at=2026-11-28T02:00",
        "/v1/lookup?regionKey=02000&at=2026-11-30T10:00",
        "/v1/lookup?regionKey=09162000&at=2026-12-24T20:00&responsibility=taking_into_care,emergency_intervention,consultation,guardianship",
        "/v1/lookup?regionKey=09184&at=2026-11-29T03:00",
        "/v1/lookup?q=Traunstein&language=ar",
        "/v1/agencies?limit=200",
        "/v1/agencies?limit=200&offset=50",
        "/v1/agencies?language=fa&limit=200",
    ];

    private IEnumerable<string> ReadUrls()
    {
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains(HttpMethods.Get) == true)
            .Select(e => e.RoutePattern)
            .Where(p => p.RawText!.StartsWith("/v1", StringComparison.Ordinal) || p.RawText!.StartsWith("v1", StringComparison.Ordinal));
        foreach (var pattern in endpoints)
        {
            IEnumerable<string> urls = ["/" + pattern.RawText!.TrimStart('/')];
            foreach (var parameter in pattern.Parameters)
            {
                var values = RouteValues.TryGetValue(parameter.Name, out var known) ? known : throw new InvalidOperationException($"Add sample values for route parameter '{parameter.Name}'.");
                urls = urls.SelectMany(url => values.Select(v => url.Replace("{" + parameter.Name + "}", v, StringComparison.Ordinal)));
            }
            foreach (var url in urls)
            {
                yield return url;
            }
        }
        foreach (var url in Lookups)
        {
            yield return url;
        }
    }

    /// <summary>
    /// Contact values (numbers, addresses) and named persons' names stored with a visibility above
    /// the caller's, which no visible contact (nor an agency's own public e-mail) shares; plus internal
    /// notes for non-coordinators.
    /// </summary>
    private List<string> Secrets(params string[] visible)
    {
        using var connection = factory.OpenDatabase();
        var shown = connection.Query<string>(
            "SELECT value FROM contacts WHERE visibility IN @visible UNION SELECT email FROM agencies WHERE email IS NOT NULL", new { visible }).ToHashSet();
        var hidden = connection.Query<string>(
                """
                SELECT value FROM contacts WHERE visibility NOT IN @visible
                UNION SELECT label FROM contacts WHERE visibility NOT IN @visible AND kind_code = 'named_person' AND label IS NOT NULL
                """, new { visible })
            .Where(v => !shown.Contains(v)).ToList();
        if (!visible.Contains("internal"))
        {
            hidden.AddRange(connection.Query<string>("SELECT internal_notes FROM agencies WHERE internal_notes IS NOT NULL"));
        }
        return hidden;
    }

    [Theory]
    [InlineData("anonymous", new[] { "public" })]
    [InlineData("professional", new[] { "public", "professional" })]
    [InlineData("partner", new[] { "public" })]
    public async Task NoValueAboveTheCallersVisibilityIsEverAnswered(string caller, string[] visible)
    {
        var client = caller == "anonymous" ? factory.CreateSeededClient() : factory.CreateClientAs(caller);
        var secrets = Secrets(visible);
        Assert.NotEmpty(secrets);
        var checkedBodies = 0;
        foreach (var url in ReadUrls())
        {
            var response = await client.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            foreach (var secret in secrets)
            {
                Assert.False(body.Contains(secret, StringComparison.Ordinal), $"{caller} GET {url} ({(int)response.StatusCode}) shows '{secret}'");
            }
            checkedBodies += response.IsSuccessStatusCode ? 1 : 0;
        }
        Assert.True(checkedBodies >= 20, $"only {checkedBodies} successful reads were checked");
    }

    [Fact]
    public async Task ProfessionalsDoSeeProfessionalOnCallNumbers()
    {
        var professional = factory.CreateClientAs("professional");
        var body = await (await professional.GetAsync("/v1/agencies/hh-kjnd")).Content.ReadAsStringAsync();
        using var connection = factory.OpenDatabase();
        var onCall = connection.Query<string>("SELECT value FROM contacts WHERE agency_id = 'hh-kjnd' AND visibility = 'professional'").ToList();
        Assert.NotEmpty(onCall);
        Assert.All(onCall, value => Assert.Contains(value, body));
    }
}
