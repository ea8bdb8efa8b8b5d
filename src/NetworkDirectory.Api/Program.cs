using NetworkDirectory.Api.Agencies;
using NetworkDirectory.Api.Audit;
using NetworkDirectory.Api.Auth;
using NetworkDirectory.Api.Common;
using NetworkDirectory.Api.Contacts;
using NetworkDirectory.Api.Data;
using NetworkDirectory.Api.Freshness;
using NetworkDirectory.Api.Geography;
using NetworkDirectory.Api.Health;
using NetworkDirectory.Api.Lookup;
using NetworkDirectory.Api.Networks;
using NetworkDirectory.Api.OpenApi;
using NetworkDirectory.Api.Regions;
using NetworkDirectory.Api.Schedules;
using NetworkDirectory.Api.Services;
using NetworkDirectory.Api.Taxonomies;
using NetworkDirectory.Api.Writes;

if (HealthProbe.IsRequested(args))
{
    return await HealthProbe.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(CommandLine.HostArguments(args));
builder.Logging.AddJsonConsole(options => options.IncludeScopes = true);

builder.Services.AddDatabase(builder.Configuration);
builder.Services.AddApiProblems();
builder.Services.AddSchedules();
builder.Services.AddContacts();
builder.Services.AddServices();
builder.Services.AddAgencies();
builder.Services.AddNetworks();
builder.Services.AddGeography(builder.Configuration);
builder.Services.AddLookup();
builder.Services.AddWrites();
builder.Services.AddApiHealthChecks();
builder.Services.AddApiDocument();
builder.Services.AddPartnerCors();
builder.Services.AddApiAuthentication(builder.Configuration);

var app = builder.Build();
app.PrepareDatabase();
app.PrepareGeography();
app.PrepareLookup();

// `keys …`, `boundaries import …` and `postalcodes import …` do their work and exit instead of serving.
if ((ApiKeyCommands.TryRun(args, app.Services) ?? GeographyCommands.TryRun(args, app.Services)) is { } command)
{
    return await command;
}

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseCors();
app.UseApiAuthentication();
app.UseCacheHeaders();
app.UseApiDocument();

app.MapApiHealthChecks();
app.MapTaxonomies();
app.MapRegions();
app.MapNetworks();
app.MapAgencies();
app.MapLookup();
app.MapServices();
app.MapContacts();
app.MapSchedules();
app.MapApiKeys();
app.MapAudit();
app.MapFreshness();

await app.RunAsync();
return 0;

public partial class Program;
