using System.Text.Json;
using System.Text.Json.Nodes;

namespace NetworkDirectory.Tests.Contract;

/// <summary>
/// The committed contract (openapi/networkdirectory.v1.json) must equal the document the code
/// generates. After an intended change, regenerate it with:
///   UPDATE_OPENAPI=1 dotnet test --filter FullyQualifiedName~OpenApiContractTests
/// and commit the file.
/// </summary>
public sealed class OpenApiContractTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly string CommittedPath = Path.Combine(RepositoryRoot(), "openapi", "networkdirectory.v1.json");

    [Fact]
    public async Task CommittedContractMatchesTheGeneratedOne()
    {
        var generated = Normalize(await factory.CreateClient().GetStringAsync("/swagger/v1/swagger.json"));
        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(CommittedPath, generated);
        }

        Assert.True(File.Exists(CommittedPath), $"{CommittedPath} is missing. Run: UPDATE_OPENAPI=1 dotnet test --filter FullyQualifiedName~OpenApiContractTests");
        var committed = Normalize(await File.ReadAllTextAsync(CommittedPath));
        Assert.True(committed == generated,
            "openapi/networkdirectory.v1.json differs from the generated document. If the change is intended, run " +
            "'UPDATE_OPENAPI=1 dotnet test --filter FullyQualifiedName~OpenApiContractTests' and commit the file.");
    }

    [Fact]
    public async Task EveryOperationHasAStableIdSummaryAndTag()
    {
        var document = JsonNode.Parse(await factory.CreateClient().GetStringAsync("/swagger/v1/swagger.json"))!;
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                Assert.False(string.IsNullOrEmpty(operation!["operationId"]?.GetValue<string>()), $"{method} {path} has an operationId");
                Assert.False(string.IsNullOrEmpty(operation["summary"]?.GetValue<string>()), $"{method} {path} has a summary");
                Assert.NotNull(operation["tags"]);
                foreach (var declared in operation["parameters"]?.AsArray() ?? [])
                {
                    // Shared parameters (If-Match, If-None-Match) are declared once under components.
                    var parameter = declared!["$ref"]?.GetValue<string>() is { } reference
                        ? document["components"]!["parameters"]![reference.Split('/')[^1]]!
                        : declared;
                    Assert.False(string.IsNullOrEmpty(parameter!["description"]?.GetValue<string>()), $"{method} {path} parameter {parameter["name"]} has a description");
                }
            }
        }
    }

    private static string Normalize(string json) =>
        JsonNode.Parse(json)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })
            .ReplaceLineEndings("\n") + "\n";

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "NetworkDirectory.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("NetworkDirectory.sln not found above " + AppContext.BaseDirectory);
    }
}
