using Mediator;

namespace TrainingApi.Features.PilotEnrollment.Applications;

/// <summary>
/// The second step of applying: gets the submitted application a place or a waiting-list position (see
/// <see cref="SlotAllocation"/> and <see cref="PlacementCoordinator"/>). Not an endpoint of its own;
/// ApplyToRecruitment sends it after the submission has committed. A query for the pipeline: the coordinator
/// runs its own transaction, shared by the whole batch.
/// </summary>
public static class PlaceApplication
{
    /// <param name="Submitted">The application as just stored: only its place is still to come.</param>
    public sealed record Command(Guid RecruitmentId, ApplicationView Submitted) : IQuery<ApplicationView>;

    public sealed class Handler(PlacementCoordinator coordinator) : IQueryHandler<Command, ApplicationView>
    {
        public async ValueTask<ApplicationView> Handle(Command command, CancellationToken cancellationToken)
        {
            var decision = await coordinator.PlaceAsync(command.RecruitmentId, command.Submitted.Id, cancellationToken);
            return command.Submitted with { Status = decision.Status, WaitlistPosition = decision.WaitlistPosition, DecidedAt = decision.DecidedAt };
        }
    }
}
