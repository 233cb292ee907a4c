using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Localization;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;

namespace TrainingApi.Features.Advisory.Engagements;

/// <summary>Finding an engagement the caller may see (404 otherwise), and one the caller may change.</summary>
public static class EngagementLookup
{
    public static Task<Engagement> VisibleAsync(Access access, TrainingDb db, Guid id, CancellationToken ct) =>
        access.FindVisibleAsync(db.Set<Engagement>().AsNoTracking(), e => e.Id == id, AdvisoryModule.EngagementNoun, id, ct);

    /// <summary>
    /// For the team and the assigned advisor: the engagement, tracked and locked (FOR UPDATE) so that writes under it
    /// (hours, stage) are made one at a time. A coordinator may read it but not change it: 403. Access is checked before
    /// the lock, so a caller who may not change the engagement never holds it, and again under the lock, where the
    /// engagement is read afresh (a handover may have committed in between).
    /// </summary>
    public static async Task<Engagement> ForChangeAsync(Access access, TrainingDb db, Guid id, CancellationToken ct)
    {
        await VisibleAsync(access, db, id, ct);
        EnsureMayChange(access.Caller);
        await db.LockRowAsync<Engagement>(id, RowLock.Update, ct);
        return await access.FindVisibleAsync(db.Set<Engagement>(), e => e.Id == id, AdvisoryModule.EngagementNoun, id, ct);
    }

    public static void EnsureMayChange(Caller caller)
    {
        if (!caller.Is(Roles.ProgrammeTeam) && !caller.Is(Roles.Advisor))
        {
            throw Problem.Forbidden(new Text(
                "A coordinator reads its JST's engagement; only the actions assigned to the coordinator can be changed.",
                "Koordynator może przeglądać proces doradczy swojej JST; zmieniać może tylko przypisane mu działania."));
        }
    }
}
