using TrainingApi.Common.Events;
using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.PersonalData;
using TrainingApi.Common.Security;
using TrainingApi.Common.Startup;
using TrainingApi.Features.Curriculum.Versions;
using TrainingApi.Features.PilotEnrollment.Applications;
using TrainingApi.Features.PilotEnrollment.Pilot;
using TrainingApi.Features.PilotEnrollment.Recruitments;
using TrainingApi.Features.PilotEnrollment.Register;

namespace TrainingApi.Features.PilotEnrollment;

/// <summary>The PilotEnrollment slice: the JST register, recruitments and applications, running the pilot; its participants and applications take part in the RODO use cases (<see cref="EnrollmentPersonalData"/>).</summary>
public static class PilotEnrollmentModule
{
    public const string Schema = "enrollment";
    public const string Tag = "Pilot enrollment";

    public static readonly Text RecruitmentNoun = new("recruitment", "nabór");
    public static readonly Text ApplicationNoun = new("application", "zgłoszenie");
    public static readonly Text CohortNoun = new("cohort", "grupa szkoleniowa");
    public static readonly Text SessionNoun = new("training session", "sesja szkoleniowa");
    public static readonly Text ParticipantNoun = new("participant", "uczestnik");
    public static readonly Text CertificateNoun = new("certificate", "zaświadczenie");

    public static IServiceCollection AddPilotEnrollment(this IServiceCollection services, IConfiguration configuration) =>
        services
            .AddApiTag(Tag, "Recruitment of JST into the pilot: applications, scoring and allocation of places, cohorts with sessions " +
                            "and attendance, evaluations.")
            .Configure<PilotOptions>(configuration.GetSection(PilotOptions.Section))
            .AddScoped<IAccessRule<Application>, ApplicationAccess>()
            .AddScoped<PilotParticipation>()
            .AddScoped<PilotEvidence>()
            .AddScoped<IVersionPilots>(sp => sp.GetRequiredService<PilotEvidence>())
            .AddScoped<PilotReach>()
            .AddScoped<PilotModules>()
            .AddScoped<IDemoData, PilotEnrollmentDemoData>()
            .AddScoped<IPersonalDataHolder, EnrollmentPersonalData>()
            .AddHostedService<StrandedApplicationSweeper>()
            .AddSingleton<OfferLapseSweeper>()
            .AddHostedService(services => services.GetRequiredService<OfferLapseSweeper>())
            .AddScoped<RecruitmentChanges>()
            .AddScoped<PilotAccess>()
            .AddScoped<ParticipantChanges>()
            .AddSingleton<PlacementCoordinator>()
            .AddSingleton<RecruitmentTermsCache>()
            .AddSingleton<IJstDirectory, JstDirectory>()
            .AddSingleton<JstClassification>()
            .AddIntegrationEvent<ApplicationAccepted>()
            .AddIntegrationEvent<ApplicationWaitlisted>()
            .AddIntegrationEvent<ApplicationPromoted>()
            .AddIntegrationEvent<ApplicationWithdrawn>()
            .AddIntegrationEvent<ApplicationOffered>()
            .AddIntegrationEvent<ApplicationOfferConfirmed>()
            .AddIntegrationEvent<ApplicationOfferLapsed>()
            .AddIntegrationEvent<RecruitmentChanged>();

    public static IEndpointRouteBuilder MapPilotEnrollment(this IEndpointRouteBuilder app)
    {
        var jst = app.MapGroup("/api/v1/jst").WithTags(Tag);
        SearchJst.Map(jst);
        GetJstTimetable.Map(jst);
        var sessions = app.MapGroup("/api/v1/sessions").WithTags(Tag);
        RecordAttendance.Map(sessions);
        SetAttendance.Map(sessions);
        GetSessionAttendance.Map(sessions);
        GetSession.Map(sessions);
        var participants = app.MapGroup("/api/v1/participants").WithTags(Tag);
        GetParticipantAttendance.Map(participants);
        IssueCertificate.Map(participants);
        GetCertificate.Map(app.MapGroup("/api/v1/certificates").WithTags(Tag));
        VerifyCertificate.Map(app.MapGroup("/api/v1/certificate-verifications").WithTags(Tag));

        var recruitments = app.MapGroup("/api/v1/recruitments").WithTags(Tag);
        OpenRecruitment.Map(recruitments);
        ListRecruitments.Map(recruitments);
        GetRecruitment.Map(recruitments);
        Apply.Map(recruitments);
        ListApplications.Map(recruitments);
        GetRecruitmentStatistics.Map(recruitments);
        CreateCohort.Map(recruitments);
        AllocatePlaces.Map(recruitments);
        PublishAcceptedList.Map(recruitments);
        GetAcceptedJst.Map(recruitments);
        GetEvaluationSummary.Map(recruitments);
        ChangeRecruitmentWindow.Map(recruitments);
        CloseRecruitment.Map(recruitments);
        RaiseRecruitmentCapacity.Map(recruitments);
        CorrectRecruitmentTerms.Map(recruitments);
        SetWaitlistOffers.Map(recruitments);
        ListCohorts.Map(recruitments);

        var cohorts = app.MapGroup("/api/v1/cohorts").WithTags(Tag);
        ScheduleSession.Map(cohorts);
        GetCohortCompletion.Map(cohorts);
        RecordEvaluations.Map(cohorts);
        ListCohortEvaluations.Map(cohorts);
        GetCohort.Map(cohorts);

        var applications = app.MapGroup("/api/v1/applications").WithTags(Tag);
        GetApplication.Map(applications);
        ConfirmApplication.Map(applications);
        CompleteApplication.Map(applications);
        WithdrawApplication.Map(applications);
        ScoreApplication.Map(applications);
        ConfirmOffer.Map(applications);
        AddParticipant.Map(applications);
        ReplaceParticipant.Map(applications);
        RemoveParticipant.Map(applications);
        return app;
    }
}
