using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.PersonalData;
using TrainingApi.Common.ReferenceData;
using TrainingApi.Common.Security;
using TrainingApi.Common.Startup;
using TrainingApi.Features.Advisory.Advisors;
using TrainingApi.Features.Advisory.Diagnoses;
using TrainingApi.Features.Advisory.Engagements;
using TrainingApi.Features.Advisory.Maturity;
using TrainingApi.Features.Advisory.Plans;
using TrainingApi.Features.Advisory.Reports;
using TrainingApi.Features.Advisory.Sessions;

namespace TrainingApi.Features.Advisory;

/// <summary>The Advisory slice: advisors, engagements with piloted JST, the maturity diagnosis, development plans, sessions and hours, reports.</summary>
public static class AdvisoryModule
{
    public const string Schema = "advisory";
    public const string Tag = "Advisory";

    public static readonly Text AdvisorNoun = new("advisor", "doradca");
    public static readonly Text EngagementNoun = new("advisory engagement", "proces doradczy");
    public static readonly Text GoalNoun = new("plan goal", "cel planu");
    public static readonly Text ActionNoun = new("plan action", "działanie planu");

    public static IServiceCollection AddAdvisory(this IServiceCollection services, IConfiguration configuration) =>
        services
            .AddApiTag(Tag, "Advisors and their engagements with JST: maturity diagnoses, development plans with goals and actions, " +
                            "advisory sessions and hours, and reports per engagement and across the pilot.")
            .Configure<AdvisoryOptions>(configuration.GetSection(AdvisoryOptions.Section))
            .AddScoped<IAccessRule<Engagement>, EngagementAccess>()
            .AddScoped<EngagementReportBuilder>()
            .AddScoped<AdvisoryReach>()
            .AddScoped<AdvisedJst>()
            .AddSingleton<IMaturityAreaCatalogue, MaturityAreaCatalogue>()
            .AddScoped<IDemoData, AdvisoryDemoData>()
            .AddScoped<IPersonalDataHolder, AdvisoryPersonalData>();

    public static IEndpointRouteBuilder MapAdvisory(this IEndpointRouteBuilder app)
    {
        var advisors = app.MapGroup("/api/v1/advisors").WithTags(Tag);
        RegisterAdvisor.Map(advisors);
        ListAdvisors.Map(advisors);
        GetAdvisor.Map(advisors);
        GetMaturityFramework.Map(app.MapGroup("/api/v1/maturity-framework").WithTags(Tag));

        var engagements = app.MapGroup("/api/v1/engagements").WithTags(Tag);
        AssignEngagement.Map(engagements);
        ListEngagements.Map(engagements);
        GetEngagement.Map(engagements);
        MoveEngagementStage.Map(engagements);
        ReassignEngagement.Map(engagements);
        RecordDiagnosis.Map(engagements);
        ListDiagnoses.Map(engagements);
        CompareDiagnoses.Map(engagements);
        AddPlanGoal.Map(engagements);
        GetPlan.Map(engagements);
        LogSession.Map(engagements);
        ListSessions.Map(engagements);
        ApproveExtraHours.Map(engagements);
        GetEngagementReport.Map(engagements);

        AddPlanAction.Map(app.MapGroup("/api/v1/plan-goals").WithTags(Tag));
        var actions = app.MapGroup("/api/v1/plan-actions").WithTags(Tag);
        GetPlanAction.Map(actions);
        UpdateActionStatus.Map(actions);
        ListOverdueActions.Map(actions);

        GetPilotAdvisoryReport.Map(app.MapGroup("/api/v1/recruitments").WithTags(Tag));
        return app;
    }
}

public sealed class AdvisoryOptions
{
    public const string Section = "Advisory";

    /// <summary>Hours of advisory support per JST unless the team sets another budget when it assigns the engagement.</summary>
    public decimal DefaultHoursBudget { get; set; } = 40;
}
