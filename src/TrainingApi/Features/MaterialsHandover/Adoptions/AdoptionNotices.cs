using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Events;
using TrainingApi.Common.Persistence;
using TrainingApi.Features.Curriculum.LegalActs;
using TrainingApi.Features.MaterialsHandover.Releases;

namespace TrainingApi.Features.MaterialsHandover.Adoptions;

/// <summary>Tells the JST that use a release when it is affected: superseded by a newer one, or a legal act it cites amended.</summary>
public static class AdoptionNotices
{
    public static async Task AnnounceAsync(TrainingDb db, EventOutbox events, Release release, string reason, string detail, CancellationToken ct)
    {
        var adopters = await db.Set<Adoption>().AsNoTracking().Where(a => a.ReleaseId == release.Id).OrderBy(a => a.JstTeryt)
            .Select(a => new { a.Id, a.JstTeryt, a.Call }).ToListAsync(ct);
        if (adopters.Count > 0)
        {
            // The contact stays here (personal data): the event refers to the adoption, where the team reads it.
            events.Publish(new AdoptedReleaseAffected(release.Id, release.SemanticVersion, reason, detail, [.. adopters.Select(a => a.JstTeryt)],
                [.. adopters.Select(a => new AdopterReference(a.Id, a.JstTeryt, a.Call, $"/api/v1/adoptions/{a.Id}"))]));
        }
    }

    /// <summary>Runs inside the amendment's transaction (Curriculum publishes the notice, not knowing this slice).</summary>
    public sealed class LegalActAmendedHandler(TrainingDb db, EventOutbox events) : INotificationHandler<LegalActAmendedNotice>
    {
        public async ValueTask Handle(LegalActAmendedNotice notice, CancellationToken ct)
        {
            var releases = await db.Set<Release>().AsNoTracking()
                .Where(r => r.Status != ReleaseStatus.Draft && r.CitedLegalActs.Contains(notice.LegalActId)).ToListAsync(ct);
            foreach (var release in releases)
            {
                await AnnounceAsync(db, events, release, "legal-act-amended", $"{notice.Citation} zmieniony {notice.AmendedOn:yyyy-MM-dd}", ct);
            }
        }
    }
}
