using System.Text.Json;
using System.Text.Json.Nodes;

namespace NetworkDirectory.Tests.Contract;

/// <summary>Every example in the committed contract validates against the schema it illustrates (a partner's mock server serves them).</summary>
public sealed class ContractExampleTests
{
    [Fact]
    public void EveryExampleValidatesAgainstItsSchema()
    {
        var contract = CommittedContract.Instance;
        var checkedExamples = 0;
        var failures = new List<string>();
        Walk(contract.Document, "#");
        Assert.True(checkedExamples > 10, $"only {checkedExamples} examples found");
        Assert.True(failures.Count == 0, string.Join("\n", failures));

        void Walk(JsonNode? node, string pointer)
        {
            switch (node)
            {
                case JsonObject o:
                    // Parameters, headers and media types carry an example beside their schema.
                    if (o["example"] is { } example && o["schema"] is { } schema)
                    {
                        checkedExamples++;
                        var value = JsonSerializer.SerializeToElement(example);
                        failures.AddRange(contract.Validate(contract.Resolve(schema), value).Select(e => $"{pointer}/example: {e}"));
                    }
                    foreach (var (key, child) in o)
                    {
                        Walk(child, $"{pointer}/{key.Replace("~", "~0").Replace("/", "~1")}");
                    }
                    break;
                case JsonArray a:
                    for (var i = 0; i < a.Count; i++)
                    {
                        Walk(a[i], $"{pointer}/{i}");
                    }
                    break;
            }
        }
    }
}
