using System.CommandLine;
using Microsoft.Extensions.Logging.Console;
using NetworkDirectory.Api.Common;
using NetworkDirectory.Api.Data;

namespace NetworkDirectory.Api.Commands;

/// <summary>
/// Builds what one command needs and nothing more: the server's configuration (appsettings.json,
/// environment, the host settings from the command line), logging to stderr (warnings only unless
/// --verbose), the database (created and migrated) and the services the command registers. It never
/// loads boundaries, postal codes or the directory snapshot, and starts no hosted service.
/// </summary>
public sealed class CommandHost(string[] hostSettings, CommandConsole console, Option<bool> verbose)
{
    public CommandConsole Console => console;

    /// <param name="loadSample">Load the sample network into an empty database as the server would (imports); not for keys.</param>
    public Task<int> RunAsync(
        ParseResult parse, Action<IServiceCollection> addServices, bool loadSample,
        Func<IServiceProvider, CancellationToken, Task<int>> command, CancellationToken cancellationToken) =>
        RunAsync(parse, addServices, services => services.PrepareDatabase(loadSample), command, cancellationToken);

    /// <summary>
    /// For commands that handle the database file as a whole (backup, restore): the configured path is
    /// resolved, but the file is neither created nor migrated, so a backup of a missing database fails
    /// instead of copying an empty one, and a restore does not migrate what it is about to replace.
    /// </summary>
    public Task<int> RunOnFileAsync(ParseResult parse, Func<IServiceProvider, CancellationToken, Task<int>> command, CancellationToken cancellationToken) =>
        RunAsync(parse, _ => { }, _ => { }, command, cancellationToken);

    private async Task<int> RunAsync(
        ParseResult parse, Action<IServiceCollection> addServices, Action<IServiceProvider> prepare,
        Func<IServiceProvider, CancellationToken, Task<int>> command, CancellationToken cancellationToken)
    {
        using var host = Build(parse.GetValue(verbose), addServices);
        if (!StartupSettings.AreValid(host.Services, console.Error))
        {
            return ExitCodes.Failed;
        }
        try
        {
            prepare(host.Services);
            return await command(host.Services, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await console.Error.WriteLineAsync(parse.GetValue(verbose) ? ex.ToString() : $"Failed: {ex.Message}");
            return ExitCodes.Failed;
        }
    }

    private IHost Build(bool verboseLogging, Action<IServiceCollection> addServices)
    {
        // The same sources as WebApplication.CreateBuilder, so a command and the server read the same database.
        var configuration = new ConfigurationManager();
        configuration.AddEnvironmentVariables(prefix: "ASPNETCORE_");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = hostSettings, Configuration = configuration });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(options => options.SingleLine = true);
        builder.Services.Configure<ConsoleLoggerOptions>(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        // A provider-specific rule wins over appsettings.json's Logging:LogLevel, which is written for the server.
        builder.Logging.AddFilter<ConsoleLoggerProvider>(category: null, verboseLogging ? LogLevel.Information : LogLevel.Warning);
        builder.Services.AddDatabase();
        addServices(builder.Services);
        return builder.Build();
    }
}
