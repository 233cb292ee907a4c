using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Persistence;

namespace TrainingApi.Features.PilotEnrollment.Applications;

/// <param name="Participants">Officials named on the application (what "officials trained" counts once the JST completed).</param>
public sealed record PilotPlace(string JstTeryt, DateTimeOffset? AcceptedAt, DateTimeOffset? ConfirmedAt, DateTimeOffset? CompletedAt, int Participants);

/// <summary>
/// The enrollment slice's public read for the indicator report: each application that ever took a place, with when it
/// was accepted, confirmed and completed, so counts can be made as of any date without reading enrollment tables.
/// </summary>
public sealed class PilotReach(TrainingDb db)
{
    public async Task<IReadOnlyList<PilotPlace>> PlacesAsync(CancellationToken ct) =>
        await db.Set<Application>().AsNoTracking().Where(a => a.AcceptedAt != null)
            .Select(a => new PilotPlace(a.JstTeryt, a.AcceptedAt, a.ConfirmedAt, a.CompletedAt, a.Participants.Count)).ToListAsync(ct);
}
