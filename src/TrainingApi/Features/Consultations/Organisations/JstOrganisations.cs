using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security;

namespace TrainingApi.Features.Consultations.Organisations;

/// <summary>
/// A JST that comments as itself is an organisation of kind `jst`. The first time its coordinator comments it is
/// registered from the JST register, under a per-JST advisory lock so that two first comments make one organisation.
/// </summary>
public static class JstOrganisations
{
    public static async Task<Guid> EnsureAsync(TrainingDb db, JstUnit jst, DateTimeOffset now, CancellationToken ct)
    {
        var codes = new[] { jst.Teryt, jst.CanonicalTeryt }.Distinct().ToList();
        await db.AdvisoryLockAsync(ConsultationsModule.JstOrganisationLock(jst.CanonicalTeryt), ct);
        var existing = await db.Set<Organisation>().Where(o => o.Teryt != null && codes.Contains(o.Teryt)).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct);
        if (existing is { } id)
        {
            return id;
        }

        var organisation = new Organisation(Guid.CreateVersion7(now), $"{jst.Name} (TERYT {jst.CanonicalTeryt})", null, OrganisationKind.Jst,
            jst.CanonicalTeryt, isProjectPartner: false, now);
        db.Add(organisation);
        await db.SaveChangesAsync(ct);
        return organisation.Id;
    }
}
