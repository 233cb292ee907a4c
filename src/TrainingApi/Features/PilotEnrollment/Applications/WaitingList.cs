using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Events;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Features.PilotEnrollment.Recruitments;

namespace TrainingApi.Features.PilotEnrollment.Applications;

/// <summary>
/// Places freed or added after applying (a withdrawal, a raised capacity, a lapsed offer) go to the waiting list in order:
/// positions 1…n move into them and everyone behind moves up n, so the list stays 1, 2, 3… without gaps. Always under
/// the recruitment's row lock — the one applying takes (<see cref="SlotAllocation"/>) — and through the tracked,
/// locked recruitment, whose counters change with the applications in the same save.
/// </summary>
public static class WaitingList
{
    /// <summary>The recruitment, locked as applying locks it, tracked so its counters and terms change in the same save.</summary>
    public static async Task<Recruitment> LockAsync(TrainingDb db, Guid recruitmentId, CancellationToken ct) =>
        await db.FindLockedAsync<Recruitment>(recruitmentId, RowLock.NoKeyUpdate, tracked: true, ct)
        ?? throw Problem.NotFound(PilotEnrollmentModule.RecruitmentNoun, recruitmentId);

    /// <summary>
    /// Fills up to <paramref name="places"/> places from the head of the list: accepted, or offered until now + the
    /// recruitment's offer validity when it makes offers. Answers the promoted applications, in list order.
    /// </summary>
    public static async Task<List<Application>> PromoteAsync(TrainingDb db, EventOutbox events, Recruitment recruitment, int places, DateTimeOffset now,
        CancellationToken ct, Guid? except = null)
    {
        var queue = await db.Set<Application>()
            .Where(a => a.RecruitmentId == recruitment.Id && a.Status == ApplicationStatus.Waitlisted && a.Id != except)
            .OrderBy(a => a.WaitlistPosition).ToListAsync(ct);
        var promoted = queue.Take(Math.Max(places, 0)).ToList();
        foreach (var application in promoted)
        {
            if (recruitment.OfferValidity is { } validity)
            {
                application.Offer(now, now + validity);
                events.Publish(new ApplicationOffered(recruitment.Id, application.Id, application.JstTeryt, now + validity));
            }
            else
            {
                application.Promote(now);
                events.Publish(new ApplicationPromoted(recruitment.Id, application.Id, application.JstTeryt));
            }
        }

        queue.Skip(promoted.Count).ToList().ForEach(a => a.MoveUpWaitingList(promoted.Count));
        recruitment.Count(promoted.Count, -promoted.Count);
        return promoted;
    }

    /// <summary>An application left the list from <paramref name="position"/>: those behind it move up one.</summary>
    public static async Task CloseGapAsync(TrainingDb db, Recruitment recruitment, int position, CancellationToken ct)
    {
        var behind = await db.Set<Application>()
            .Where(a => a.RecruitmentId == recruitment.Id && a.Status == ApplicationStatus.Waitlisted && a.WaitlistPosition > position)
            .ToListAsync(ct);
        behind.ForEach(a => a.MoveUpWaitingList());
        recruitment.Count(0, -1);
    }
}
