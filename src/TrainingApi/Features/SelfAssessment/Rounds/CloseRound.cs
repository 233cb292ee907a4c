using Mediator;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security;

namespace TrainingApi.Features.SelfAssessment.Rounds;

public static class CloseRound
{
    public sealed record Command(Guid RoundId) : ICommand<SelfAssessmentView>;

    public sealed class Handler(TrainingDb db, Access access, Caller caller, RoundClosing closing) : ICommandHandler<Command, SelfAssessmentView>
    {
        public async ValueTask<SelfAssessmentView> Handle(Command command, CancellationToken ct)
        {
            await RoundLookup.FindAsync(access, db, command.RoundId, ct);
            // Under the row lock, so the starter and the deadline sweeper close it once between them.
            await db.LockRowAsync<AssessmentRound>(command.RoundId, RowLock.Update, ct);
            var round = await RoundLookup.FindAsync(access, db, command.RoundId, ct);
            await closing.CloseAsync(round, caller.Subject!, ct);
            await db.SaveChangesAsync(ct);
            return await SelfAssessmentView.ForAsync(db, round, ct);
        }
    }

    public static void Map(RouteGroupBuilder rounds) =>
        rounds.MapPost("/{roundId:guid}/close", async (Guid roundId, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new Command(roundId), ct)))
            .WithName("CloseSelfAssessment")
            .WithSummary("Close a self-assessment round and compute its results")
            .WithDescription("Its links stop working and unsent drafts are discarded. The results are computed once, from the submitted answers, " +
                             "and kept with the round; with at least three respondents they show, and become the JST's current state for the " +
                             "peer benchmark. A round closed already is 409 `round-closed`. Sends `self-assessment.closed`.")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Advisor, Roles.JstCoordinator)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithResponseExample(StatusCodes.Status200OK, SelfAssessmentView.Example);
}
