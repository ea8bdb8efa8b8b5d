using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace NetworkDirectory.Api.Data;

public static class DatabaseSetup
{
    public static IServiceCollection AddDatabase(this IServiceCollection services)
    {
        // Columns are snake_case, row properties PascalCase.
        Dapper.DefaultTypeMap.MatchNamesWithUnderscores = true;
        services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.Section)
            .Validate(options => !string.IsNullOrWhiteSpace(options.Path),
                "Database:Path: the path is empty; set it to the SQLite file, e.g. data/networkdirectory.db.")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseFolderValidation>();
        // A relative path is taken relative to the content root, so `dotnet run`, its commands and the container agree.
        services.AddSingleton(sp => new SqliteConnectionFactory(Path.Combine(
            sp.GetRequiredService<IHostEnvironment>().ContentRootPath,
            sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Path)));
        services.AddSingleton<Migrator>();
        services.AddSingleton<SampleLoader>();
        services.AddExceptionHandler<ReadOnlyDatabase.ExceptionHandler>();
        return services;
    }

    /// <summary>
    /// Prepares the server's database; when that is refused (an edited migration, a file that is not a
    /// database, a folder it may not write) writes one line naming the cause and the fix and returns
    /// false. The exception itself is logged at Debug (Logging:LogLevel:NetworkDirectory.Api.Data=Debug).
    /// </summary>
    public static bool TryPrepareDatabase(this WebApplication app, TextWriter error)
    {
        try
        {
            app.Services.PrepareDatabase(loadSample: true);
            return true;
        }
        catch (Exception ex) when (ex is InvalidOperationException or SqliteException or IOException or UnauthorizedAccessException)
        {
            var path = app.Services.GetRequiredService<SqliteConnectionFactory>().DatabasePath;
            app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseSetup).FullName!).LogDebug(ex, "Preparing the database failed");
            error.WriteLine($"Database {path}: {RefusalReason(ex)}");
            return false;
        }
    }

    private static string RefusalReason(Exception ex) => ex switch
    {
        SqliteException { SqliteErrorCode: SQLitePCL.raw.SQLITE_NOTADB } =>
            "the file is not a SQLite database (or it is damaged). Restore a backup (`restore FILE --force`) or point Database:Path at the right file.",
        SqliteException { SqliteErrorCode: SQLitePCL.raw.SQLITE_CORRUPT } =>
            "the database file is damaged. Restore a backup (`restore FILE --force`).",
        SqliteException { SqliteErrorCode: SQLitePCL.raw.SQLITE_READONLY or SQLitePCL.raw.SQLITE_CANTOPEN } or UnauthorizedAccessException =>
            "the file or its folder cannot be written or opened. Make both writable for the server's user, or fix Database:Path.",
        SqliteException sqlite => $"{sqlite.Message.TrimEnd('.')}.",
        _ => ex.Message,
    };

    /// <summary>Creates the file, migrates, and (when <paramref name="loadSample"/> and configured) loads the sample into an empty database.</summary>
    public static void PrepareDatabase(this IServiceProvider services, bool loadSample)
    {
        var connections = services.GetRequiredService<SqliteConnectionFactory>();
        var options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseSetup).FullName!)
            .LogInformation("Database at {Path}", connections.DatabasePath);
        connections.EnsureCreated();
        services.GetRequiredService<Migrator>().Migrate();
        if (loadSample && options.LoadSample)
        {
            services.GetRequiredService<SampleLoader>().LoadIfEmpty();
        }
    }
}

/// <summary>The default path's folder is made on a first start; an explicitly set path's folder must exist unless Database:CreateFolder asks for it.</summary>
internal sealed class DatabaseFolderValidation(IHostEnvironment environment) : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Path) || options.CreateFolder)
        {
            return ValidateOptionsResult.Success;
        }
        var path = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Path));
        if (path == Path.GetFullPath(Path.Combine(environment.ContentRootPath, DatabaseOptions.DefaultPath)))
        {
            return ValidateOptionsResult.Success;
        }
        var folder = Path.GetDirectoryName(path);
        return string.IsNullOrEmpty(folder) || Directory.Exists(folder)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"Database:Path: the folder {folder} does not exist; fix the path, create the folder, or set Database:CreateFolder=true to have it created.");
    }
}
