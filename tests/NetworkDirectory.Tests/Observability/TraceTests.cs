using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace NetworkDirectory.Tests.Observability;

/// <summary>An operator finds the trace of a failed request by the correlationId its problem body shows.</summary>
public sealed class TraceTests
{
    [Theory]
    [InlineData("/v1/agencies/no-such-agency", 404)]
    [InlineData("/v1/admin/api-keys", 401)]
    [InlineData("/v1/lookup?regionKey=09162000&age=200", 400)]
    public async Task TheProblemsCorrelationIdIsTheServerSpansId(string url, int status)
    {
        var exported = new Exported<Activity>();
        using var host = new ApiFactory();
        using var traced = host.WithWebHostBuilder(b => b.ConfigureServices(services =>
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(exported))));
        var client = traced.CreateClient();

        var problem = await HttpAssert.ProblemAsync(await client.GetAsync(url), status);
        var correlationId = problem.GetProperty("correlationId").GetString();

        var span = exported.WaitFor(a => a.Id == correlationId);
        Assert.Equal(ActivityKind.Server, span.Kind);
        Assert.Equal(status, span.GetTagItem("http.response.status_code"));
        Assert.StartsWith($"00-{span.TraceId}-{span.SpanId}-", correlationId);
    }

    [Fact]
    public async Task AnIncomingTraceparentIsContinued()
    {
        var exported = new Exported<Activity>();
        using var host = new ApiFactory();
        using var traced = host.WithWebHostBuilder(b => b.ConfigureServices(services =>
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(exported))));
        var client = traced.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/v1/agencies/no-such-agency");
        request.Headers.Add("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");

        var problem = await HttpAssert.ProblemAsync(await client.SendAsync(request), 404);

        var correlationId = problem.GetProperty("correlationId").GetString()!;
        Assert.StartsWith("00-0af7651916cd43dd8448eb211c80319c-", correlationId);
        var span = exported.WaitFor(a => a.Id == correlationId);
        Assert.Equal("b7ad6b7169203331", span.ParentSpanId.ToHexString());
    }
}
