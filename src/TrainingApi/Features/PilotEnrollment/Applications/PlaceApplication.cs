using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Persistence;

namespace TrainingApi.Features.PilotEnrollment.Applications;

/// <summary>
/// The second step of applying: gets the submitted application a place or a waiting-list position (see
/// <see cref="SlotAllocation"/> and <see cref="PlacementCoordinator"/>). Not an endpoint of its own;
/// ApplyToRecruitment sends it after the submission has committed. A query for the pipeline: the coordinator
/// runs its own transaction, shared by the whole batch.
/// </summary>
public static class PlaceApplication
{
    public sealed record Command(Guid RecruitmentId, Guid ApplicationId) : IQuery<ApplicationView>;

    public sealed class Handler(TrainingDb db, PlacementCoordinator coordinator) : IQueryHandler<Command, ApplicationView>
    {
        public async ValueTask<ApplicationView> Handle(Command command, CancellationToken cancellationToken)
        {
            var application = await db.Set<Application>().AsNoTracking().Include(a => a.Participants).SingleAsync(a => a.Id == command.ApplicationId, cancellationToken);
            var decision = await coordinator.PlaceAsync(command.RecruitmentId, command.ApplicationId, cancellationToken);
            return ApplicationView.From(application) with { Status = decision.Status, WaitlistPosition = decision.WaitlistPosition, DecidedAt = decision.DecidedAt };
        }
    }
}
