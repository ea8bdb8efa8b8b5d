using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NetworkDirectory.Api.Auth;
using NetworkDirectory.Api.Lookup;
using NetworkDirectory.Tests.Contract;

namespace NetworkDirectory.Tests;

/// <summary>
/// The test host. Each instance owns its own SQLite file in the temp folder. By default it loads
/// the small fixture network of <see cref="TestNetwork"/> instead of the bundled sample, so that
/// assertions do not move when the sample is edited; pass loadSample: true to test the sample.
/// </summary>
public class ApiFactory : WebApplicationFactory<Program>
{
    private readonly bool _loadSample;

    public ApiFactory() : this(loadSample: false) { }

    protected ApiFactory(bool loadSample)
    {
        _loadSample = loadSample;
        DatabasePath = Path.Combine(Path.GetTempPath(), $"nd-test-{Guid.NewGuid():N}.db");
    }

    public string DatabasePath { get; }

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Path", DatabasePath);
        builder.UseSetting("Database:LoadSample", _loadSample ? "true" : "false");
        // The write tests write more than a coordinator would; the limits have tests of their own.
        builder.UseSetting("Auth:WritesPerMinute", "100000");
        builder.UseEnvironment("Testing");
    }

    /// <summary>
    /// A client whose every response is checked against the committed contract
    /// (<see cref="Contract.ContractConformanceHandler"/>): a test fails when the API answers outside it.
    /// </summary>
    public new HttpClient CreateClient() => this.CreateCheckedClient();

    /// <summary>Starts the host (which migrates) and loads the fixture network unless the sample is used.</summary>
    public HttpClient CreateSeededClient()
    {
        var client = CreateClient();
        if (!_loadSample)
        {
            using var connection = OpenDatabase();
            if (connection.ExecuteScalar<long>("SELECT count(*) FROM agencies") == 0)
            {
                connection.Execute(TestNetwork.Sql);
            }
            // The lookup answers from an in-memory snapshot taken at start: refresh it after seeding.
            Services.GetRequiredService<DirectorySnapshotHolder>().ReloadAsync().GetAwaiter().GetResult();
        }
        return client;
    }

    /// <summary>Creates an API key through the key store (call CreateSeededClient first when scope names regions).</summary>
    public async Task<string> CreateApiKeyAsync(string role, params string[] scope) =>
        await CreateApiKeyAsync(role, DateTimeOffset.UtcNow.AddDays(30), scope);

    public async Task<string> CreateApiKeyAsync(string role, DateTimeOffset expiresAt, params string[] scope)
    {
        var store = Services.GetRequiredService<ApiKeyStore>();
        var (_, key) = await store.CreateAsync(new NewApiKey($"Test {role}", role, scope, expiresAt, "test"));
        return key;
    }

    /// <summary>A seeded client with a fresh API key of that role and scope.</summary>
    public HttpClient CreateClientAs(string role, params string[] scope)
    {
        CreateSeededClient();
        return CreateClientWithKey(CreateApiKeyAsync(role, scope).GetAwaiter().GetResult());
    }

    /// <summary>A client that sends <c>Authorization: ApiKey &lt;key&gt;</c> with every request.</summary>
    public HttpClient CreateClientWithKey(string key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("ApiKey", key);
        return client;
    }

    public SqliteConnection OpenDatabase()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, ForeignKeys = true, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(DatabasePath + suffix);
        }
    }
}

/// <summary>The host with the bundled sample network loaded, as a fresh install would have it.</summary>
public sealed class SampleApiFactory() : ApiFactory(loadSample: true);

public static class HttpAssert
{
    /// <summary>Asserts a problem+json answer with the status, and returns its body.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, int status)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(status, body.GetProperty("status").GetInt32());
        Assert.True(body.TryGetProperty("correlationId", out _), "problem body carries a correlationId");
        return body;
    }

    /// <summary>Asserts a 400 validation problem naming the field, and returns the field's first message.</summary>
    public static async Task<string> InvalidAsync(HttpResponseMessage response, string field)
    {
        var body = await ProblemAsync(response, 400);
        var errors = body.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"errors names '{field}': {errors}");
        return messages[0].GetString()!;
    }

    public static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
