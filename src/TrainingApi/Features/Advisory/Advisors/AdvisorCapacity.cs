using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Localization;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Features.Advisory.Engagements;

namespace TrainingApi.Features.Advisory.Advisors;

/// <summary>
/// An advisor who can take one more engagement: the advisor's row is locked (FOR UPDATE) until the transaction ends, so
/// the count of engagements that are not closed and the change that adds one are a single step for racing requests.
/// </summary>
public static class AdvisorCapacity
{
    public static async Task<Advisor> LockWithRoomAsync(TrainingDb db, Guid advisorId, CancellationToken ct)
    {
        var advisor = await db.FindLockedAsync<Advisor>(advisorId, RowLock.Update, tracked: false, ct)
                      ?? throw Problem.NotFound(AdvisoryModule.AdvisorNoun, advisorId);
        var active = await db.Set<Engagement>().CountAsync(e => e.AdvisorId == advisor.Id && e.Stage != EngagementStage.Closed, ct);
        return active < advisor.Capacity ? advisor : throw Problem.Conflict(new Text(
            $"{advisor.Name} already holds {active} engagements, their capacity; choose another advisor or close an engagement first.",
            $"{advisor.Name} prowadzi już {active} procesów doradczych, tyle, ile może; wybierz innego doradcę lub najpierw zakończ któryś proces."),
            "advisor-at-capacity");
    }
}
