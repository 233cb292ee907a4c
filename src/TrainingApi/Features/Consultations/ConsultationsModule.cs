using TrainingApi.Common.Localization;
using TrainingApi.Common.Security;
using TrainingApi.Common.Security.ApiKeys;
using TrainingApi.Common.Startup;
using TrainingApi.Features.Consultations.Organisations;

namespace TrainingApi.Features.Consultations;

/// <summary>The Consultations slice: the organisations register (so far), rounds, submissions, dispositions and the report.</summary>
public static class ConsultationsModule
{
    public const string Schema = "consultations";
    public const string OrganisationsTag = "Organisations";

    public static readonly Text OrganisationNoun = new("organisation", "organizacja");

    public static IServiceCollection AddConsultations(this IServiceCollection services) =>
        services
            .AddScoped<IAccessRule<Organisation>, OrganisationAccess>()
            .AddScoped<IOrganisationDirectory, OrganisationDirectory>()
            .AddScoped<IDemoData, ConsultationsDemoData>();

    public static IEndpointRouteBuilder MapConsultations(this IEndpointRouteBuilder app)
    {
        var organisations = app.MapGroup("/api/v1/organisations").WithTags(OrganisationsTag);
        RegisterOrganisation.Map(organisations);
        ListOrganisations.Map(organisations);
        GetOrganisation.Map(organisations);
        return app;
    }
}
