using NetworkDirectory.Api.Agencies;
using NetworkDirectory.Api.Audit;
using NetworkDirectory.Api.Auth;
using NetworkDirectory.Api.Cards;
using NetworkDirectory.Api.Changes;
using NetworkDirectory.Api.Commands;
using NetworkDirectory.Api.Common;
using NetworkDirectory.Api.Contacts;
using NetworkDirectory.Api.Coverage;
using NetworkDirectory.Api.Data;
using NetworkDirectory.Api.Freshness;
using NetworkDirectory.Api.Frontline;
using NetworkDirectory.Api.Geography;
using NetworkDirectory.Api.Health;
using NetworkDirectory.Api.Imports;
using NetworkDirectory.Api.Lookup;
using NetworkDirectory.Api.Maps;
using NetworkDirectory.Api.Networks;
using NetworkDirectory.Api.Observability;
using NetworkDirectory.Api.OpenApi;
using NetworkDirectory.Api.Regions;
using NetworkDirectory.Api.Reports;
using NetworkDirectory.Api.Schedules;
using NetworkDirectory.Api.Services;
using NetworkDirectory.Api.Taxonomies;
using NetworkDirectory.Api.Writes;

if (HealthProbe.IsRequested(args))
{
    return await HealthProbe.RunAsync(args);
}

// `keys …`, `boundaries import …`, `postalcodes import …`: build only what the command needs, run it, exit.
if (Cli.IsCommand(args))
{
    return await Cli.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.Logging.AddJsonConsole(options => options.IncludeScopes = true);

builder.Services.AddDatabase();
builder.Services.AddApiProblems();
builder.Services.AddSchedules();
builder.Services.AddContacts();
builder.Services.AddServices();
builder.Services.AddAgencies();
builder.Services.AddNetworks();
builder.Services.AddGeography();
builder.Services.AddLookup();
builder.Services.AddMaps();
builder.Services.AddCoverageReports();
builder.Services.AddWrites();
builder.Services.AddImports();
builder.Services.AddFieldReports();
builder.Services.AddApiHealthChecks();
builder.Services.AddApiDocument();
builder.Services.AddPartnerCors();
builder.Services.AddApiAuthentication();
builder.Services.AddObservability(builder.Configuration);

var app = builder.Build();
// A setting that fails validation stops the start with one line naming it, before any start-up work.
if (!StartupSettings.AreValid(app.Services, Console.Error))
{
    return 1;
}
// A refused database (an edited migration, a damaged file) stops the start with one line too.
if (!app.TryPrepareDatabase(Console.Error))
{
    return 1;
}
// The directory is read while the boundaries load and the server starts; requests wait for it.
var directoryLoaded = app.LoadLookupInBackground();
app.PrepareGeography();

app.UseExceptionHandler();
// The frontline page at / and the widget under /widget/v1/ (wwwroot), before the API's middleware.
app.UseFrontline();
// ETags, 304 and HEAD for every read; before routing, so a HEAD is routed as its GET.
app.UseHttpCaching();
app.UseStatusCodePages();
app.UseLoadedLookup(directoryLoaded);
app.UseRouting();
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
app.MapMaps();
app.MapCoverageReports();
app.MapImports();
app.MapCards();
app.MapFieldReports();
app.MapChanges();
// Off by default; when on, for admin keys only.
app.MapMetricsScraping();

await app.RunAsync();
return directoryLoaded.IsCompletedSuccessfully ? 0 : 1;

public partial class Program;
