using TrainingApi.Common.Startup;
using TrainingApi.Features.Curriculum;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatform();
builder.Services.AddCurriculum();

var app = builder.Build();
if (await CommandLine.TryRunAsync(app, args))
{
    return;
}

app.UsePlatform();
app.MapCurriculum();

await app.PrepareDatabaseAsync();
await app.RunAsync();

/// <summary>The entry point, public so the tests' WebApplicationFactory can start it.</summary>
public partial class Program;
