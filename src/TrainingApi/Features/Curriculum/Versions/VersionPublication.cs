using System.Linq.Expressions;

namespace TrainingApi.Features.Curriculum.Versions;

/// <summary>
/// Whether a version was ever published beyond its authors: it went out for consultation or later (an update goes straight
/// to tested). Once published it stays public when superseded; a draft set aside before that never was, whatever its
/// status says now, so the workflow history decides. The one rule every read of versions applies to those who see only
/// what is public.
/// </summary>
public static class VersionPublication
{
    private static readonly VersionStatus[] Public = [VersionStatus.InConsultation, VersionStatus.Revised, VersionStatus.InPilot, VersionStatus.Tested];

    /// <param name="transitions">The versions' workflow history, composed into the same SQL.</param>
    public static Expression<Func<ProgrammeVersion, bool>> WasPublished(IQueryable<VersionTransition> transitions) =>
        v => Public.Contains(v.Status) || transitions.Any(t => t.VersionId == v.Id && Public.Contains(t.To));
}
