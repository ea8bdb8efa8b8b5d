using NetworkDirectory.Api.Agencies;
using NetworkDirectory.Api.Audit;
using NetworkDirectory.Api.Common;
using NetworkDirectory.Api.Data;
using NetworkDirectory.Api.Freshness;
using NetworkDirectory.Api.Health;
using NetworkDirectory.Api.Lookup;
using NetworkDirectory.Api.Networks;
using NetworkDirectory.Api.OpenApi;
using NetworkDirectory.Api.Regions;
using NetworkDirectory.Api.Schedules;
using NetworkDirectory.Api.Taxonomies;

if (HealthProbe.IsRequested(args))
{
    return await HealthProbe.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.Logging.AddJsonConsole(options => options.IncludeScopes = true);

builder.Services.AddDatabase(builder.Configuration);
builder.Services.AddApiProblems();
builder.Services.AddSchedules();
builder.Services.AddLookup();
builder.Services.AddApiHealthChecks();
builder.Services.AddApiDocument();
builder.Services.AddPartnerCors();

var app = builder.Build();
app.PrepareDatabase();
app.PrepareLookup();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseCors();
app.UseApiDocument();

app.MapApiHealthChecks();
app.MapTaxonomies();
app.MapRegions();
app.MapNetworks();
app.MapAgencies();
app.MapLookup();
app.MapAudit();
app.MapFreshness();

await app.RunAsync();
return 0;

public partial class Program;
