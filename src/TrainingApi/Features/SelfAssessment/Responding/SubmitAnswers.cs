using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Features.Advisory.Maturity;
using TrainingApi.Features.SelfAssessment.Rounds;

namespace TrainingApi.Features.SelfAssessment.Responding;

public static class SubmitAnswers
{
    /// <param name="Missing">Statements of the framework version left unanswered (send null for "nie wiem / nie dotyczy").</param>
    public sealed record QuestionnaireIncompleteMembers(IReadOnlyList<string> Missing);

    public static readonly ProblemShape<QuestionnaireIncompleteMembers> QuestionnaireIncomplete = new("questionnaire-incomplete");

    public sealed record Command(string Token, IReadOnlyDictionary<string, int?> Answers) : ICommand<SubmissionReceipt>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Answers).NotNull();
    }

    public sealed class Handler(TrainingDb db, TimeProvider clock) : ICommandHandler<Command, SubmissionReceipt>
    {
        public async ValueTask<SubmissionReceipt> Handle(Command command, CancellationToken ct)
        {
            var now = clock.UtcNowForDatabase();
            var (invitation, round) = await RespondentLink.ForChangeAsync(db, command.Token, now, ct);
            var framework = MaturityFramework.Find(round.FrameworkVersion)!;
            AnswerRules.Check(framework, command.Answers);
            var missing = framework.Statements.Select(s => s.Id).Where(id => !command.Answers.ContainsKey(id)).ToList();
            if (missing.Count > 0)
            {
                throw QuestionnaireIncomplete.Refuse(ProblemKind.UnprocessableContent, new Text(
                    $"Answer every statement before submitting (null for \"nie wiem / nie dotyczy\"); missing: {string.Join(", ", missing.Take(10))}" +
                    (missing.Count > 10 ? $" and {missing.Count - 10} more." : "."),
                    $"Przed przesłaniem odpowiedz na każde stwierdzenie (null, gdy „nie wiem / nie dotyczy”); brak: {string.Join(", ", missing.Take(10))}" +
                    (missing.Count > 10 ? $" i {missing.Count - 10} innych." : ".")),
                    new(missing));
            }

            // The answers go where nothing points back to the link; the link only learns that it was used.
            db.Add(new Submission(round.Id, invitation.Role, command.Answers));
            invitation.MarkSubmitted(now);
            await db.Set<AnswerDraft>().Where(d => d.InvitationId == invitation.Id).ExecuteDeleteAsync(ct);
            await db.SaveChangesAsync(ct);
            return new SubmissionReceipt(true, round.JstName, round.Deadline);
        }
    }

    public static void Map(RouteGroupBuilder links) =>
        links.MapPost("/{token}/submission", async (string token, AnswersRequest request, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Command(token, request.Answers), ct)))
            .WithName("SubmitSelfAssessmentAnswers")
            .WithSummary("Submit the answers of a questionnaire, for good")
            .WithDescription("Every statement of the round's framework version, each 1–5 or null for \"nie wiem / nie dotyczy\" (a gap is 422 " +
                             "`questionnaire-incomplete` listing what is missing; out of scale or unknown statements are a 400 naming them). The " +
                             "answers are stored with the respondent's role only, apart from the link, and never shown one by one; the draft is " +
                             "discarded and the link is spent: a second submission or a later save is 409 `answers-submitted`, reading it 404.")
            .AllowAnonymous()
            .RequireRateLimiting(RespondentLinkLimits.Policy)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesTypedProblem(StatusCodes.Status422UnprocessableEntity, QuestionnaireIncomplete)
            .WithRequestExample(new AnswersRequest(MaturityFramework.Current.Statements.ToDictionary(s => s.Id, s => (int?)3)))
            .WithResponseExample(StatusCodes.Status200OK, new SubmissionReceipt(true, "Warszawa", SelfAssessmentView.Example.Deadline));
}
