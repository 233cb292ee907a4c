using TrainingApi.Common.Events;
using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.PersonalData;
using TrainingApi.Common.Security;
using TrainingApi.Common.Startup;
using TrainingApi.Features.SelfAssessment.Invitations;
using TrainingApi.Features.SelfAssessment.Recommendations;
using TrainingApi.Features.SelfAssessment.Responding;
using TrainingApi.Features.SelfAssessment.Results;
using TrainingApi.Features.SelfAssessment.Rounds;

namespace TrainingApi.Features.SelfAssessment;

/// <summary>
/// The SelfAssessment slice: any JST of the register assesses its own digital maturity by inviting its people through
/// links, against the framework and scoring of the advisory diagnosis (Advisory), and sees itself against peers of its
/// kind, with what to read next from the latest published materials.
/// </summary>
public static partial class SelfAssessmentModule
{
    public const string Schema = "self_assessment";
    public const string Tag = "Self-assessment";

    public static readonly Text RoundNoun = new("self-assessment round", "runda samooceny");
    public static readonly Text InvitationNoun = new("invitation", "zaproszenie");

    public static IServiceCollection AddSelfAssessment(this IServiceCollection services, IConfiguration configuration) =>
        services
            .AddApiTag(Tag, "Self-assessment of digital maturity for any JST: rounds, invitation links for its people (no account), " +
                            "anonymous answers, results by area and role, the benchmark against peers of the same kind, and what to read next.")
            .Configure<SelfAssessmentOptions>(configuration.GetSection(SelfAssessmentOptions.Section))
            .AddScoped<RoundAccess>()
            .AddScoped<IAccessRule<AssessmentRound>>(services => services.GetRequiredService<RoundAccess>())
            .AddScoped<RoundClosing>()
            .AddScoped<PeerBenchmark>()
            .AddScoped<SelfAssessmentAggregates>()
            .AddScoped<IDemoData, SelfAssessmentDemoData>()
            .AddScoped<IPersonalDataHolder, SelfAssessmentPersonalData>()
            .AddSingleton<RoundDeadlineSweeper>()
            .AddHostedService(services => services.GetRequiredService<RoundDeadlineSweeper>())
            .AddRespondentLinkLimits(configuration)
            .AddIntegrationEvent<SelfAssessmentClosed>();

    public static IEndpointRouteBuilder MapSelfAssessment(this IEndpointRouteBuilder app)
    {
        var rounds = app.MapGroup("/api/v1/self-assessments").WithTags(Tag);
        StartRound.Map(rounds);
        ListRounds.Map(rounds);
        GetRound.Map(rounds);
        CloseRound.Map(rounds);
        CreateInvitations.Map(rounds);
        ListInvitations.Map(rounds);
        RevokeInvitation.Map(rounds);
        GetBenchmark.Map(rounds);
        GetRecommendations.Map(rounds);
        GetMaturityHistory.Map(rounds);

        var links = app.MapGroup("/api/v1/self-assessment-links").WithTags(Tag);
        OpenQuestionnaire.Map(links);
        SaveAnswers.Map(links);
        SubmitAnswers.Map(links);
        return app;
    }
}

public sealed class SelfAssessmentOptions
{
    public const string Section = "SelfAssessment";

    /// <summary>How long an invitation link works unless its starter says otherwise.</summary>
    public int InvitationDays { get; set; } = 30;

    /// <summary>
    /// The address handed out for a link, with <c>{token}</c> where the secret goes: a front end's questionnaire page
    /// (e.g. <c>https://samoocena.ore.edu.pl/ankieta/{token}</c>). When unset, the API's own questionnaire resource.
    /// </summary>
    public string? LinkTemplate { get; set; }

    /// <summary>Requests per minute one link may make (opening, saving, submitting), on each instance.</summary>
    public int LinkRequestsPerMinute { get; set; } = 60;

    /// <summary>How often open rounds past their deadline are looked for and closed.</summary>
    public int DeadlineSweepSeconds { get; set; } = 60;
}
