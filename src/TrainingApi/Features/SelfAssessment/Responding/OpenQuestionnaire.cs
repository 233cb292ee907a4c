using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Features.Advisory.Maturity;

namespace TrainingApi.Features.SelfAssessment.Responding;

public static class OpenQuestionnaire
{
    // A command, not a query: opening a link is recorded (the starter's progress counts who opened theirs).
    public sealed record Command(string Token) : ICommand<QuestionnaireView>;

    public sealed class Handler(TrainingDb db, TimeProvider clock) : ICommandHandler<Command, QuestionnaireView>
    {
        public async ValueTask<QuestionnaireView> Handle(Command command, CancellationToken ct)
        {
            var now = clock.UtcNowForDatabase();
            var (invitation, round) = await RespondentLink.FindAsync(db, command.Token, now, ct);
            if (invitation.OpenedAt is null)
            {
                invitation.MarkOpened(now);
                await db.SaveChangesAsync(ct);
            }

            var draft = await db.Set<AnswerDraft>().AsNoTracking().FirstOrDefaultAsync(d => d.InvitationId == invitation.Id, ct);
            return QuestionnaireView.From(round, invitation, MaturityFramework.Find(round.FrameworkVersion)!, draft);
        }
    }

    public static void Map(RouteGroupBuilder links) =>
        links.MapGet("/{token}", async (string token, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var view = await mediator.Send(new Command(token), ct);
                http.Response.Headers.CacheControl = "no-store";
                return TypedResults.Ok(view);
            })
            .WithName("OpenSelfAssessmentQuestionnaire")
            .WithSummary("Open a questionnaire by its invitation link (no account)")
            .WithDescription("The statements of the round's framework version in Polish, with help texts, by area, and the draft saved so far. " +
                             "Answer each 1–5, or null for \"nie wiem / nie dotyczy\". The secret in the path is the only credential. A link that " +
                             "is unknown, expired, revoked, already submitted, or whose round has closed answers the same 404 `link-not-found`. " +
                             "Rate-limited per link and per address.")
            .AllowAnonymous()
            .RequireRateLimiting(RespondentLinkLimits.Policy)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithResponseExample(StatusCodes.Status200OK, QuestionnaireView.Example);
}
