using System.Net.Http.Headers;
using System.Text;

namespace NetworkDirectory.Tests.Probes;

/// <summary>
/// The classes of bug the malformed-request probe found: a null inside a list answered 500, and a body that
/// could not be read answered with System.Text.Json's message and .NET type names. Each now is a 400 naming the field.
/// </summary>
public sealed class RequestBodyErrorTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("anonymous", "POST", "/v1/agencies/batch", """{"ids":[null]}""", "ids[0]")]
    [InlineData("coordinator", "POST", "/v1/agencies", """{"name":"X","kind":"police","regionKey":"09162","languages":["de",null]}""", "languages[1]")]
    [InlineData("coordinator", "POST", "/v1/networks", """{"name":"X","scope":"land","status":"active","regionKeys":["09"],"members":[null]}""", "members[0]")]
    [InlineData("coordinator", "POST", "/v1/networks", """{"name":"X","scope":"land","status":"active","regionKeys":[null]}""", "regionKeys[0]")]
    [InlineData("coordinator", "POST", "/v1/schedules", """{"label":"X","windows":[null]}""", "windows[0]")]
    [InlineData("coordinator", "POST", "/v1/schedules", """{"label":"X","exceptions":[{"date":"2026-12-24","closed":true},null]}""", "exceptions[1]")]
    [InlineData("coordinator", "POST", "/v1/contacts", """{"agencyId":"ja-muc","languages":[null]}""", "languages[0]")]
    [InlineData("admin", "POST", "/v1/admin/api-keys", """{"name":"X","role":"coordinator","scope":[null]}""", "scope[0]")]
    public async Task ANullInsideAListIsAFieldError(string role, string method, string path, string body, string field)
    {
        var response = await ClientAs(role).SendAsync(Json(method, path, body));

        Assert.Equal($"{field} must not be null.", await HttpAssert.InvalidAsync(response, field));
    }

    [Fact]
    public async Task ANullInsideAListInAMergePatchIsAFieldError()
    {
        var client = ClientAs("coordinator");
        var etag = (await client.GetAsync("/v1/agencies/ja-muc/data")).Headers.ETag!.Tag;
        var request = Json("PATCH", "/v1/agencies/ja-muc", """{"languages":[null]}""", "application/merge-patch+json");
        request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));

        Assert.Equal("languages[0] must not be null.", await HttpAssert.InvalidAsync(await client.SendAsync(request), "languages[0]"));
    }

    [Fact]
    public async Task AMergePatchThatNamesAFieldTwiceIsRefused()
    {
        var client = ClientAs("admin");
        var etag = (await client.GetAsync("/v1/networks/net-by")).Headers.ETag!.Tag;
        var request = Json("PATCH", "/v1/networks/net-by", """{"status":"dormant","status":"active"}""", "application/merge-patch+json");
        request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));

        Assert.Equal("status appears more than once.", await HttpAssert.InvalidAsync(await client.SendAsync(request), "status"));
    }

    [Fact]
    public async Task ACoveragePolygonThatNamesAFieldTwiceIsAFieldError()
    {
        var response = await ClientAs("coordinator").SendAsync(Json("POST", "/v1/services",
            """{"agencyId":"ja-muc","responsibility":"consultation","coveragePolygon":{"type":"Polygon","type":"Point"}}"""));

        Assert.Contains("coveragePolygon", await HttpAssert.InvalidAsync(response, "coveragePolygon"));
    }

    [Theory]
    [InlineData("\"x\"", "body", "body must be a JSON object.")]
    [InlineData("""{"ids":"ja-muc"}""", "ids", "ids must be an array.")]
    [InlineData("""{"ids":[1]}""", "ids[0]", "ids[0] must be a string.")]
    [InlineData("""{"ids":""", "ids", "The body is not valid JSON (line 1, position 8).")]
    [InlineData("", "body", "A JSON body is required.")]
    public async Task AnUnreadableBodyIsNamedInApiTermsWithoutDotNetTypes(string body, string field, string message)
    {
        var response = await factory.CreateSeededClient().SendAsync(Json("POST", "/v1/agencies/batch", body));

        Assert.Equal(message, await HttpAssert.InvalidAsync(response, field));
    }

    [Fact]
    public async Task AWrongTypeInAWriteBodyNamesTheNestedField()
    {
        var response = await ClientAs("coordinator").SendAsync(Json("POST", "/v1/agencies", """{"name":"X","location":{"latitude":"north"}}"""));

        Assert.Equal("location.latitude must be a number (within range).", await HttpAssert.InvalidAsync(response, "location.latitude"));
        var date = await ClientAs("coordinator").SendAsync(Json("POST", "/v1/schedules", """{"label":"X","validFrom":"2026-02-30"}"""));
        Assert.Equal("validFrom must be a date (yyyy-MM-dd).", await HttpAssert.InvalidAsync(date, "validFrom"));
    }

    private HttpClient ClientAs(string role) => role switch
    {
        "anonymous" => factory.CreateSeededClient(),
        "coordinator" => factory.CreateClientAs("coordinator", "09"),
        _ => factory.CreateClientAs(role),
    };

    private static HttpRequestMessage Json(string method, string path, string body, string contentType = "application/json") =>
        new(new HttpMethod(method), path) { Content = new StringContent(body, Encoding.UTF8, contentType) };
}
