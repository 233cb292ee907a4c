using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Features.Advisory.Maturity;

namespace TrainingApi.Features.SelfAssessment.Responding;

public static class SaveAnswers
{
    public sealed record Command(string Token, IReadOnlyDictionary<string, int?> Answers) : ICommand<DraftSaved>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Answers).NotNull();
    }

    public sealed class Handler(TrainingDb db, TimeProvider clock) : ICommandHandler<Command, DraftSaved>
    {
        public async ValueTask<DraftSaved> Handle(Command command, CancellationToken ct)
        {
            var now = clock.UtcNowForDatabase();
            var (invitation, round) = await RespondentLink.ForChangeAsync(db, command.Token, now, ct);
            var framework = MaturityFramework.Find(round.FrameworkVersion)!;
            AnswerRules.Check(framework, command.Answers);

            invitation.MarkOpened(now);
            var draft = await db.Set<AnswerDraft>().FirstOrDefaultAsync(d => d.InvitationId == invitation.Id, ct);
            if (draft is null)
            {
                db.Add(new AnswerDraft(invitation.Id, command.Answers, now));
            }
            else
            {
                draft.Replace(command.Answers, now);
            }

            await db.SaveChangesAsync(ct);
            return new DraftSaved(now, command.Answers.Count, framework.Statements.Count());
        }
    }

    public static void Map(RouteGroupBuilder links) =>
        links.MapPut("/{token}/answers", async (string token, AnswersRequest request, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Command(token, request.Answers), ct)))
            .WithName("SaveSelfAssessmentDraft")
            .WithSummary("Save the draft answers of a questionnaire")
            .WithDescription("Replaces the draft with the answers sent (some or all statements; each 1–5 or null for \"nie wiem / nie dotyczy\"). " +
                             "A draft may change until it is submitted; nobody else can read it. An answer outside the scale or to a statement " +
                             "not in the round's framework version is a 400 naming it, and nothing is saved. Submitted answers are 409 " +
                             "`answers-submitted`; any other dead link 404 `link-not-found`.")
            .AllowAnonymous()
            .RequireRateLimiting(RespondentLinkLimits.Policy)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithRequestExample(new AnswersRequest(QuestionnaireView.Example.Answers))
            .WithResponseExample(StatusCodes.Status200OK, new DraftSaved(QuestionnaireView.Example.SavedAt!.Value, 2, 29));
}
