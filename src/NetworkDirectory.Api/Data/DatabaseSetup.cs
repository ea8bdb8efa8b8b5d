using Microsoft.Extensions.Options;

namespace NetworkDirectory.Api.Data;

public static class DatabaseSetup
{
    public static IServiceCollection AddDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        // Columns are snake_case, row properties PascalCase.
        Dapper.DefaultTypeMap.MatchNamesWithUnderscores = true;
        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));
        // A relative path is taken relative to the content root, so `dotnet run` and the container agree.
        services.AddSingleton(sp => new SqliteConnectionFactory(Path.Combine(
            sp.GetRequiredService<IWebHostEnvironment>().ContentRootPath,
            sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Path)));
        services.AddSingleton<Migrator>();
        services.AddSingleton<SampleLoader>();
        return services;
    }

    /// <summary>Creates the file, migrates, and loads the sample when configured and empty.</summary>
    public static void PrepareDatabase(this WebApplication app)
    {
        var connections = app.Services.GetRequiredService<SqliteConnectionFactory>();
        var options = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        app.Logger.LogInformation("Database at {Path}", connections.DatabasePath);
        connections.EnsureCreated();
        app.Services.GetRequiredService<Migrator>().Migrate();
        if (options.LoadSample)
        {
            app.Services.GetRequiredService<SampleLoader>().LoadIfEmpty();
        }
    }
}
