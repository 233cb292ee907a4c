using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;
using TrainingApi.Features.SelfAssessment.Responding;
using TrainingApi.Features.SelfAssessment.Rounds;

namespace TrainingApi.Features.SelfAssessment.Invitations;

public static class RevokeInvitation
{
    public sealed record Command(Guid RoundId, Guid InvitationId) : ICommand<InvitationView>;

    public sealed class Handler(TrainingDb db, Access access, TimeProvider clock) : ICommandHandler<Command, InvitationView>
    {
        public async ValueTask<InvitationView> Handle(Command command, CancellationToken ct)
        {
            var round = await RoundLookup.FindAsync(access, db, command.RoundId, ct);
            round.EnsureOpen();
            await db.LockRowAsync<Invitation>(command.InvitationId, RowLock.Update, ct);
            var invitation = await db.Set<Invitation>().FirstOrDefaultAsync(i => i.Id == command.InvitationId && i.RoundId == round.Id, ct)
                             ?? throw Problem.NotFound(SelfAssessmentModule.InvitationNoun, command.InvitationId);
            var now = clock.UtcNowForDatabase();
            if (invitation.SubmittedAt is not null)
            {
                throw Problem.Conflict(new Text("The respondent has submitted already; their answers stay in the round.",
                    "Respondent już przesłał odpowiedzi; pozostają one w rundzie."), "invitation-submitted");
            }

            if (invitation.Revoke(now))
            {
                await db.Set<AnswerDraft>().Where(d => d.InvitationId == invitation.Id).ExecuteDeleteAsync(ct);
                await db.SaveChangesAsync(ct);
            }

            return InvitationView.From(invitation, now);
        }
    }

    public static void Map(RouteGroupBuilder rounds) =>
        rounds.MapPost("/{roundId:guid}/invitations/{invitationId:guid}/revoke", async (Guid roundId, Guid invitationId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Command(roundId, invitationId), ct)))
            .WithName("RevokeSelfAssessmentInvitation")
            .WithSummary("Revoke an invitation link")
            .WithDescription("The link stops working at once (it answers 404 like any unknown link) and its unsent draft is discarded. Revoking " +
                             "a revoked link changes nothing. A submitted one is 409 `invitation-submitted`: its answers stay in the round. " +
                             "A closed round is 409 `round-closed`.")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Advisor, Roles.JstCoordinator)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithResponseExample(StatusCodes.Status200OK, InvitationView.Example with { Status = InvitationStatus.Revoked });
}
