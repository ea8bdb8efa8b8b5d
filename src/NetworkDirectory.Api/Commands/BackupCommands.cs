using System.CommandLine;
using System.Globalization;
using Microsoft.Data.Sqlite;
using NetworkDirectory.Api.Data;

namespace NetworkDirectory.Api.Commands;

/// <summary>
/// <c>backup FILE [--force]</c> and <c>restore FILE --force</c>. Copying the .db file of a running server is not a
/// backup: the newest writes are still in the -wal file beside it. These commands go through SQLite instead.
/// </summary>
public static class BackupCommands
{
    public static Command Backup(CommandHost host)
    {
        var file = new Argument<string>("file") { Description = "Where to write the copy, e.g. backups/nd-2026-01-31.db. Relative to the current directory." };
        var force = new Option<bool>("--force") { Description = "Replace the file if it exists." };
        var command = new Command("backup", """
            Write a consistent copy of the configured database while a server may be writing to it; the copy holds
            everything committed before the backup began. The copy is checked (integrity_check, counts) before it
            replaces an existing file; a copy that fails the check is deleted.
            """) { file, force };
        command.SetAction((parse, cancellationToken) => host.RunOnFileAsync(parse,
            (services, _) => BackupAsync(services, host.Console, parse.GetRequiredValue(file), parse.GetValue(force)), cancellationToken));
        return command;
    }

    public static Command Restore(CommandHost host)
    {
        var file = new Argument<string>("file") { Description = "A file written by `backup`. Relative to the current directory." };
        var force = new Option<bool>("--force") { Description = "Required: confirms that no server is using the database (stop it first)." };
        var command = new Command("restore", """
            Replace the configured database with a verified backup. Stop the server first: a running server would
            go on answering from what it loaded before. The backup is checked first (integrity_check, a NetworkDirectory
            schema no newer than this build's); the restored database is checked again.
            """) { file, force };
        command.SetAction((parse, cancellationToken) => host.RunOnFileAsync(parse,
            (services, _) => RestoreAsync(services, host.Console, parse.GetRequiredValue(file), parse.GetValue(force)), cancellationToken));
        return command;
    }

    private static async Task<int> BackupAsync(IServiceProvider services, CommandConsole console, string file, bool force)
    {
        var connections = services.GetRequiredService<SqliteConnectionFactory>();
        var database = connections.DatabasePath;
        var destination = console.FullPath(file);
        if (!File.Exists(database))
        {
            return await FailAsync(console, ExitCodes.Failed, $"Backup failed: there is no database at '{database}'; check Database:Path.");
        }
        if (string.Equals(destination, database, StringComparison.Ordinal))
        {
            return await FailAsync(console, ExitCodes.Usage, $"Backup refused: '{destination}' is the database itself; name another file.");
        }
        if (File.Exists(destination) && !force)
        {
            return await FailAsync(console, ExitCodes.Usage, $"Backup refused: '{destination}' exists; add --force to replace it, or name another file.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        // Written beside the target and moved over it only once checked, so a failed backup never replaces a good one.
        var partial = $"{destination}.{Guid.NewGuid():N}.partial";
        try
        {
            using (var source = connections.Open())
            {
                DatabaseBackup.Write(source, partial);
            }
            var summary = DatabaseBackup.Inspect(partial);
            if (summary.Problem is not null)
            {
                return await FailAsync(console, ExitCodes.Failed, $"Backup failed, the copy was deleted: {summary.Problem}. Run `PRAGMA integrity_check` on '{database}'.");
            }
            foreach (var suffix in new[] { "-wal", "-shm" })
            {
                File.Delete(destination + suffix); // a stale -wal beside the new copy would be replayed onto it
            }
            File.Move(partial, destination, overwrite: true);
            await console.Output.WriteLineAsync($"Backed up {database} to {destination} ({Size(new FileInfo(destination).Length)}): {summary}.");
            return ExitCodes.Done;
        }
        catch (SqliteException ex)
        {
            return await FailAsync(console, ExitCodes.Failed, $"Backup failed: {ex.Message} (writing '{destination}').");
        }
        finally
        {
            File.Delete(partial);
        }
    }

    private static async Task<int> RestoreAsync(IServiceProvider services, CommandConsole console, string file, bool force)
    {
        var connections = services.GetRequiredService<SqliteConnectionFactory>();
        var database = connections.DatabasePath;
        var source = console.FullPath(file);
        if (!File.Exists(source))
        {
            return await FailAsync(console, ExitCodes.Failed, $"Restore failed, nothing was changed: no backup at '{source}' ('{file}' from {console.WorkingDirectory}).");
        }
        if (!force)
        {
            return await FailAsync(console, ExitCodes.Usage,
                $"Restore refused: it replaces '{database}'. Stop the server that uses it, then run again with --force.");
        }
        var checkedSource = DatabaseBackup.Inspect(source);
        if (checkedSource.Problem is not null)
        {
            return await FailAsync(console, ExitCodes.Failed, $"Restore failed, nothing was changed: '{source}' is not a usable backup: {checkedSource.Problem}.");
        }
        if (DatabaseBackup.UnknownMigrations(source) is [_, ..] unknown)
        {
            return await FailAsync(console, ExitCodes.Failed,
                $"Restore failed, nothing was changed: '{source}' has migration(s) {string.Join(", ", unknown.Select(v => v.ToString("0000", CultureInfo.InvariantCulture)))} that this build does not know; restore it with the build that wrote it, or a newer one.");
        }

        try
        {
            connections.EnsureCreated();
            using var target = connections.Open();
            DatabaseBackup.Restore(source, target);
            var restored = DatabaseBackup.Inspect(target);
            if (restored.Problem is not null)
            {
                return await FailAsync(console, ExitCodes.Failed, $"Restore failed: the restored database did not pass the check: {restored.Problem}. Restore again from '{source}'.");
            }
            await console.Output.WriteLineAsync($"Restored {database} from {source}: {restored}.");
            if (restored.Schema < DatabaseBackup.LatestBundledMigration())
            {
                await console.Output.WriteLineAsync($"The backup's schema is older than this build's ({DatabaseBackup.LatestBundledMigration():0000}); the server applies the newer migrations when it starts.");
            }
            return ExitCodes.Done;
        }
        catch (SqliteException ex)
        {
            return await FailAsync(console, ExitCodes.Failed,
                $"Restore failed, nothing was changed: {ex.Message}. If the database is busy, stop the server that uses it and run again.");
        }
    }

    private static async Task<int> FailAsync(CommandConsole console, int code, string message)
    {
        await console.Error.WriteLineAsync(message);
        return code;
    }

    private static string Size(long bytes) => bytes switch
    {
        >= 1 << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:0.0} MB"),
        >= 1 << 10 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} kB"),
        _ => $"{bytes} bytes",
    };
}
