using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;
using TrainingApi.Features.PilotEnrollment.Applications;

namespace TrainingApi.Features.PilotEnrollment.Recruitments;

/// <summary>
/// Makes the list of JST taking part public (<see cref="GetAcceptedJst"/>). Once, and only when the list is settled:
/// after the window has closed and, in a ranked recruitment, after the allocation run. Under the recruitment's lock,
/// like every change to who holds a place.
/// </summary>
public static class PublishAcceptedList
{
    public sealed record Command(Guid RecruitmentId) : ICommand<RecruitmentView>;

    public sealed class Handler(TrainingDb db, TimeProvider clock) : ICommandHandler<Command, RecruitmentView>
    {
        public async ValueTask<RecruitmentView> Handle(Command command, CancellationToken cancellationToken)
        {
            var recruitment = await db.FindLockedAsync<Recruitment>(command.RecruitmentId, RowLock.Update, tracked: true, cancellationToken)
                              ?? throw Problem.NotFound(PilotEnrollmentModule.RecruitmentNoun, command.RecruitmentId);
            var now = clock.UtcNowForDatabase();
            if (recruitment.AcceptedListPublishedAt is { } published)
            {
                throw Problem.Conflict(new Text($"The list was published on {WarsawTime.Format(published)}.",
                    $"Lista została opublikowana {WarsawTime.Format(published)}."), "already-published");
            }

            if (now < recruitment.ClosesAt)
            {
                throw Problem.Conflict(new Text($"The recruitment is open until {WarsawTime.Format(recruitment.ClosesAt)}; publish the list after it closes.",
                    $"Nabór trwa do {WarsawTime.Format(recruitment.ClosesAt)}; listę publikuje się po jego zamknięciu."), "recruitment-not-closed");
            }

            if (recruitment.SelectionMode == SelectionMode.Ranked && recruitment.AllocatedAt is null)
            {
                throw Problem.Conflict(new Text("Allocate the places first (POST …/allocation?preview=false); the list follows from it.",
                    "Najpierw przydziel miejsca (POST …/allocation?preview=false); lista z tego wynika."), "not-allocated");
            }

            recruitment.PublishAcceptedList(now);
            await db.SaveChangesAsync(cancellationToken);
            return RecruitmentView.From(recruitment, now);
        }
    }

    public static void Map(RouteGroupBuilder recruitments) =>
        recruitments.MapPost("/{recruitmentId:guid}/accepted-list/publication", async (Guid recruitmentId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Command(recruitmentId), ct)))
            .WithName("PublishAcceptedList")
            .WithSummary("Publish the list of JST taking part")
            .WithDescription("By the programme team, once, after the recruitment has closed (and, in a ranked recruitment, after the final " +
                             "allocation run): from then on `GET …/accepted-jst` shows everyone the JST taking part. 409 `already-published`, " +
                             "`recruitment-not-closed` or `not-allocated` otherwise.")
            .RequireRoles(Roles.ProgrammeTeam)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithResponseExample(StatusCodes.Status200OK, RecruitmentView.Example with
            {
                IsOpen = false,
                AcceptedListPublishedAt = new DateTimeOffset(2024, 6, 3, 8, 0, 0, TimeSpan.Zero),
            });
}
