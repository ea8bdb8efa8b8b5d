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

    public static void PrepareDatabase(this WebApplication app) => app.Services.PrepareDatabase(loadSample: true);

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
