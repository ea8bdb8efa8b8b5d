using System.Globalization;

namespace NetworkDirectory.Api.Auth;

/// <summary>
/// <c>keys create --name NAME --role ROLE [--scope KEY]... [--expires yyyy-MM-dd]</c>,
/// <c>keys list</c>, <c>keys revoke ID</c>: key management on the server itself, e.g. for the first admin key.
/// </summary>
public static class ApiKeyCommands
{
    public const string Usage = """
        usage: keys create --name NAME --role professional|coordinator|admin [--scope KEY]... [--expires yyyy-MM-dd]
               keys list
               keys revoke ID
        """;

    /// <returns>Null when args are not a keys command; otherwise the exit code of the command.</returns>
    public static Task<int>? TryRun(string[] args, IServiceProvider services) => TryRun(args, services, Console.Out, Console.Error);

    public static Task<int>? TryRun(string[] args, IServiceProvider services, TextWriter output, TextWriter error)
    {
        if (args.Length == 0 || args[0] != "keys")
        {
            return null;
        }
        args = WithoutHostSettings(args);
        var store = services.GetRequiredService<ApiKeyStore>();
        var clock = services.GetRequiredService<TimeProvider>();
        return args.ElementAtOrDefault(1) switch
        {
            "create" => CreateAsync(args[2..], store, clock, output, error),
            "list" => ListAsync(store, clock, output),
            "revoke" when args.Length == 3 => RevokeAsync(args[2], store, output, error),
            _ => Fail(error, Usage),
        };
    }

    private static async Task<int> CreateAsync(string[] options, ApiKeyStore store, TimeProvider clock, TextWriter output, TextWriter error)
    {
        string? name = null, role = null, expires = null;
        var scope = new List<string>();
        for (var i = 0; i < options.Length; i += 2)
        {
            var value = i + 1 < options.Length ? options[i + 1] : null;
            switch (options[i])
            {
                case "--name" when value is not null: name = value; break;
                case "--role" when value is not null: role = value; break;
                case "--scope" when value is not null: scope.Add(value); break;
                case "--expires" when value is not null: expires = value; break;
                default: return await Fail(error, $"unknown or incomplete option '{options[i]}'\n{Usage}");
            }
        }
        DateOnly? expiresOn = null;
        if (expires is not null)
        {
            if (!DateOnly.TryParseExact(expires, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return await Fail(error, $"--expires: '{expires}' is not a date (yyyy-MM-dd).");
            }
            expiresOn = date;
        }

        var createdBy = "cli:" + Environment.UserName;
        var (key, errors) = await ApiKeyValidator.ValidateAsync(name, role, scope, expiresOn, createdBy, store, clock);
        if (key is null)
        {
            return await Fail(error, string.Join('\n', errors.SelectMany(e => e.Value)));
        }
        var (info, secretKey) = await store.CreateAsync(key);
        await output.WriteLineAsync($"Created key {info.Id} '{info.Name}' ({info.Role}; scope {Scope(info)}; works through {info.ExpiresAt.AddDays(-1):yyyy-MM-dd}, UTC).");
        await output.WriteLineAsync("The key is shown only now; store it safely:");
        await output.WriteLineAsync(secretKey);
        return 0;
    }

    private static async Task<int> ListAsync(ApiKeyStore store, TimeProvider clock, TextWriter output)
    {
        var now = clock.GetUtcNow();
        await output.WriteLineAsync("id\tprefix\tname\trole\tscope\texpires_at\tstatus");
        foreach (var key in await store.ListAsync())
        {
            var status = ApiKeyResponse.From(key, now).Status;
            await output.WriteLineAsync($"{key.Id}\t{key.Prefix}\t{key.Name}\t{key.Role}\t{Scope(key)}\t{ApiKeyTime.Format(key.ExpiresAt)}\t{status}");
        }
        return 0;
    }

    private static async Task<int> RevokeAsync(string id, ApiKeyStore store, TextWriter output, TextWriter error)
    {
        if (!await store.RevokeAsync(id))
        {
            return await Fail(error, $"No API key with id '{id}' exists.");
        }
        await output.WriteLineAsync($"Revoked key {id}.");
        return 0;
    }

    /// <summary>Drops settings the host has read already: --Database:Path=/x, --Database:Path /x, --urls=...</summary>
    private static string[] WithoutHostSettings(string[] args)
    {
        var kept = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal) && (args[i].Contains('=') || args[i].Contains(':')))
            {
                i += args[i].Contains('=') ? 0 : 1;
                continue;
            }
            kept.Add(args[i]);
        }
        return [.. kept];
    }

    private static string Scope(ApiKeyInfo key) => key.Scope.Count == 0 ? "-" : string.Join(',', key.Scope);

    private static async Task<int> Fail(TextWriter error, string message)
    {
        await error.WriteLineAsync(message);
        return 2;
    }
}
