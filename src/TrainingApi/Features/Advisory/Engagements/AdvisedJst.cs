using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security;
using TrainingApi.Features.Advisory.Advisors;
using TrainingApi.Features.Advisory.Diagnoses;

namespace TrainingApi.Features.Advisory.Engagements;

/// <summary>A diagnosis of a JST's maturity as another slice may read it: its scores as recorded (never its respondents).</summary>
public sealed record JstDiagnosis(Guid Id, DiagnosisKind Kind, string FrameworkVersion, DateOnly ConductedOn, DateTimeOffset RecordedAt, string ScoresJson);

/// <summary>
/// The Advisory slice's public read of "which JST an advisor advises and what their diagnoses found" (SelfAssessment shows
/// an advisor its JST's rounds and puts diagnoses beside self-assessments), so no other slice queries advisory tables.
/// </summary>
public sealed class AdvisedJst(TrainingDb db, Access access)
{
    /// <summary>The JST the advisor with this subject has (or had) an engagement with, as a query to compose into another.</summary>
    public IQueryable<string> Of(string subject)
    {
        var advisors = db.Set<Advisor>();
        return db.Set<Engagement>().Where(e => advisors.Any(a => a.Id == e.AdvisorId && a.Subject == subject)).Select(e => e.JstTeryt);
    }

    /// <summary>Diagnoses of the JST's engagements the caller may see: an advisor those it holds, a coordinator its JST's, the team all.</summary>
    public async Task<IReadOnlyList<JstDiagnosis>> VisibleDiagnosesAsync(string teryt, CancellationToken ct)
    {
        var engagements = access.Visible(db.Set<Engagement>()).Where(e => e.JstTeryt == teryt).Select(e => e.Id);
        return await db.Set<Diagnosis>().AsNoTracking().Where(d => engagements.Contains(d.EngagementId))
            .Select(d => new JstDiagnosis(d.Id, d.Kind, d.FrameworkVersion, d.ConductedOn, d.RecordedAt, d.ScoresJson)).ToListAsync(ct);
    }
}
