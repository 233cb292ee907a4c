using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Events;
using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;
using TrainingApi.Features.Consultations.Dispositions;
using TrainingApi.Features.Consultations.Rounds;
using TrainingApi.Features.Consultations.Submissions;

namespace TrainingApi.Features.Consultations.Report;

public static class PublishConsultationReport
{
    /// <param name="Awaiting">How many comments of the round have no disposition yet.</param>
    public sealed record CommentsAwaitingDispositionMembers(int Awaiting);

    public static readonly ProblemShape<CommentsAwaitingDispositionMembers> CommentsAwaitingDisposition = new("comments-awaiting-disposition");

    public sealed record Command(Guid RoundId) : ICommand<RoundView>;

    public sealed class Handler(TrainingDb db, Caller caller, EventOutbox events, TimeProvider clock) : ICommandHandler<Command, RoundView>
    {
        public async ValueTask<RoundView> Handle(Command command, CancellationToken ct)
        {
            var round = await RoundLocks.ForUpdateAsync(db, command.RoundId, ct);
            round.EnsureNotPublished();
            var now = clock.UtcNowForDatabase();
            if (round.StatusAt(now) != RoundStatus.Closed)
            {
                throw Problem.Conflict(new Text(
                    $"The report is published after the round closes; round '{round.Title}' takes comments {round.Window.En}.",
                    $"Zestawienie uwag publikuje się po zakończeniu konsultacji; konsultacje '{round.Title}' trwają {round.Window.Pl}."), "round-not-closed");
            }

            var comments = await db.Set<Comment>().CountAsync(c => c.RoundId == round.Id, ct);
            var awaiting = await db.Set<Comment>().CountAsync(c => c.RoundId == round.Id && c.Disposition == null, ct);
            if (awaiting > 0)
            {
                throw CommentsAwaitingDisposition.Refuse(ProblemKind.Conflict, new Text(
                    $"{awaiting} of {comments} comments have no disposition yet; every comment is answered before the report is published " +
                    $"(GET /api/v1/consultation-rounds/{round.Id}/comments?status=awaiting-disposition).",
                    $"{awaiting} z {comments} uwag nie ma jeszcze stanowiska; przed publikacją zestawienia każda uwaga musi je otrzymać " +
                    $"(GET /api/v1/consultation-rounds/{round.Id}/comments?status=awaiting-disposition)."),
                    new(awaiting));
            }

            round.PublishReport(caller.Subject!, now);
            events.Publish(new ConsultationReportPublished(round.Id, round.VersionId, round.VersionLabel, round.Title, comments,
                $"/api/v1/consultation-rounds/{round.Id}/report"));
            await db.SaveChangesAsync(ct);
            return RoundView.From(round, comments, now);
        }
    }

    public static void Map(RouteGroupBuilder rounds) =>
        rounds.MapPost("/{roundId:guid}/report/publication", async (Guid roundId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Command(roundId), ct)))
            .WithName("PublishConsultationReport")
            .ProducesTypedProblem(StatusCodes.Status409Conflict, CommentsAwaitingDisposition)
            .WithSummary("Publish a round's consultation report")
            .WithDescription("After the round closes and once every comment has a disposition: the report becomes readable by anyone, " +
                             "dispositions are final, and subscribers get `consultation-report.published`. Publishing twice is a 409.")
            .RequireRoles(Roles.ProgrammeTeam)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithResponseExample(StatusCodes.Status200OK, RoundView.Example with
            {
                Status = RoundStatus.ReportPublished,
                ReportPublishedAt = new DateTimeOffset(2024, 4, 30, 10, 0, 0, TimeSpan.Zero),
            });
}
