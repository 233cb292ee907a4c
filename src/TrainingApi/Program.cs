using TrainingApi.Common.Startup;
using TrainingApi.Features.Advisory;
using TrainingApi.Features.Consultations;
using TrainingApi.Features.Curriculum;
using TrainingApi.Features.MaterialsHandover;
using TrainingApi.Features.PilotEnrollment;
using TrainingApi.Features.SelfAssessment;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatform();
builder.Services.AddCurriculum();
builder.Services.AddConsultations();
builder.Services.AddPilotEnrollment(builder.Configuration);
builder.Services.AddAdvisory(builder.Configuration);
builder.Services.AddSelfAssessment(builder.Configuration);
builder.Services.AddMaterialsHandover(builder.Configuration);

var app = builder.Build();
app.UsePlatform();
app.MapCurriculum();
app.MapConsultations();
app.MapPilotEnrollment();
app.MapAdvisory();
app.MapSelfAssessment();
app.MapMaterialsHandover();

// `migrate`, `openapi` and `token` run here and exit; they need the endpoints mapped but not the server started.
if (await CommandLine.TryRunAsync(app, args))
{
    return;
}

await app.PrepareAsync();
await app.ServeAsync();

/// <summary>The entry point, public so the tests' WebApplicationFactory can start it.</summary>
public partial class Program;
