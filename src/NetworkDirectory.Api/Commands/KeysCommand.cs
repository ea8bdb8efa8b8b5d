using System.CommandLine;
using NetworkDirectory.Api.Auth;

namespace NetworkDirectory.Api.Commands;

/// <summary>
/// <c>keys create</c>, <c>keys list</c>, <c>keys revoke ID</c>: key management on the server itself, e.g.
/// for the first admin key. Needs only the database and the key store.
/// </summary>
public static class KeysCommand
{
    private static readonly Dictionary<string, string> OptionOfField = new()
    {
        ["name"] = "--name", ["role"] = "--role", ["scope"] = "--scope", ["expiresOn"] = "--expires",
        ["allowedOrigins"] = "--origin", ["requestsPerMinute"] = "--requests-per-minute",
    };

    public static Command Create(CommandHost host) => new("keys", "Create, list and revoke API keys.")
    {
        CreateCommand(host),
        ListCommand(host),
        RevokeCommand(host),
    };

    private static Command CreateCommand(CommandHost host)
    {
        var name = new Option<string>("--name") { Description = "Who the key is for, e.g. \"Koordinierung Bayern\".", Required = true };
        var role = new Option<string>("--role")
        {
            Description = "partner reads public data for a partner website (--origin, --requests-per-minute); professional sees professional contacts; coordinator writes within its --scope; admin does everything.",
            Required = true,
            HelpName = string.Join('|', Roles.All),
        };
        role.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } value && !Roles.All.Contains(value))
            {
                result.AddError($"--role: '{value}' is not a role; use one of {string.Join(", ", Roles.All)}.");
            }
        });
        var scope = new Option<string[]>("--scope")
        {
            Description = "A Land (2 digits) or Kreis (5 digits) key a coordinator may write in; repeat for more.",
            HelpName = "key",
        };
        var expires = DateOptions.Create("--expires", $"The last day the key works (UTC); default {ApiKeyValidator.DefaultLifetimeDays} days from today.");
        var origin = new Option<string[]>("--origin")
        {
            Description = "A browser origin a partner key may be used from, e.g. https://www.example.org; repeat for more.",
            HelpName = "scheme://host[:port]",
        };
        var quota = new Option<int?>("--requests-per-minute")
        {
            Description = $"A partner key's quota over all its requests; default {PartnerQuota.DefaultRequestsPerMinute}.",
            HelpName = "n",
        };
        var command = new Command("create", "Create a key and print it once; only a salted hash is stored.") { name, role, scope, expires, origin, quota };
        command.SetAction((parse, cancellationToken) => host.RunAsync(parse, services => services.AddApiKeyStore(), loadSample: false,
            (services, ct) => CreateAsync(services, host.Console, new CreateApiKeyRequest(parse.GetRequiredValue(name), parse.GetRequiredValue(role),
                parse.GetValue(scope) ?? [], parse.GetValue(expires), parse.GetValue(origin), parse.GetValue(quota)), ct), cancellationToken));
        return command;
    }

    private static Command ListCommand(CommandHost host)
    {
        var command = new Command("list", "List all keys with their status (never the secret).");
        command.SetAction((parse, cancellationToken) => host.RunAsync(parse, services => services.AddApiKeyStore(), loadSample: false,
            (services, ct) => ListAsync(services, host.Console, ct), cancellationToken));
        return command;
    }

    private static Command RevokeCommand(CommandHost host)
    {
        var id = new Argument<string>("id") { Description = "The key's id, as `keys list` shows it." };
        var command = new Command("revoke", "Revoke a key; it stops working at once.") { id };
        command.SetAction((parse, cancellationToken) => host.RunAsync(parse, services => services.AddApiKeyStore(), loadSample: false,
            (services, ct) => RevokeAsync(services, host.Console, parse.GetRequiredValue(id), ct), cancellationToken));
        return command;
    }

    private static async Task<int> CreateAsync(
        IServiceProvider services, CommandConsole console, CreateApiKeyRequest request, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<ApiKeyStore>();
        var clock = services.GetRequiredService<TimeProvider>();
        var (key, errors) = await ApiKeyValidator.ValidateAsync(request, "cli:" + Environment.UserName, store, clock, cancellationToken);
        if (key is null)
        {
            foreach (var (field, messages) in errors)
            {
                var option = OptionOfField.GetValueOrDefault(field, field);
                foreach (var message in messages)
                {
                    await console.Error.WriteLineAsync($"{option}: {(message.StartsWith(field + ": ", StringComparison.Ordinal) ? message[(field.Length + 2)..] : message)}");
                }
            }
            return ExitCodes.Usage;
        }
        var (info, secretKey) = await store.CreateAsync(key, cancellationToken);
        await console.Output.WriteLineAsync($"Created key {info.Id} '{info.Name}' ({info.Role}; {Grants(info)}; works through {info.ExpiresAt.AddDays(-1):yyyy-MM-dd}, UTC).");
        await console.Output.WriteLineAsync("The key is shown only now; store it safely:");
        await console.Output.WriteLineAsync(secretKey);
        return ExitCodes.Done;
    }

    private static async Task<int> ListAsync(IServiceProvider services, CommandConsole console, CancellationToken cancellationToken)
    {
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        await console.Output.WriteLineAsync("id\tprefix\tname\trole\tscope\texpires_at\tstatus");
        foreach (var key in await services.GetRequiredService<ApiKeyStore>().ListAsync(cancellationToken))
        {
            var status = ApiKeyResponse.From(key, now).Status;
            await console.Output.WriteLineAsync($"{key.Id}\t{key.Prefix}\t{key.Name}\t{key.Role}\t{(key.RequestsPerMinute is null ? Scope(key) : Grants(key))}\t{ApiKeyTime.Format(key.ExpiresAt)}\t{status}");
        }
        return ExitCodes.Done;
    }

    private static async Task<int> RevokeAsync(IServiceProvider services, CommandConsole console, string id, CancellationToken cancellationToken)
    {
        if (!await services.GetRequiredService<ApiKeyStore>().RevokeAsync(id, cancellationToken))
        {
            await console.Error.WriteLineAsync($"No API key with id '{id}' exists; `keys list` shows the ids.");
            return ExitCodes.Failed;
        }
        await console.Output.WriteLineAsync($"Revoked key {id}.");
        return ExitCodes.Done;
    }

    private static string Grants(ApiKeyInfo key) => key.RequestsPerMinute is { } quota
        ? $"origins {(key.AllowedOrigins.Count == 0 ? "none (server to server only)" : string.Join(',', key.AllowedOrigins))}; {quota} requests per minute"
        : $"scope {Scope(key)}";

    private static string Scope(ApiKeyInfo key) => key.Scope.Count == 0 ? "-" : string.Join(',', key.Scope);
}
