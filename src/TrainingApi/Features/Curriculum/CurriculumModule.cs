using TrainingApi.Common.Events;
using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Security;
using TrainingApi.Common.Startup;
using TrainingApi.Features.Curriculum.Accessibility;
using TrainingApi.Features.Curriculum.Assets;
using TrainingApi.Features.Curriculum.Assets.Inspection;
using TrainingApi.Features.Curriculum.Diff;
using TrainingApi.Features.Curriculum.LegalActs;
using TrainingApi.Features.Curriculum.Sections;
using TrainingApi.Features.Curriculum.Versions;

namespace TrainingApi.Features.Curriculum;

/// <summary>The Curriculum slice: programmes, their versions and sections, the accessibility check, diffs, legal references.</summary>
public static class CurriculumModule
{
    public const string Schema = "curriculum";
    public const string Tag = "Curriculum";

    public static readonly Text ProgrammeNoun = new("programme", "program");
    public static readonly Text VersionNoun = new("programme version", "wersja programu");
    public static readonly Text LegalActNoun = new("legal act", "akt prawny");

    public static IServiceCollection AddCurriculum(this IServiceCollection services) =>
        services
            .AddOptions<AssetLimits>().BindConfiguration(AssetLimits.Section).Services
            .AddApiTag(Tag, "Training programmes and their versions through review, consultation and pilot to tested: sections in Markdown " +
                            "with hours and learning outcomes, the legal acts they cite, and accessibility checks.")
            .AddScoped<IDemoData, CurriculumDemoData>()
            .AddScoped<IDemoData, CurriculumUpdateDemoData>()
            .AddScoped<IAccessRule<ProgrammeVersion>, VersionAccess>()
            .AddScoped<VersionTotalsCalculator>()
            .AddScoped<VersionOutlines>()
            .AddScoped<VersionContents>()
            .AddScoped<Slugs.ProgrammeSlugs>()
            .AddScoped<TestedEvidence>()
            .AddScoped<SectionLineage>()
            .AddScoped<VersionAccessibility>()
            .AddScoped<IAssetStore, DatabaseAssetStore>()
            .AddIntegrationEvent<ProgrammeCreated>()
            .AddIntegrationEvent<ProgrammeUpdated>()
            .AddIntegrationEvent<VersionStatusChanged>()
            .AddIntegrationEvent<LegalActAmended>();

    public static IEndpointRouteBuilder MapCurriculum(this IEndpointRouteBuilder app)
    {
        CheckMarkdown.Map(app.MapGroup("/api/v1/accessibility-checks").WithTags(Tag));
        ListSectionsToReview.Map(app.MapGroup("/api/v1/sections-to-review").WithTags(Tag));

        var programmes = app.MapGroup("/api/v1/programmes").WithTags(Tag);
        CreateProgramme.Map(programmes);
        ListProgrammes.Map(programmes);
        GetProgramme.Map(programmes);
        UpdateProgramme.Map(programmes);
        CreateVersion.Map(programmes);
        ListVersions.Map(programmes);
        DiffVersions.Map(programmes);

        var versions = app.MapGroup("/api/v1/versions").WithTags(Tag);
        GetVersion.Map(versions);
        TransitionVersion.Map(versions);
        ListVersionTransitions.Map(versions);
        AddSection.Map(versions);
        ListSections.Map(versions);
        GetSection.Map(versions);
        UpdateSection.Map(versions);
        PatchSection.Map(versions);
        TagSectionMaturityAreas.Map(versions);
        DeleteSection.Map(versions);
        CheckVersionAccessibility.Map(versions);
        WaiveFinding.Map(versions);
        UploadAsset.Map(versions, app.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<AssetLimits>>().Value.MaxUploadBytes);
        ListAssets.Map(versions);
        GetAsset.Map(versions);
        DeleteAsset.Map(versions);

        var acts = app.MapGroup("/api/v1/legal-acts").WithTags(Tag);
        RegisterLegalAct.Map(acts);
        ListLegalActs.Map(acts);
        GetLegalAct.Map(acts);
        RecordAmendment.Map(acts);
        return app;
    }
}
