using System.Net;
using System.Text;

namespace NetworkDirectory.Tests.Contract;

/// <summary>The conformance handler itself: it must refuse what the contract does not allow, or it proves nothing.</summary>
public sealed class ContractConformanceHandlerTests
{
    [Theory]
    [InlineData("/v1/agencies/x", 200, "application/json", """{"id": 42}""", "GetAgency 200 body")]
    [InlineData("/v1/agencies/x", 418, "application/problem+json", """{"status": 418}""", "status 418 is not declared")]
    [InlineData("/v1/agencies/x", 200, "text/html", "<p>hi</p>", "content type 'text/html' is not declared")]
    [InlineData("/v1/unknown", 404, "application/problem+json", "{}", "no path of the contract matches")]
    [InlineData("/v1/lookup", 200, "application/json", """{"results": "all"}""", "Lookup 200 body")]
    public async Task ResponsesOutsideTheContractFailTheTest(string path, int status, string mediaType, string body, string expected)
    {
        using var client = Client(status, mediaType, body);
        var error = await Assert.ThrowsAsync<ContractViolationException>(() => client.GetAsync(path));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public async Task AHeaderTheContractDoesNotDeclareFailsTheTest()
    {
        using var client = Client(200, "application/json", "[]", ("Retry-After", "5"));
        var error = await Assert.ThrowsAsync<ContractViolationException>(() => client.GetAsync("/v1/regions"));
        Assert.Contains("header Retry-After is sent but not declared", error.Message);
    }

    [Fact]
    public async Task ANullableObjectMayBeNullAndResponsesMayGainFields()
    {
        using var client = Client(200, "application/json", """{"id": "a", "version": 1, "data": {"name": "A", "location": null}, "addedLater": true}""");
        var response = await client.GetAsync("/v1/agencies/x/data");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ADeliberatelyOffContractRequestIsNotChecked()
    {
        using var client = Client(418, "text/html", "teapot");
        var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/v1/agencies/x").OffContract("test of the exemption"));
        Assert.Equal(418, (int)response.StatusCode);
    }

    private static HttpClient Client(int status, string mediaType, string body, params (string Name, string Value)[] headers) =>
        new(new ContractConformanceHandler { InnerHandler = new Canned(status, mediaType, body, headers) }) { BaseAddress = new Uri("http://localhost") };

    private sealed class Canned(int status, string mediaType, string body, (string Name, string Value)[] headers) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(body, Encoding.UTF8, mediaType), RequestMessage = request };
            foreach (var (name, value) in headers)
            {
                response.Headers.TryAddWithoutValidation(name, value);
            }
            return Task.FromResult(response);
        }
    }
}
