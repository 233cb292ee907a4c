using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Persistence;
using TrainingApi.Features.Advisory.Diagnoses;
using TrainingApi.Features.Advisory.Engagements;
using TrainingApi.Features.Advisory.Maturity;
using TrainingApi.Features.Advisory.Plans;
using TrainingApi.Features.Advisory.Sessions;

namespace TrainingApi.Features.Advisory.Reports;

public sealed class EngagementReportBuilder(TrainingDb db, TimeProvider clock)
{
    public async Task<EngagementReport> ForEngagementAsync(Engagement engagement, CancellationToken ct)
    {
        var diagnoses = await db.Set<Diagnosis>().AsNoTracking().Where(d => d.EngagementId == engagement.Id).OrderBy(d => d.RecordedAt).ToListAsync(ct);
        var comparison = (await DiagnosisComparison.ForAsync(db, [engagement.Id], ct)).GetValueOrDefault(engagement.Id);
        var plan = await GetPlan.ReadAsync(db, engagement.Id, PlanDates.Today(clock), ct);
        var actions = plan.Goals.SelectMany(g => g.Actions).ToList();
        var sessions = await db.Set<AdvisorySession>().AsNoTracking().Where(s => s.EngagementId == engagement.Id).Select(s => new { s.HeldOn, s.Hours }).ToListAsync(ct);
        return new EngagementReport(
            await AdvisorNames.ViewAsync(db, engagement, ct),
            [.. diagnoses.Select(d => (d, d.Scores)).Select(x => new DiagnosisSummary(x.d.Id, x.d.Kind, x.d.ConductedOn, x.Scores.Respondents.Count, x.Scores.Areas, x.Scores.Overall))],
            comparison,
            new PlanProgress(plan.Goals.Count, actions.Count, actions.Count(a => a.Status == ActionStatus.Planned), actions.Count(a => a.Status == ActionStatus.InProgress),
                actions.Count(a => a.Status == ActionStatus.Done), actions.Count(a => a.Status == ActionStatus.Cancelled), plan.Overdue),
            new SessionTotals(sessions.Count, sessions.Sum(s => s.Hours), sessions.Count == 0 ? null : sessions.Min(s => s.HeldOn), sessions.Count == 0 ? null : sessions.Max(s => s.HeldOn)),
            new HoursSummary(engagement.HoursBudget, engagement.ExtraHoursApproved, engagement.HoursUsed, engagement.HoursAvailable));
    }

    /// <summary>Mean change per area over the engagements that have both diagnoses; hours and stages over all.</summary>
    public async Task<PilotAdvisoryReport> ForPilotAsync(Guid recruitmentId, CancellationToken ct)
    {
        var engagements = await db.Set<Engagement>().AsNoTracking().Where(e => e.RecruitmentId == recruitmentId).ToListAsync(ct);
        var comparisons = await DiagnosisComparison.ForAsync(db, [.. engagements.Select(e => e.Id)], ct);
        var areas = MaturityFramework.Current.Areas.Select(a =>
        {
            var changes = comparisons.Values.Select(c => c.Areas.FirstOrDefault(x => x.Area == a.Code)).Where(x => x?.Change is not null).Select(x => x!).ToList();
            return new AreaMeanChange(a.Code, a.Name, changes.Count, Mean(changes.Select(c => c.Initial!.Value)), Mean(changes.Select(c => c.Closing!.Value)),
                Mean(changes.Select(c => c.Change!.Value)));
        }).ToList();
        var budget = engagements.Sum(e => e.HoursBudget);
        var extra = engagements.Sum(e => e.ExtraHoursApproved);
        var used = engagements.Sum(e => e.HoursUsed);
        return new PilotAdvisoryReport(recruitmentId, engagements.Count,
            [.. Enum.GetValues<EngagementStage>().Select(s => new StageCount(s, engagements.Count(e => e.Stage == s)))],
            new HoursSummary(budget, extra, used, budget + extra - used), comparisons.Count, areas,
            Mean(comparisons.Values.Select(c => c.OverallChange).OfType<decimal>()));
    }

    private static decimal? Mean(IEnumerable<decimal> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? null : Math.Round(list.Average(), 2, MidpointRounding.AwayFromZero);
    }
}
