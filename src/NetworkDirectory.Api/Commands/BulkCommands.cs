using System.CommandLine;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using NetworkDirectory.Api.Agencies;
using NetworkDirectory.Api.Auth;
using NetworkDirectory.Api.Common;
using NetworkDirectory.Api.Contacts;
using NetworkDirectory.Api.Geography;
using NetworkDirectory.Api.Imports;
using NetworkDirectory.Api.Regions;
using NetworkDirectory.Api.Schedules;
using NetworkDirectory.Api.Services;

namespace NetworkDirectory.Api.Commands;

/// <summary>
/// <c>directory export --region 09 OUTPUT</c> and <c>directory import FILE --region 09 [--dry-run] [--delete-missing] [--if-match TOKEN]</c>:
/// the bulk import of POST /v1/imports, run on the server itself with an admin's rights. The report is the API's JSON.
/// A running server on the same database reloads its directory when its import watcher sees the new imports row.
/// </summary>
public static class BulkCommands
{
    public static Command Directory(CommandHost host) => new("directory", "Export a region in the import template, or import a file (dry run first).")
    {
        ExportCommand(host),
        ImportCommand(host),
    };

    private static Option<string> Region() => new("--region") { Description = "The region: every row must lie in it (" + RegionKey.Description + ")", Required = true };

    private static Command ExportCommand(CommandHost host)
    {
        var region = Region();
        var output = new Argument<string>("output") { Description = "The file to write; .xlsx writes XLSX, anything else CSV. Relative to the current directory." };
        var command = new Command("export", "Write a region's agencies, services, contacts and schedules in the import template.") { region, output };
        command.SetAction((parse, cancellationToken) => host.RunAsync(parse, AddBulk, loadSample: true, async (services, ct) =>
        {
            if (!TryRegion(parse.GetRequiredValue(region), host.Console, out var key))
            {
                return ExitCodes.Usage;
            }
            var path = host.Console.FullPath(parse.GetRequiredValue(output));
            var format = Format(path);
            var rows = await services.GetRequiredService<DirectoryExport>().RowsAsync(key, ct);
            await File.WriteAllBytesAsync(path, ImportFile.Write(rows, format), ct);
            await host.Console.Output.WriteLineAsync($"Exported {rows.Count} rows of region {key} to {path}.");
            return ExitCodes.Done;
        }, cancellationToken));
        return command;
    }

    private static Command ImportCommand(CommandHost host)
    {
        var region = Region();
        var file = new Argument<string>("file") { Description = "A CSV (UTF-8) or .xlsx file in the template. Relative to the current directory." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the diff, the problems and a token; write nothing." };
        var deleteMissing = new Option<bool>("--delete-missing") { Description = "Delete the region's entities the file does not list." };
        var ifMatch = new Option<string>("--if-match") { Description = "The dry run's token (or * to apply whatever the diff is now); needed to apply.", HelpName = "token" };
        var command = new Command("import", "Import a file: dry run with --dry-run, then apply with --if-match and the dry run's token.") { file, region, dryRun, deleteMissing, ifMatch };
        command.SetAction((parse, cancellationToken) => host.RunAsync(parse, AddBulk, loadSample: true, async (services, ct) =>
        {
            if (!TryRegion(parse.GetRequiredValue(region), host.Console, out var key))
            {
                return ExitCodes.Usage;
            }
            var path = host.Console.FullPath(parse.GetRequiredValue(file));
            if (!File.Exists(path))
            {
                await host.Console.Error.WriteLineAsync($"Import failed, nothing was changed: no file at '{path}'.");
                return ExitCodes.Failed;
            }
            var caller = new Caller("command line", Roles.Admin, []);
            var outcome = await services.GetRequiredService<ImportRunner>().RunAsync(new ImportRequest(
                await File.ReadAllBytesAsync(path, ct), Format(path), key, parse.GetValue(deleteMissing), parse.GetValue(dryRun),
                parse.GetValue(ifMatch), caller, null), ct);
            var json = services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            if (outcome.Report is { } report)
            {
                await host.Console.Output.WriteLineAsync(JsonSerializer.Serialize(report, new JsonSerializerOptions(json) { WriteIndented = true }));
            }
            if (outcome.Status != StatusCodes.Status200OK)
            {
                await host.Console.Error.WriteLineAsync($"Import failed, nothing was changed ({outcome.Status} {outcome.Title}): {outcome.Detail}");
                return ExitCodes.Failed;
            }
            return ExitCodes.Done;
        }, cancellationToken));
        return command;
    }

    private static void AddBulk(IServiceCollection services)
    {
        services.AddGeographyImports();
        services.AddSchedules().AddContacts().AddServices().AddAgencies().AddImports();
        // Nothing to refresh in the command's process; a running server's ImportWatcher picks the import up.
        services.AddSingleton<IDirectoryChanges, NoDirectorySnapshot>();
    }

    private static ImportFormat Format(string path) =>
        path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? ImportFormat.Xlsx : ImportFormat.Csv;

    private static bool TryRegion(string region, CommandConsole console, out string key)
    {
        if (RegionKey.TryNormalize(region, out key))
        {
            return true;
        }
        console.Error.WriteLine($"--region: {RegionKey.Invalid(region)}");
        return false;
    }

    private sealed class NoDirectorySnapshot : IDirectoryChanges
    {
        public Task ChangedAsync(DirectoryChange change, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task ReloadAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}
