using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Idempotency;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.UseCases;
using TrainingApi.Features.PilotEnrollment.Recruitments;

namespace TrainingApi.Features.PilotEnrollment.Applications;

/// <summary>
/// The system places first-come applications left submitted past a grace period by a request that was interrupted between
/// storing and placing them. A recruitment whose lock another transaction holds is skipped, not waited for: the holder is
/// placing, and places these with the rest. Sent every minute by <see cref="StrandedApplicationSweeper"/>.
/// </summary>
public static class PlaceStrandedApplications
{
    /// <summary>How long an application may stay submitted before it counts as stranded: its own request places it sooner.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);

    /// <summary>Answers how many applications were placed.</summary>
    public sealed record Command : IPollingCommand<int>
    {
        public bool FoundWork(int response) => response > 0;
    }

    public sealed class Handler(TrainingDb db, IServiceProvider services, IdempotentAnswers answers, TimeProvider clock) : ICommandHandler<Command, int>
    {
        public async ValueTask<int> Handle(Command command, CancellationToken cancellationToken)
        {
            var before = clock.GetUtcNow() - Grace;
            var recruitments = await db.Set<Application>().Where(a => a.Status == ApplicationStatus.Submitted && a.SubmittedAt < before)
                .Join(db.Set<Recruitment>().Where(r => r.SelectionMode == SelectionMode.FirstCome), a => a.RecruitmentId, r => r.Id, (a, r) => r.Id)
                .Distinct().ToListAsync(cancellationToken);
            var placed = 0;
            foreach (var recruitmentId in recruitments)
            {
                if (await SlotAllocation.TryLockAsync(db, recruitmentId, cancellationToken))
                {
                    var ids = (await SlotAllocation.PlaceAndAnnounceAsync(services, recruitmentId, clock.UtcNowForDatabase(), cancellationToken)).ConvertAll(p => p.Id);
                    // No request waits for these any more: their Idempotency-Keys are answered from the applications as stored.
                    await answers.CompleteCreatedAsync(db, ids, async (pending, token) =>
                            (await db.Set<Application>().AsNoTracking().Include(a => a.Participants).Where(a => pending.Contains(a.Id)).ToListAsync(token))
                            .ToDictionary(a => a.Id, ApplicationView.From),
                        ApplicationView.Location, cancellationToken);
                    placed += ids.Count;
                }
            }

            return placed;
        }
    }
}
