using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Audit;
using TrainingApi.Common.Events;
using TrainingApi.Common.Persistence;

namespace TrainingApi.Features.PilotEnrollment.Applications;

/// <summary>
/// The second step of applying: gets the submitted application a place or a waiting-list position (see
/// <see cref="SlotAllocation"/>). Not an endpoint of its own; ApplyToRecruitment sends it after the submission
/// has committed.
/// </summary>
public static class PlaceApplication
{
    // While another applicant holds the lock, its batch will most likely place this application too: wait a
    // little, longer each time (with jitter), rather than poll the database in a tight loop.
    private const int FirstPauseMilliseconds = 3;
    private const int LongestPauseMilliseconds = 40;
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(30);

    public sealed record Command(Guid RecruitmentId, Guid ApplicationId) : ICommand<ApplicationView>;

    public sealed class Handler(TrainingDb db, EventOutbox events, AuditLog audit, TimeProvider clock) : ICommandHandler<Command, ApplicationView>
    {
        public async ValueTask<ApplicationView> Handle(Command command, CancellationToken cancellationToken)
        {
            var application = await db.Set<Application>().AsNoTracking().Include(a => a.Participants).SingleAsync(a => a.Id == command.ApplicationId, cancellationToken);
            var deadline = clock.GetUtcNow() + GiveUpAfter;
            var pause = FirstPauseMilliseconds;
            while (true)
            {
                // Placed already, by the batch of whoever held the lock?
                var current = await db.Set<Application>().Where(a => a.Id == command.ApplicationId)
                    .Select(a => new { a.Status, a.WaitlistPosition, a.DecidedAt }).SingleAsync(cancellationToken);
                if (current.Status != ApplicationStatus.Submitted)
                {
                    return ApplicationView.From(application) with { Status = current.Status, WaitlistPosition = current.WaitlistPosition, DecidedAt = current.DecidedAt };
                }

                if (await SlotAllocation.TryLockAsync(db, command.RecruitmentId, cancellationToken))
                {
                    var now = clock.UtcNowForDatabase();
                    var placed = await SlotAllocation.PlaceAndAnnounceAsync(db, events, audit, command.RecruitmentId, now, cancellationToken);
                    // Another holder may have placed it between the check above and taking the lock: then look again.
                    if (placed.FirstOrDefault(p => p.Id == command.ApplicationId) is { } mine)
                    {
                        return ApplicationView.From(application) with
                        {
                            Status = Enum.Parse<ApplicationStatus>(mine.Status),
                            WaitlistPosition = mine.WaitlistPosition,
                            DecidedAt = now,
                        };
                    }

                    continue;
                }

                if (clock.GetUtcNow() > deadline)
                {
                    throw new TimeoutException("The recruitment stayed locked too long to place the application.");
                }

                await Task.Delay(TimeSpan.FromMilliseconds(pause * (0.5 + Random.Shared.NextDouble())), cancellationToken);
                pause = Math.Min(pause * 2, LongestPauseMilliseconds);
            }
        }
    }
}
