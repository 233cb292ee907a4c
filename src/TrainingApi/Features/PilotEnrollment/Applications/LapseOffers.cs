using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Events;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.UseCases;

namespace TrainingApi.Features.PilotEnrollment.Applications;

/// <summary>
/// The system lapses the offers of one recruitment that ran out unconfirmed (the one whose offer expired first): each
/// application is withdrawn and its place offered to the next in line. Under the recruitment's row lock (the lock applying
/// and confirming take), re-reading the expired offers after taking it, so any number of instances sweeping at once lapse
/// each offer once, and a confirmation is either before the lapse or refused after it. Sent by <see cref="OfferLapseSweeper"/>
/// until no offer is left expired, one recruitment per transaction.
/// </summary>
public static class LapseOffers
{
    /// <summary>Answers how many offers lapsed; null when no recruitment had an expired offer.</summary>
    public sealed record Command : IPollingCommand<int?>
    {
        public bool FoundWork(int? response) => response is not null;
    }

    public sealed class Handler(TrainingDb db, EventOutbox events, TimeProvider clock) : ICommandHandler<Command, int?>
    {
        public async ValueTask<int?> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.UtcNowForDatabase();
            var recruitmentId = await Expired(now).OrderBy(a => a.OfferExpiresAt).Select(a => (Guid?)a.RecruitmentId).FirstOrDefaultAsync(cancellationToken);
            if (recruitmentId is not { } id)
            {
                return null;
            }

            var recruitment = await WaitingList.LockAsync(db, id, cancellationToken);
            var expired = await Expired(now).Where(a => a.RecruitmentId == id)
                .OrderBy(a => a.OfferExpiresAt).ThenBy(a => a.Id).ToListAsync(cancellationToken);
            foreach (var application in expired)
            {
                application.LapseOffer(now);
                events.Publish(new ApplicationOfferLapsed(id, application.Id, application.JstTeryt));
            }

            recruitment.Count(-expired.Count, 0);
            await WaitingList.PromoteAsync(db, events, recruitment, expired.Count, now, cancellationToken);
            return expired.Count;
        }

        private IQueryable<Application> Expired(DateTimeOffset now) =>
            db.Set<Application>().Where(a => a.Status == ApplicationStatus.Offered && a.OfferExpiresAt <= now);
    }
}
