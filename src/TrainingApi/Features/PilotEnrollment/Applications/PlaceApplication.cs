using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Persistence;

namespace TrainingApi.Features.PilotEnrollment.Applications;

/// <summary>
/// The second step of first-come applications, as the system: under the recruitment's lock (waiting for other instances
/// if need be), places every submitted application of the recruitment in one statement (<see cref="SlotAllocation"/>)
/// and answers the decisions on the batch's applications, including any another instance placed first. Sent by
/// <see cref="PlacementCoordinator"/> for a batch of applications that were committed as submitted; each placement's
/// audit entry names the system acting for the application's own submitter.
/// </summary>
public static class PlaceApplication
{
    public sealed record Command(Guid RecruitmentId, IReadOnlyList<Guid> ApplicationIds) : ICommand<Dictionary<Guid, PlacementCoordinator.Decision>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.RecruitmentId).NotEmpty();
            RuleFor(c => c.ApplicationIds).NotEmpty();
        }
    }

    public sealed class Handler(TrainingDb db, IServiceProvider services, TimeProvider clock)
        : ICommandHandler<Command, Dictionary<Guid, PlacementCoordinator.Decision>>
    {
        public async ValueTask<Dictionary<Guid, PlacementCoordinator.Decision>> Handle(Command command, CancellationToken cancellationToken)
        {
            await SlotAllocation.LockAsync(db, command.RecruitmentId, cancellationToken);
            await SlotAllocation.PlaceAndAnnounceAsync(services, command.RecruitmentId, clock.UtcNowForDatabase(), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            var ids = command.ApplicationIds;
            var decisions = await db.Set<Application>().Where(a => ids.Contains(a.Id))
                .Select(a => new { a.Id, a.Status, a.WaitlistPosition, a.DecidedAt }).ToListAsync(cancellationToken);
            return decisions.ToDictionary(d => d.Id, d => new PlacementCoordinator.Decision(d.Status, d.WaitlistPosition, d.DecidedAt));
        }
    }
}
