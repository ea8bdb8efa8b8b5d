using System.Net;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NetworkDirectory.Api.Auth;

namespace NetworkDirectory.Tests.Writes;

/// <summary>
/// Every endpoint that changes something, taken from the application's own endpoint list, is called
/// by every kind of caller. A new write endpoint is covered automatically: the test fails until it
/// has a sample request below, and fails if it is reachable without a policy.
/// </summary>
public sealed class AuthorizationMatrixTests
{
    /// <summary>Non-GET endpoints that are reads in disguise and open to everyone.</summary>
    private static readonly string[] PublicPosts = ["POST /v1/agencies/batch", "POST /v1/reports"];

    /// <summary>One request per write endpoint, all about entities in Bayern ('09') of the fixture network.</summary>
    private static readonly Dictionary<string, (string Url, string? Body)> Requests = new()
    {
        ["POST /v1/agencies/"] = ("/v1/agencies", """{"name":"Matrix","kind":"other","regionKey":"09162"}"""),
        ["PUT /v1/agencies/{id}"] = ("/v1/agencies/ja-muc", """{"name":"Jugendamt München (Test)","kind":"youth_welfare_office","regionKey":"09162000"}"""),
        ["PATCH /v1/agencies/{id}"] = ("/v1/agencies/ja-muc", """{"accessibility":"stufenlos"}"""),
        ["DELETE /v1/agencies/{id}"] = ("/v1/agencies/pol-test", null),
        ["POST /v1/agencies/{id}/verify"] = ("/v1/agencies/ja-muc/verify", null),
        ["POST /v1/services/"] = ("/v1/services", """{"agencyId":"ja-muc","responsibility":"interpreting","coverage":{"regionKeys":["09162"]}}"""),
        ["PUT /v1/services/{id}"] = ("/v1/services/s-ja-muc-care", """{"agencyId":"ja-muc","responsibility":"taking_into_care","coverage":{"regionKeys":["09162"]}}"""),
        ["PATCH /v1/services/{id}"] = ("/v1/services/s-ja-muc-care", """{"priority":11}"""),
        ["DELETE /v1/services/{id}"] = ("/v1/services/s-ja-muc-umf", null),
        ["POST /v1/contacts/"] = ("/v1/contacts", """{"agencyId":"ja-muc","kind":"office","channel":"phone","value":"+498999998555","visibility":"public"}"""),
        ["PUT /v1/contacts/{id}"] = ("/v1/contacts/c-ja-muc-office", """{"agencyId":"ja-muc","kind":"office","channel":"phone","value":"+498999998101","visibility":"public","scheduleId":"sch-office"}"""),
        ["PATCH /v1/contacts/{id}"] = ("/v1/contacts/c-ja-muc-office", """{"label":"Zentrale"}"""),
        ["DELETE /v1/contacts/{id}"] = ("/v1/contacts/c-ja-muc-person", null),
        ["POST /v1/schedules/"] = ("/v1/schedules", """{"label":"M","holidayRegionKey":"09","alwaysOpen":true}"""),
        ["PUT /v1/schedules/{id}"] = ("/v1/schedules/sch-office", """{"label":"Bürozeiten","holidayRegionKey":"09","alwaysOpen":true}"""),
        ["PATCH /v1/schedules/{id}"] = ("/v1/schedules/sch-office", """{"label":"Bürozeiten"}"""),
        ["DELETE /v1/schedules/{id}"] = ("/v1/schedules/sch-office", null),
        ["POST /v1/networks/"] = ("/v1/networks", """{"name":"N","scope":"regional","status":"planned","regionKeys":["09162"]}"""),
        ["PUT /v1/networks/{id}"] = ("/v1/networks/net-by", """{"name":"Netzwerk Bayern (Test)","scope":"land","status":"active","regionKeys":["09"]}"""),
        ["PATCH /v1/networks/{id}"] = ("/v1/networks/net-by", """{"status":"active"}"""),
        ["DELETE /v1/networks/{id}"] = ("/v1/networks/net-by", null),
        ["POST /v1/instruments/"] = ("/v1/instruments", """{"networkId":"net-by","type":"guideline","title":"L","targetGroup":"both"}"""),
        ["PUT /v1/instruments/{id}"] = ("/v1/instruments/inst-by-leit", """{"networkId":"net-by","type":"guideline","title":"L","targetGroup":"both"}"""),
        ["PATCH /v1/instruments/{id}"] = ("/v1/instruments/inst-by-leit", """{"title":"L2"}"""),
        ["DELETE /v1/instruments/{id}"] = ("/v1/instruments/inst-by-koop", null),
        ["POST /v1/admin/api-keys/"] = ("/v1/admin/api-keys", """{"name":"m","role":"professional","scope":[]}"""),
        ["DELETE /v1/admin/api-keys/{id}"] = ("/v1/admin/api-keys/does-not-exist", null),
        ["PUT /v1/admin/holiday-rules/{rule}"] = ("/v1/admin/holiday-rules/friedensfest-augsburg",
            """{"entries":[{"keyPrefix":"09","holiday":false,"source":"t"},{"keyPrefix":"09761","holiday":true,"source":"t"}]}"""),
        // A dry run of a one-agency file (sent as text/csv): allowed callers get the diff, nothing is written.
        ["POST /v1/imports/"] = ("/v1/imports?region=09&dryRun=true", "type;id;name;kind;regionKey\r\nagency;ja-muc;Jugendamt München;youth_welfare_office;09162000\r\n"),
        ["POST /v1/reports/{id}/status/"] = ("/v1/reports/fr-test/status", """{"status":"accepted","note":"Nummer korrigiert"}"""),
    };

