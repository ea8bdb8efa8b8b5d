using System.Reflection;
using NetArchTest.Rules;

namespace NetworkDirectory.Tests.Architecture;

/// <summary>
/// Feature folders (one namespace each under NetworkDirectory.Api) may use each other, Common/ and
/// Data/, but never in a circle: when two features need each other, the shared piece moves down to
/// Common/, or one side depends on a small interface the other implements. NetArchTest reads the IL,
/// so calls inside method bodies count as well as signatures.
/// </summary>
public sealed class FeatureDependencyTests
{
    private const string Root = "NetworkDirectory.Api.";
    private static readonly Assembly Api = typeof(NetworkDirectory.Api.Common.Dates).Assembly;

    [Fact]
    public void FeatureFoldersFormNoDependencyCycle()
    {
        var graph = DependencyGraph(Api);
        var cycles = Cycles(graph.Keys.ToList(), (from, to) => graph[from].ContainsKey(to));
        Assert.True(cycles.Count == 0, "Feature folders depend on each other in a circle:\n" + string.Join("\n", cycles.Select(cycle =>
            string.Join(" -> ", cycle.Append(cycle[0])) + "\n" + string.Join("\n", cycle.Select((from, i) =>
            {
                var to = cycle[(i + 1) % cycle.Count];
                return $"  {from} -> {to} through: {string.Join(", ", graph[from][to])}";
            })))));
    }

    [Fact]
    public void TheCycleCheckFindsACycleAndNamesItsMembers()
    {
        var edges = new Dictionary<string, string[]> { ["A"] = ["B"], ["B"] = ["C"], ["C"] = ["A"], ["D"] = ["A"] };
        var cycles = Cycles(edges.Keys.ToList(), (from, to) => edges[from].Contains(to));
        var cycle = Assert.Single(cycles);
        Assert.Equal(["A", "B", "C"], cycle.Order());
    }

    [Fact]
    public void TheGraphSeesADependencyInsideAMethodBody()
    {
        // Writes must not know Lookup; Lookup knows Writes' seam only through Common. Agencies -> Services is a real edge (the agency detail lists services).
        var graph = DependencyGraph(Api);
        Assert.True(graph["Agencies"].ContainsKey("Services"), "Agencies uses ServiceQueries in AgencyQueries.GetAsync");
        Assert.False(graph["Writes"].ContainsKey("Lookup"));
    }

    /// <summary>For each feature, the features it uses and through which of its types.</summary>
    private static Dictionary<string, Dictionary<string, List<string>>> DependencyGraph(Assembly assembly)
    {
        var features = assembly.GetTypes()
            .Select(t => t.Namespace)
            .OfType<string>()
            .Where(ns => ns.StartsWith(Root, StringComparison.Ordinal))
            .Select(ns => ns[Root.Length..].Split('.')[0])
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        var graph = features.ToDictionary(f => f, _ => new Dictionary<string, List<string>>());
        foreach (var from in features)
        {
            foreach (var to in features.Where(to => to != from))
            {
                var result = Types.InAssembly(assembly).That().ResideInNamespace(Root + from)
                    .ShouldNot().HaveDependencyOn(Root + to).GetResult();
                if (!result.IsSuccessful)
                {
                    graph[from][to] = result.FailingTypes.Select(t => t.Name.Split('`')[0].Split('<')[0]).Distinct().Order(StringComparer.Ordinal).ToList();
                }
            }
        }
        return graph;
    }

    /// <summary>The strongly connected components with more than one member (Tarjan), each in the order found.</summary>
    private static List<List<string>> Cycles(IReadOnlyList<string> nodes, Func<string, string, bool> edge)
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var result = new List<List<string>>();
        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            onStack.Add(node);
            foreach (var next in nodes.Where(n => n != node && edge(node, n)))
            {
                if (!index.ContainsKey(next))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (onStack.Contains(next))
                {
                    low[node] = Math.Min(low[node], index[next]);
                }
            }
            if (low[node] == index[node])
            {
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    component.Add(member);
                } while (member != node);
                if (component.Count > 1)
                {
                    component.Reverse();
                    result.Add(component);
                }
            }
        }
        foreach (var node in nodes.Where(n => !index.ContainsKey(n)))
        {
            Visit(node);
        }
        return result;
    }
}
