using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Persistence;
using TrainingApi.Features.PilotEnrollment.Recruitments;

namespace TrainingApi.Features.PilotEnrollment.Applications;

/// <summary>
/// The enrollment slice's public read for other slices (advisory engagements are for JST in the pilot): whether a
/// recruitment exists and whether a JST took a place in it.
/// </summary>
public sealed class PilotParticipation(TrainingDb db)
{
    private static readonly ApplicationStatus[] InPilot = [ApplicationStatus.Accepted, ApplicationStatus.Confirmed, ApplicationStatus.Completed];

    public Task<bool> RecruitmentExistsAsync(Guid recruitmentId, CancellationToken ct) =>
        db.Set<Recruitment>().AnyAsync(r => r.Id == recruitmentId, ct);

    /// <param name="canonicalTeryt">The JST's canonical code (see JstRegister.Canonical).</param>
    public Task<bool> IsInPilotAsync(Guid recruitmentId, string canonicalTeryt, CancellationToken ct) =>
        db.Set<Application>().AnyAsync(a => a.RecruitmentId == recruitmentId && a.JstTeryt == canonicalTeryt && InPilot.Contains(a.Status), ct);

    /// <summary>The JST with a place, per recruitment, in the order they were accepted.</summary>
    public async Task<Dictionary<Guid, List<string>>> JstInPilotsAsync(CancellationToken ct) =>
        (await db.Set<Application>().AsNoTracking().Where(a => InPilot.Contains(a.Status)).OrderBy(a => a.SubmittedAt)
            .Select(a => new { a.RecruitmentId, a.JstTeryt }).ToListAsync(ct))
        .GroupBy(a => a.RecruitmentId).ToDictionary(g => g.Key, g => g.Select(a => a.JstTeryt).ToList());
}