    private sealed record WriteEndpoint(string Method, string Pattern, bool AdminOnly, bool HasPolicy)
    {
        public string Key => $"{Method} {Pattern}";
    }

    private static List<WriteEndpoint> WriteEndpoints(ApiFactory factory)
    {
        factory.CreateSeededClient();
        return factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (Endpoint: e, Method: m)))
            .Where(x => !HttpMethods.IsGet(x.Method) && !HttpMethods.IsHead(x.Method) && !HttpMethods.IsOptions(x.Method))
            .Select(x =>
            {
                var policies = x.Endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
                var pattern = "/" + x.Endpoint.RoutePattern.RawText!.Trim('/');
                if (!pattern.EndsWith("}", StringComparison.Ordinal) && !pattern.EndsWith("verify", StringComparison.Ordinal))
                {
                    pattern += "/";
                }
                return new WriteEndpoint(x.Method, pattern, policies.Contains(Policies.Admin), policies.Count > 0);
            })
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .ToList();
    }

    [Fact]
    public void EveryWriteEndpointHasAPolicyAndASampleRequest()
    {
        using var factory = new ApiFactory();
        var endpoints = WriteEndpoints(factory);
        Assert.NotEmpty(endpoints);
        foreach (var endpoint in endpoints.Where(e => !PublicPosts.Contains(e.Key.TrimEnd('/'))))
        {
            Assert.True(endpoint.HasPolicy, $"{endpoint.Key} changes data but requires no authorization policy");
            Assert.True(Requests.ContainsKey(endpoint.Key), $"{endpoint.Key} is new: add a sample request to AuthorizationMatrixTests.Requests");
        }
    }

    public static TheoryData<string> Callers => new() { "anonymous", "professional", "coordinator-out-of-scope", "coordinator-in-scope", "admin", "partner" };

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task EveryWriteEndpointAnswersEveryCallerAsExpected(string caller)
    {
        // A fresh database per caller: the allowed callers really delete what the requests name.
        using var factory = new ApiFactory();
        var client = caller switch
        {
            "anonymous" => factory.CreateSeededClient(),
            "professional" => factory.CreateClientAs(Roles.Professional),
            "coordinator-out-of-scope" => factory.CreateClientAs(Roles.Coordinator, "02"),
            "coordinator-in-scope" => factory.CreateClientAs(Roles.Coordinator, "09"),
            "partner" => factory.CreateClientAs(Roles.Partner),
            _ => factory.CreateClientAs(Roles.Admin),
        };
        var failures = new List<string>();
        foreach (var endpoint in WriteEndpoints(factory).Where(e => Requests.ContainsKey(e.Key)))
        {
            var (url, body) = Requests[endpoint.Key];
            using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), url);
            request.Headers.TryAddWithoutValidation("If-Match", "*");
            if (body is not null)
            {
                request.Content = new StringContent(body, Encoding.UTF8, 
                    endpoint.Method == "PATCH" ? "application/merge-patch+json" : url.StartsWith("/v1/imports", StringComparison.Ordinal) ? "text/csv" : "application/json");
            }
            var response = await client.SendAsync(request);
            var status = (int)response.StatusCode;
            var expected = caller switch
            {
                "anonymous" => "401",
                "professional" => "403",
                "coordinator-out-of-scope" => "403",
                "partner" => "403",
                "coordinator-in-scope" => endpoint.AdminOnly ? "403" : "allowed",
                _ => "allowed",
            };
            var ok = expected == "allowed" ? status is not (401 or 403) && status < 500 : status.ToString(System.Globalization.CultureInfo.InvariantCulture) == expected;
            if (!ok)
            {
                failures.Add($"{endpoint.Key} as {caller}: {status}, expected {expected}: {await response.Content.ReadAsStringAsync()}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
