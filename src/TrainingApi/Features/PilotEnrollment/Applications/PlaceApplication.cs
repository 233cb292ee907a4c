using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Idempotency;
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
    /// <param name="Submitted">The batch's applications whose requests carry an Idempotency-Key, as submitted, with the key: their stored answers are made from these.</param>
    public sealed record Command(Guid RecruitmentId, IReadOnlyList<Guid> ApplicationIds, IReadOnlyDictionary<Guid, PendingAnswer<ApplicationView>> Submitted)
        : ICommand<Dictionary<Guid, PlacementCoordinator.Decision>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.RecruitmentId).NotEmpty();
            RuleFor(c => c.ApplicationIds).NotEmpty();
        }
    }

    public sealed class Handler(TrainingDb db, IServiceProvider services, IdempotentAnswers answers, TimeProvider clock)
        : ICommandHandler<Command, Dictionary<Guid, PlacementCoordinator.Decision>>
    {
        public async ValueTask<Dictionary<Guid, PlacementCoordinator.Decision>> Handle(Command command, CancellationToken cancellationToken)
        {
            await SlotAllocation.LockAsync(db, command.RecruitmentId, cancellationToken);
            var now = clock.UtcNowForDatabase();
            var decisions = new Dictionary<Guid, PlacementCoordinator.Decision>(command.ApplicationIds.Count);
            foreach (var p in await SlotAllocation.PlaceAndAnnounceAsync(services, command.RecruitmentId, now, cancellationToken))
            {
                decisions[p.Id] = new PlacementCoordinator.Decision(Enum.Parse<ApplicationStatus>(p.Status), p.WaitlistPosition, now);
            }

            // Read back only the batch's applications this statement did not place: another batch or instance placed them first.
            var elsewhere = command.ApplicationIds.Where(id => !decisions.ContainsKey(id)).ToList();
            if (elsewhere.Count > 0)
            {
                foreach (var d in await db.Set<Application>().Where(a => elsewhere.Contains(a.Id))
                             .Select(a => new { a.Id, a.Status, a.WaitlistPosition, a.DecidedAt }).ToListAsync(cancellationToken))
                {
                    decisions[d.Id] = new PlacementCoordinator.Decision(d.Status, d.WaitlistPosition, d.DecidedAt);
                }
            }

            // The batch's Idempotency-Keys are answered here, in the transaction that decided them, from the applications their
            // requests submitted: nothing is read back. An application placed by this statement whose request is not in the
            // batch is answered by its own request's batch, which follows; if that request died, its retry answers it.
            var answered = new Dictionary<Guid, PendingAnswer<ApplicationView>>(command.Submitted.Count);
            foreach (var (id, submitted) in command.Submitted)
            {
                if (decisions.TryGetValue(id, out var decision))
                {
                    answered[id] = submitted with
                    {
                        Resource = submitted.Resource with { Status = decision.Status, WaitlistPosition = decision.WaitlistPosition, DecidedAt = decision.DecidedAt },
                    };
                }
            }

            await answers.CompleteCreatedAsync(db, answered, ApplicationView.Location, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return decisions;
        }
    }
}
