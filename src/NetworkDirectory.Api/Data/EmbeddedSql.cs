using System.Reflection;

namespace NetworkDirectory.Api.Data;

/// <summary>A SQL script shipped inside the assembly (see the csproj's EmbeddedResource items).</summary>
public sealed record SqlScript(string Name, string Sql)
{
    /// <summary>Scripts under a resource prefix ("migrations/", "sample/"), ordered by name.</summary>
    public static IReadOnlyList<SqlScript> Load(string prefix)
    {
        var assembly = typeof(SqlScript).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name => new SqlScript(name[prefix.Length..], Read(assembly, name)))
            .ToList();
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded script {name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
