using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NetworkDirectory.Api.Auth;

namespace NetworkDirectory.Tests.Api;

/// <summary>
/// Every read can be revalidated: a strong ETag on each GET that changes with the caller's
/// representation, 304 for If-None-Match, HEAD wherever GET is; writes are never stored.
/// </summary>
public sealed class HttpCachingTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    /// <summary>One request per GET endpoint of the application, on the fixture network.</summary>
    private static readonly Dictionary<string, string> Requests = new()
    {
        ["/healthz"] = "/healthz",
        ["/readyz"] = "/readyz",
        ["/v1/lookup"] = "/v1/lookup?regionKey=09162&at=2026-11-30T10:00:00%2B01:00",
        ["/v1/me"] = "/v1/me",
        ["/v1/admin/api-keys"] = "/v1/admin/api-keys",
        ["/v1/admin/api-keys/{id}"] = "/v1/admin/api-keys/{key}",
        ["/v1/agencies"] = "/v1/agencies?limit=5",
        ["/v1/agencies/{id}"] = "/v1/agencies/ja-muc",
        ["/v1/agencies/{id}/data"] = "/v1/agencies/ja-muc/data",
        ["/v1/services/{id}"] = "/v1/services/s-ja-muc-care",
        ["/v1/contacts/{id}"] = "/v1/contacts/c-ja-muc-office",
        ["/v1/schedules/{id}"] = "/v1/schedules/sch-office",
        ["/v1/networks"] = "/v1/networks",
        ["/v1/networks/{id}"] = "/v1/networks/net-by",
        ["/v1/networks/{id}/data"] = "/v1/networks/net-by/data",
        ["/v1/instruments/{id}"] = "/v1/instruments/inst-by-koop",
        ["/v1/taxonomies"] = "/v1/taxonomies",
        ["/v1/audit"] = "/v1/audit",
        ["/v1/audit/{entityType}/{entityId}"] = "/v1/audit/schedule/sch-office",
        ["/v1/regions"] = "/v1/regions",
        ["/v1/regions/{key}"] = "/v1/regions/09162",
        ["/v1/regions/{key}/freshness"] = "/v1/regions/09/freshness",
        ["/v1/admin/api-keys/{id}/usage"] = "/v1/admin/api-keys/{key}/usage",
        ["/v1/maps/coverage"] = "/v1/maps/coverage?region=09&responsibility=taking_into_care",
        ["/v1/maps/agencies"] = "/v1/maps/agencies?region=09",
        ["/v1/regions/{key}/coverage-report"] = "/v1/regions/09/coverage-report",
        ["/v1/regions/{key}/coverage-report/geojson"] = "/v1/regions/09/coverage-report/geojson",
        ["/v1/agencies/{id}/vcard"] = "/v1/agencies/ja-muc/vcard",
        ["/v1/regions/{key}/contact-sheet"] = "/v1/regions/09162/contact-sheet",
        // A versioned asset: no validator needed (its path changes with its content), but HEAD works.
        [NetworkDirectory.Api.Cards.ContactSheetStyle.Route] = NetworkDirectory.Api.Cards.ContactSheetStyle.Path,
        ["/v1/reports"] = "/v1/reports?region=09",
        ["/v1/reports/{id}"] = "/v1/reports/fr-test",
        ["/v1/changes"] = "/v1/changes?limit=5",
        ["/v1/exports"] = "/v1/exports?region=09",
        ["/v1/imports/template"] = "/v1/imports/template",
        ["/v1/imports/{id}"] = "/v1/imports/imp-test",
    };

    private static string Pattern(RouteEndpoint endpoint) => "/" + endpoint.RoutePattern.RawText!.Trim('/');

    [Fact]
    public async Task EveryDirectoryGetHasAStrongETagA304AndAHead()
    {
        var admin = factory.CreateClientAs(Roles.Admin);
        var keyId = (await HttpAssert.OkAsync(await admin.GetAsync("/v1/admin/api-keys")))[0].GetProperty("id").GetString()!;
        // Give the audit an entry to show.
        Assert.Equal(HttpStatusCode.OK, (await Patch(admin, "/v1/schedules/sch-office", (await admin.GetAsync("/v1/schedules/sch-office")).Headers.ETag!.Tag, """{"label":"Bürozeiten"}""")).StatusCode);
        var gets = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>() is not { } methods || methods.HttpMethods.Contains(HttpMethods.Get))
            .Select(Pattern).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Contains("/v1/lookup", gets);

        var failures = new List<string>();
        foreach (var pattern in gets)
        {
            if (!Requests.TryGetValue(pattern, out var url))
            {
                failures.Add($"{pattern}: a new GET endpoint; add a request to HttpCachingTests.Requests.");
                continue;
            }
            url = url.Replace("{key}", keyId, StringComparison.Ordinal);
            var get = await admin.GetAsync(url);
            var body = await get.Content.ReadAsByteArrayAsync();
            if (!url.StartsWith("/v1", StringComparison.Ordinal))
            {
                // A health probe reports the live state: no validator, but HEAD works.
                var probe = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
                if (get.StatusCode != HttpStatusCode.OK || get.Headers.ETag is not null || probe.StatusCode != HttpStatusCode.OK)
                {
                    failures.Add($"{url}: GET {(int)get.StatusCode} with ETag {get.Headers.ETag}, HEAD {(int)probe.StatusCode}");
                }
                continue;
            }
            if (get.StatusCode != HttpStatusCode.OK || get.Headers.ETag is not { IsWeak: false } etag)
            {
                failures.Add($"GET {url}: {(int)get.StatusCode}, ETag {get.Headers.ETag}");
                continue;
            }

            using var revalidate = new HttpRequestMessage(HttpMethod.Get, url);
            revalidate.Headers.TryAddWithoutValidation("If-None-Match", etag.Tag);
            var notModified = await admin.SendAsync(revalidate);
            if (notModified.StatusCode != HttpStatusCode.NotModified || notModified.Headers.ETag?.Tag != etag.Tag
                || (await notModified.Content.ReadAsByteArrayAsync()).Length != 0 || notModified.Headers.CacheControl is null)
            {
                failures.Add($"GET {url} with If-None-Match {etag.Tag}: {(int)notModified.StatusCode}, ETag {notModified.Headers.ETag}");
            }

            var head = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
            if (head.StatusCode != HttpStatusCode.OK || head.Headers.ETag?.Tag != etag.Tag
                || head.Content.Headers.ContentLength != body.Length || (await head.Content.ReadAsByteArrayAsync()).Length != 0)
            {
                failures.Add($"HEAD {url}: {(int)head.StatusCode}, ETag {head.Headers.ETag} (GET {etag.Tag}), Content-Length {head.Content.Headers.ContentLength} (GET {body.Length})");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task APartnerRevalidatingAnAgencySeesTheChangedNumber()
    {
        factory.CreateSeededClient();
        var partner = factory.CreateClient();
        var first = await partner.GetAsync("/v1/agencies/ja-muc");
        Assert.Contains("+498999998101", await first.Content.ReadAsStringAsync());
        var etag = first.Headers.ETag!.Tag;
        Assert.Equal("public, max-age=60", first.Headers.CacheControl!.ToString());

        // A coordinator changes the public office number: the agency row itself is not touched.
        var coordinator = factory.CreateClientAs(Roles.Coordinator, "09");
        var contact = await coordinator.GetAsync("/v1/contacts/c-ja-muc-office");
        var patch = new HttpRequestMessage(HttpMethod.Patch, "/v1/contacts/c-ja-muc-office")
        {
            Content = new StringContent("""{"value":"+498999998177"}""", Encoding.UTF8, "application/merge-patch+json"),
        };
        patch.Headers.TryAddWithoutValidation("If-Match", contact.Headers.ETag!.Tag);
        var patched = await coordinator.SendAsync(patch);
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal("no-store", patched.Headers.CacheControl!.ToString());

        using var revalidate = new HttpRequestMessage(HttpMethod.Get, "/v1/agencies/ja-muc");
        revalidate.Headers.TryAddWithoutValidation("If-None-Match", etag);
        var second = await partner.SendAsync(revalidate);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.NotEqual(etag, second.Headers.ETag!.Tag);
        var text = await second.Content.ReadAsStringAsync();
        Assert.Contains("+498999998177", text);
        Assert.DoesNotContain("+498999998101", text);
    }

    [Fact]
    public async Task EachCallerGetsTheTagOfItsOwnRepresentation()
    {
        factory.CreateSeededClient();
        var anonymous = await factory.CreateClient().GetAsync("/v1/agencies/ja-muc");
        var professional = await factory.CreateClientAs(Roles.Professional).GetAsync("/v1/agencies/ja-muc");

        // The professional also sees the on-call number, so the representation and its tag differ.
        Assert.DoesNotContain("+498999998999", await anonymous.Content.ReadAsStringAsync());
        Assert.Contains("+498999998999", await professional.Content.ReadAsStringAsync());
        Assert.NotEqual(anonymous.Headers.ETag!.Tag, professional.Headers.ETag!.Tag);
        Assert.Contains("Authorization", anonymous.Headers.Vary);
    }

    [Fact]
    public async Task ALookupAtAFixedTimeRevalidatesAndALookupByHeadAnswersItsHeaders()
    {
        factory.CreateSeededClient();
        var client = factory.CreateClient();
        const string Url = "/v1/lookup?regionKey=09162&responsibility=taking_into_care&at=2026-11-30T10:00:00%2B01:00";
        var get = await client.GetAsync(Url);
        var etag = get.Headers.ETag!.Tag;

        using var revalidate = new HttpRequestMessage(HttpMethod.Get, Url);
        revalidate.Headers.TryAddWithoutValidation("If-None-Match", $"\"other\", W/{etag}");
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(revalidate)).StatusCode);

        var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, Url));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal("application/json", head.Content.Headers.ContentType?.MediaType);
        Assert.Equal(get.Headers.CacheControl!.ToString(), head.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task IfMatchComparesStronglySoAWeakTagIsStale()
    {
        var coordinator = factory.CreateClientAs(Roles.Coordinator, "09");
        var current = await coordinator.GetAsync("/v1/schedules/sch-oncall");
        var tag = current.Headers.ETag!.Tag;

        var weak = await Patch(coordinator, "/v1/schedules/sch-oncall", $"W/{tag}", """{"label":"Rufbereitschaft"}""");
        var problem = await HttpAssert.ProblemAsync(weak, 412);
        Assert.Contains("changed since you read it", problem.GetProperty("detail").GetString());
        Assert.Equal("no-store", weak.Headers.CacheControl!.ToString());

        Assert.Equal(HttpStatusCode.OK, (await Patch(coordinator, "/v1/schedules/sch-oncall", tag, """{"label":"Rufbereitschaft"}""")).StatusCode);
    }

    [Fact]
    public async Task ABatchReadByPostIsNotStored()
    {
        var client = factory.CreateSeededClient();
        var response = await client.PostAsJsonAsync("/v1/agencies/batch", new { ids = new[] { "ja-muc" } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        Assert.Equal(1, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").GetArrayLength());
    }

    private static Task<HttpResponseMessage> Patch(HttpClient client, string url, string ifMatch, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, url) { Content = new StringContent(body, Encoding.UTF8, "application/merge-patch+json") };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request);
    }
}
