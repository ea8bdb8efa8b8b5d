using NetworkDirectory.Api.Data;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddDatabase(builder.Configuration);

var app = builder.Build();
app.PrepareDatabase();
app.MapGet("/healthz", () => "ok");
app.Run();

public partial class Program;
