using TrainingApi.Common.Http;
using TrainingApi.Features.Advisory.Maturity;
using TrainingApi.Features.SelfAssessment.Invitations;
using TrainingApi.Features.SelfAssessment.Rounds;

namespace TrainingApi.Features.SelfAssessment.Responding;

/// <param name="Id">The statement's id, the key of its answer.</param>
/// <param name="Text">The statement, in Polish.</param>
/// <param name="Help">What it means and what a high or low score looks like, in Polish.</param>
public sealed record QuestionnaireStatement(string Id, string Text, string Help);

/// <param name="Code">The area's code.</param>
/// <param name="Name">The area's name, in Polish.</param>
/// <param name="Statements">Its statements, in order.</param>
public sealed record QuestionnaireArea(string Code, string Name, IReadOnlyList<QuestionnaireStatement> Statements);

/// <param name="JstName">The JST the respondent answers for.</param>
/// <param name="RoundTitle">The round's name, if it has one.</param>
/// <param name="Role">The role the link was made for.</param>
/// <param name="Anonymous">Whether the round is anonymous (it records no names).</param>
/// <param name="Deadline">When the round closes.</param>
/// <param name="ExpiresAt">When this link stops working.</param>
/// <param name="FrameworkVersion">The maturity framework version answered.</param>
/// <param name="MinScore">The lowest score (1: not at all true).</param>
/// <param name="MaxScore">The highest score (5: fully true). "Nie wiem / nie dotyczy" is null.</param>
/// <param name="Areas">The statements to answer, by area.</param>
/// <param name="Answers">The draft saved so far (statement id → 1–5 or null); empty before the first save.</param>
/// <param name="SavedAt">When the draft was last saved, or null.</param>
public sealed record QuestionnaireView(
    string JstName, string? RoundTitle, string Role, bool Anonymous, DateTimeOffset Deadline, DateTimeOffset ExpiresAt, string FrameworkVersion,
    int MinScore, int MaxScore, IReadOnlyList<QuestionnaireArea> Areas, IReadOnlyDictionary<string, int?> Answers, DateTimeOffset? SavedAt)
{
    public static QuestionnaireView From(AssessmentRound round, Invitation invitation, MaturityFramework framework, AnswerDraft? draft) => new(
        round.JstName, round.Title, QueryEnum.Name(invitation.Role), round.Anonymous, round.Deadline, invitation.ExpiresAt, framework.Version,
        MaturityFramework.MinScore, MaturityFramework.MaxScore,
        [.. framework.Areas.Select(a => new QuestionnaireArea(a.Code, a.Name, [.. a.Statements.Select(s => new QuestionnaireStatement(s.Id, s.Text, s.Help))]))],
        draft?.Answers ?? new Dictionary<string, int?>(), draft?.SavedAt);

    public static QuestionnaireView Example => From(
        new AssessmentRound(PilotEnrollment.Register.JstRegister.Find("1465011")!, MaturityFramework.Current.Version, "Samoocena 2025", true,
            SelfAssessmentView.Example.Deadline, "example", SelfAssessmentView.Example.StartedAt),
        new Invitation(SelfAssessmentView.Example.Id, Advisory.Diagnoses.RespondentRole.SchoolHead, null, [], InvitationView.Example.ExpiresAt, "example", SelfAssessmentView.Example.StartedAt),
        MaturityFramework.Current with { Areas = [.. MaturityFramework.Current.Areas.Take(1)] },
        new AnswerDraft(Guid.Empty, new Dictionary<string, int?> { ["strategia-1"] = 4, ["strategia-2"] = null }, SelfAssessmentView.Example.StartedAt.AddDays(1)));
}

/// <param name="Answers">Statement id → 1–5, or null for "nie wiem / nie dotyczy".</param>
public sealed record AnswersRequest([property: System.ComponentModel.DataAnnotations.Required] IReadOnlyDictionary<string, int?> Answers);

/// <param name="SavedAt">When the draft was saved.</param>
/// <param name="Answered">How many statements the draft answers (null counts: it is an answer).</param>
/// <param name="Statements">How many statements the questionnaire has.</param>
public sealed record DraftSaved(DateTimeOffset SavedAt, int Answered, int Statements);

/// <param name="Submitted">Always true: the answers are in the round and the link is spent.</param>
/// <param name="JstName">The JST the answers count for.</param>
/// <param name="RoundDeadline">When the round closes; results show once it has closed with at least three respondents.</param>
public sealed record SubmissionReceipt(bool Submitted, string JstName, DateTimeOffset RoundDeadline);
