using TrainingApi.Common.Events;
using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Features.MaterialsHandover.Adoptions;
using TrainingApi.Features.MaterialsHandover.Catalogue;
using TrainingApi.Features.MaterialsHandover.Handovers;
using TrainingApi.Features.MaterialsHandover.Releases;

namespace TrainingApi.Features.MaterialsHandover;

/// <summary>The MaterialsHandover slice: immutable releases and their exports, handovers to MEN, the public catalogue, adoption by JST.</summary>
public static class HandoverModule
{
    public const string Schema = "handover";
    public const string Tag = "Materials handover";
    public const string CatalogueTag = "Public catalogue";

    public static readonly Text ReleaseNoun = new("release", "wydanie");
    public static readonly Text HandoverNoun = new("handover", "przekazanie");
    public static readonly Text AdoptionNoun = new("adoption", "wskazanie wydania");

    /// <summary>release.json: its JSON Schema is committed under api-spec/releases/ and is the schema of the JSON downloads of a release.</summary>
    public static readonly DocumentSchema ReleaseJsonSchema = new("releases/release.v1.schema.json", ReleaseDocument.SchemaId, "release.json",
        "A published release of the training programme: the programme and advisory guidelines with their accessibility statement, the " +
        "consultation reports, the pilot evaluation summary and the advisory outcomes. In every export of a release.",
        typeof(ReleaseDocument), ReleaseJson.Options, ReleaseDocument.Example);

    /// <summary>Releases of one programme are published one at a time.</summary>
    public static AdvisoryLockKey ReleasePublicationLock(Guid programmeId) => new(AdvisoryLockNamespace.ReleasePublication, programmeId);

    public static IServiceCollection AddMaterialsHandover(this IServiceCollection services, IConfiguration configuration) =>
        services
            .Configure<CatalogueCacheOptions>(configuration.GetSection(CatalogueCacheOptions.Section))
            .Configure<OpenData.OpenDataOptions>(configuration.GetSection(OpenData.OpenDataOptions.Section))
            .AddApiTag(Tag, "Releases of tested materials (JSON, ZIP bundle, IMS Common Cartridge), their publication, the handover to " +
                            "the Ministry and adoptions by JST.")
            .AddApiTag(CatalogueTag, "Published releases for anyone, without credentials: the list, each release and its files, and an Atom feed.")
            .AddScoped<ReleaseSnapshot>()
            .AddScoped<SelfAssessment.Recommendations.IPublishedMaterials, PublishedMaterialsForSelfAssessment>()
            .AddSingleton<CatalogueCache>()
            .AddHostedService<CatalogueChangeListener>()
            .AddScoped<Common.Startup.IDemoData, HandoverDemoData>()
            .AddDocumentSchema(ReleaseJsonSchema)
            .AddIntegrationEvent<ReleasePublished>()
            .AddIntegrationEvent<ReleaseSuperseded>(forMinistry: true)
            .AddIntegrationEvent<AdoptedReleaseAffected>(forMinistry: true)
            .AddIntegrationEvent<HandoverRecorded>(forMinistry: true)
            .AddIntegrationEvent<HandoverSuperseded>(forMinistry: true)
            .AddScoped<Common.PersonalData.IPersonalDataHolder, AdoptionPersonalData>();

    public static IEndpointRouteBuilder MapMaterialsHandover(this IEndpointRouteBuilder app)
    {
        var releases = app.MapGroup("/api/v1/releases").WithTags(Tag);
        CreateRelease.Map(releases);
        ListReleases.Map(releases);
        GetRelease.Map(releases);
        UpdateRelease.Map(releases);
        PublishRelease.Map(releases);
        GetReleaseFile.Map(releases);
        GetReleaseFile.MapReleaseJson(releases);
        RecordHandover.Map(releases);
        AdoptRelease.Map(releases);

        SectionHistory.GetSectionHistory.Map(app.MapGroup("/api/v1/programmes").WithTags(Tag));

        var adoptions = app.MapGroup("/api/v1/adoptions").WithTags(Tag);
        ListAdoptions.Map(adoptions);
        GetAdoption.Map(adoptions);

        var handovers = app.MapGroup("/api/v1/handovers").WithTags(Tag);
        ListHandovers.Map(handovers);
        GetHandover.Map(handovers);
        DownloadHandoverPackage.Map(handovers);
        AcknowledgeHandover.Map(handovers);

        var catalogue = app.MapGroup("/api/v1/catalogue").WithTags(CatalogueTag);
        ListCatalogue.Map(catalogue);
        GetLatestRelease.Map(catalogue);
        GetCatalogueRelease.Map(catalogue);
        GetCatalogueFile.Map(catalogue);
        GetCatalogueFile.MapReleaseJson(catalogue);
        GetCataloguePage.Map(catalogue);
        GetCatalogueDocument.Map(catalogue);
        GetCatalogueAsset.Map(catalogue);
        ReleasesFeed.Map(catalogue);
        ResolvePersistentId.Map(app);
        CountAdoptions.Map(catalogue);
        Indicators.GetIndicatorReport.Map(catalogue);
        Citations.CitationEndpoints.MapCitations(catalogue);
        OpenData.OpenDataEndpoints.MapOpenData(catalogue);
        return app;
    }
}
