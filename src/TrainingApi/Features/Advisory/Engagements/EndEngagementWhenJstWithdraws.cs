using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Persistence;
using TrainingApi.Features.PilotEnrollment.Applications;

namespace TrainingApi.Features.Advisory.Engagements;

/// <summary>
/// A JST that leaves the pilot needs no more advisory support: its open engagement in that pilot closes (reason
/// <c>jst-withdrew</c>) in the withdrawal's own transaction, so the advisor's capacity is free at once. The work done
/// (diagnoses, plan, sessions, hours) stays readable.
/// </summary>
public sealed class EndEngagementWhenJstWithdraws(TrainingDb db, TimeProvider clock) : INotificationHandler<PilotPlaceLeftNotice>
{
    public async ValueTask Handle(PilotPlaceLeftNotice notice, CancellationToken ct)
    {
        var id = await db.Set<Engagement>().AsNoTracking()
            .Where(e => e.RecruitmentId == notice.RecruitmentId && e.JstTeryt == notice.JstTeryt && e.Stage != EngagementStage.Closed)
            .Select(e => (Guid?)e.Id).FirstOrDefaultAsync(ct);
        if (id is null)
        {
            return;
        }

        // Locked like every change to an engagement, so a session being logged at this moment is either in or refused.
        var engagement = await db.FindLockedAsync<Engagement>(id.Value, RowLock.Update, tracked: true, ct);
        if (engagement is { IsClosed: false })
        {
            engagement.EndBecauseJstWithdrew(clock.UtcNowForDatabase());
        }
    }
}
