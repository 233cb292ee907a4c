using TrainingApi.Common.Events;
using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.PersonalData;
using TrainingApi.Common.Security;
using TrainingApi.Common.Security.ApiKeys;
using TrainingApi.Common.Startup;
using TrainingApi.Features.Consultations.Dispositions;
using TrainingApi.Features.Consultations.Meetings;
using TrainingApi.Features.Consultations.Organisations;
using TrainingApi.Features.Consultations.Public;
using TrainingApi.Features.Consultations.Registrations;
using TrainingApi.Features.Consultations.Report;
using TrainingApi.Features.Consultations.Rounds;
using TrainingApi.Features.Consultations.Submissions;
using TrainingApi.Features.Curriculum.Versions;

namespace TrainingApi.Features.Consultations;

/// <summary>The Consultations slice: the organisations register, rounds and meetings, submissions, dispositions and the report.</summary>
public static class ConsultationsModule
{
    public const string Schema = "consultations";
    public const string OrganisationsTag = "Organisations";
    public const string Tag = "Consultations";
    public const string PublicTag = "Public consultations";

    public static readonly Text OrganisationNoun = new("organisation", "organizacja");
    public static readonly Text RoundNoun = new("consultation round", "konsultacje");
    public static readonly Text MeetingNoun = new("consultation meeting", "spotkanie konsultacyjne");
    public static readonly Text RegistrationNoun = new("meeting registration", "rejestracja na spotkanie");
    public static readonly Text SubmissionNoun = new("submission", "zgłoszenie uwag");
    public static readonly Text CommentNoun = new("comment", "uwaga");

    /// <summary>Rounds of one version are checked for overlap one request at a time.</summary>
    public static AdvisoryLockKey RoundsOfVersionLock(Guid versionId) => new(AdvisoryLockNamespace.ConsultationRounds, versionId);

    /// <summary>A JST's first comment registers its organisation once.</summary>
    public static AdvisoryLockKey JstOrganisationLock(string canonicalTeryt) => new(AdvisoryLockNamespace.JstOrganisation, canonicalTeryt);

    /// <summary>One submission of an organisation to a round at a time.</summary>
    public static AdvisoryLockKey SubmissionLock(Guid roundId, Guid organisationId) => new(AdvisoryLockNamespace.ConsultationSubmission, roundId, organisationId);

    public static IServiceCollection AddConsultations(this IServiceCollection services) =>
        services
            .AddApiTag(OrganisationsTag, "The local-government associations and other organisations that take part in consultations (and may hold partner API keys).")
            .AddApiTag(PublicTag, "The consultation as a public act, for anyone without signing in: rounds and their windows, the text under " +
                                  "consultation, meetings with the organisations present and minutes once public. Cacheable (ETag, 304).")
            .AddApiTag(Tag, "Consultation rounds on a programme version: meetings, organisations' comments, their disposition by experts, " +
                            "and the consultation report (JSON, CSV, XLSX).")
            .AddScoped<IAccessRule<Organisation>, OrganisationAccess>()
            .AddScoped<SubmissionAccess>()
            .AddScoped<IAccessRule<Submission>>(s => s.GetRequiredService<SubmissionAccess>())
            .AddScoped<IAccessRule<Comment>>(s => s.GetRequiredService<SubmissionAccess>())
            .AddScoped<IAccessRule<MeetingRegistration>>(s => s.GetRequiredService<SubmissionAccess>())
            .AddScoped<IPersonalDataHolder, RegistrationsPersonalData>()
            .AddScoped<IOrganisationDirectory, OrganisationDirectory>()
            .AddScoped<IVersionReadGrant, TakenInVersionGrant>()
            .AddScoped<ConsultationReportBuilder>()
            .AddScoped<ConsultationOutcomes>()
            .AddScoped<IDemoData, ConsultationsDemoData>()
            .AddIntegrationEvent<CommentDisposed>()
            .AddIntegrationEvent<CommentTakenIn>()
            .AddIntegrationEvent<ConsultationReportPublished>();

    public static IEndpointRouteBuilder MapConsultations(this IEndpointRouteBuilder app)
    {
        var organisations = app.MapGroup("/api/v1/organisations").WithTags(OrganisationsTag);
        RegisterOrganisation.Map(organisations);
        ListOrganisations.Map(organisations);
        GetOrganisation.Map(organisations);

        var rounds = app.MapGroup("/api/v1/consultation-rounds").WithTags(Tag);
        OpenConsultationRound.Map(rounds);
        ListConsultationRounds.Map(rounds);
        GetConsultationRound.Map(rounds);
        UpdateConsultationRound.Map(rounds);
        ScheduleConsultationMeeting.Map(rounds);
        ListConsultationMeetings.Map(rounds);
        SubmitComments.Map(rounds);
        ListSubmissions.Map(rounds);
        ListComments.Map(rounds);
        DisposeComments.Map(rounds);
        RecordCommentsTakenIn.Map(rounds);
        GetConsultationReport.Map(rounds);
        PublishConsultationReport.Map(rounds);

        var meetings = app.MapGroup("/api/v1/consultation-meetings").WithTags(Tag);
        GetConsultationMeeting.Map(meetings);
        RecordConsultationMeeting.Map(meetings);
        PublishMeetingMinutes.Map(meetings);
        WithdrawMeetingMinutes.Map(meetings);
        OpenMeetingRegistration.Map(meetings);
        RegisterForMeeting.Map(meetings);
        ListMeetingRegistrations.Map(meetings);
        GetMeetingRegistration.Map(meetings);
        RecordMeetingAttendance.Map(meetings);

        var publicRounds = app.MapGroup("/api/v1/public/consultation-rounds").WithTags(PublicTag);
        ListPublicRounds.Map(publicRounds);
        GetPublicRound.Map(publicRounds);
        GetPublicRoundDocument.Map(publicRounds);
        ListPublicMeetings.Map(publicRounds);
        GetPublicMeeting.Map(app.MapGroup("/api/v1/public/consultation-meetings").WithTags(PublicTag));

        GetSubmission.Map(app.MapGroup("/api/v1/consultation-submissions").WithTags(Tag));

        var comments = app.MapGroup("/api/v1/consultation-comments").WithTags(Tag);
        GetComment.Map(comments);
        DisposeComment.Map(comments);
        RecordCommentTakenIn.Map(comments);
        return app;
    }
}
