using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using NetworkDirectory.Api.Auth;
using NetworkDirectory.Client;
using NetworkDirectory.Client.Models;

namespace NetworkDirectory.KiotaCheck;

/// <summary>The API with its bundled sample network, in a temp database, as a fresh install has it.</summary>
public sealed class SampleServer : WebApplicationFactory<Program>
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"nd-kiota-{Guid.NewGuid():N}.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Path", _database);
        builder.UseSetting("Database:LoadSample", "true");
        builder.UseEnvironment("Testing");
    }

    /// <summary>A generated client over the test server; with a key, sent as X-Api-Key as the contract's ApiKey scheme says.</summary>
    public DirectoryClient Client(string? key = null)
    {
        IAuthenticationProvider auth = key is null
            ? new AnonymousAuthenticationProvider()
            : new ApiKeyAuthenticationProvider(key, PresentedCredential.ApiKeyHeader, ApiKeyAuthenticationProvider.KeyLocation.Header);
        // https: Kiota's API-key provider refuses to send a key over plain http (the test server accepts either).
        var http = CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });
        var adapter = new HttpClientRequestAdapter(auth, httpClient: http) { BaseUrl = "https://localhost" };
        return new DirectoryClient(adapter);
    }

    public string AdminKey()
    {
        var store = Services.GetRequiredService<ApiKeyStore>();
        return store.CreateAsync(new NewApiKey("Kiota check", "admin", [], DateTimeOffset.UtcNow.AddDays(1), "kiota-check")).GetAwaiter().GetResult().Key;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_database + suffix);
        }
    }
}

/// <summary>What a partner's generated client must be able to read, through the client Kiota makes of the committed contract.</summary>
public sealed class GeneratedClientTests(SampleServer server) : IClassFixture<SampleServer>
{
    [Fact]
    public async Task ReadsACoveredLookupWithAnAgencyNobodyAnswersAtNight()
    {
        var answer = await server.Client().V1.Lookup.GetAsync(r =>
        {
            r.QueryParameters.RegionKey = "09162";
            r.QueryParameters.Responsibility = ["taking_into_care"];
            r.QueryParameters.At = "2026-11-29T02:00";
        });

        var result = Assert.Single(answer!.Results!);
        Assert.Equal("covered", result.Status);
        Assert.Contains(result.Agencies!, a => a.Contact is { Value.Length: > 0 });
        // The Stadtjugendamt's office is closed at 02:00 and it has no on-call line: contact is null.
        var closed = Assert.Single(result.Agencies!, a => a.AgencyId == "m-stadtjugendamt");
        Assert.Null(closed.Contact);
        Assert.False(closed.ReachableNow);
        Assert.Equal("09162", answer.Location!.Regions![0].Key);
    }

    [Fact]
    public async Task ReadsAGap()
    {
        var answer = await server.Client().V1.Lookup.GetAsync(r =>
        {
            r.QueryParameters.RegionKey = "09189";
            r.QueryParameters.Responsibility = ["guardianship"];
        });

        var result = Assert.Single(answer!.Results!);
        Assert.Equal("gap", result.Status);
        Assert.Empty(result.Agencies!);
    }

    [Fact]
    public async Task ReadsAgencyListsAndDetails()
    {
        var client = server.Client();
        var page = await client.V1.Agencies.GetAsync(r =>
        {
            r.QueryParameters.Responsibility = "taking_into_care";
            r.QueryParameters.Region = "09162";
        });
        Assert.NotEmpty(page!.Items!);
        Assert.True(page.Total >= page.Items!.Count);

        var agency = await client.V1.Agencies["m-stadtjugendamt"].GetAsync();
        Assert.Equal("m-stadtjugendamt", agency!.Id);
        Assert.NotEmpty(agency.Contacts!);
        Assert.NotEmpty(agency.Services!);
    }

    [Fact]
    public async Task ReadsNetworksAndRegions()
    {
        var client = server.Client();
        var networks = await client.V1.Networks.GetAsync();
        Assert.Contains(networks!.Items!, n => n.Id == "net-by-oberbayern");
        var network = await client.V1.Networks["net-by-oberbayern"].GetAsync();
        Assert.NotEmpty(network!.Members!);

        var regions = await client.V1.Regions.GetAsync(r => r.QueryParameters.Level = "land");
        Assert.NotEmpty(regions!.Items!);
        var bayern = await client.V1.Regions["09"].GetAsync();
        Assert.Equal("Bayern", bayern!.Region!.Name);
    }

    [Fact]
    public async Task ReadsAnAuditPageWithAKey()
    {
        var page = await server.Client(server.AdminKey()).V1.Audit.GetAsync(r => r.QueryParameters.Limit = 5);
        Assert.NotNull(page!.Items);
        Assert.True(page.Total >= 0);
    }

    [Fact]
    public async Task ReadsProblems()
    {
        var client = server.Client();
        var missing = await Assert.ThrowsAsync<ProblemDetails>(() => client.V1.Agencies["no-such-agency"].GetAsync());
        Assert.Equal(404, missing.Status);
        Assert.True(missing.AdditionalData.ContainsKey("correlationId"));

        var invalid = await Assert.ThrowsAsync<HttpValidationProblemDetails>(() => client.V1.Agencies.GetAsync(r => r.QueryParameters.Limit = 500));
        Assert.Equal(400, invalid.Status);
        Assert.True(invalid.Errors!.AdditionalData.ContainsKey("limit"));
    }
}
