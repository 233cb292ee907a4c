using TrainingApi.Common.Events;
using TrainingApi.Common.Localization;
using TrainingApi.Common.Startup;

namespace TrainingApi.Features.Curriculum;

/// <summary>The Curriculum slice: programmes, their versions and sections, the accessibility check, legal references.</summary>
public static class CurriculumModule
{
    public const string Schema = "curriculum";
    public const string Tag = "Curriculum";

    public static readonly Text ProgrammeNoun = new("programme", "program");

    public static IServiceCollection AddCurriculum(this IServiceCollection services) =>
        services
            .AddScoped<IDemoData, CurriculumDemoData>()
            .AddIntegrationEvent<ProgrammeCreated>()
            .AddIntegrationEvent<ProgrammeUpdated>();

    public static IEndpointRouteBuilder MapCurriculum(this IEndpointRouteBuilder app)
    {
        var programmes = app.MapGroup("/api/v1/programmes").WithTags(Tag);
        CreateProgramme.Map(programmes);
        ListProgrammes.Map(programmes);
        GetProgramme.Map(programmes);
        UpdateProgramme.Map(programmes);
        return app;
    }
}
