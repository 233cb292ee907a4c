using TrainingApi.Features.Advisory.Diagnoses;
using TrainingApi.Features.Advisory.Engagements;
using TrainingApi.Features.Advisory.Maturity;
using TrainingApi.Features.Advisory.Plans;

namespace TrainingApi.Features.Advisory.Reports;

public sealed record DiagnosisSummary(Guid Id, DiagnosisKind Kind, DateOnly ConductedOn, int Respondents, IReadOnlyList<JstAreaScore> Areas, decimal? Overall);

public sealed record PlanProgress(int Goals, int Actions, int Planned, int InProgress, int Done, int Cancelled, int Overdue);

public sealed record SessionTotals(int Sessions, decimal Hours, DateOnly? First, DateOnly? Last);

public sealed record HoursSummary(decimal Budget, decimal ExtraApproved, decimal Used, decimal Available);

/// <summary>One engagement at a glance: diagnoses, the change they show, plan progress, sessions and hours.</summary>
public sealed record EngagementReport(
    EngagementView Engagement, IReadOnlyList<DiagnosisSummary> Diagnoses, DiagnosisComparison? Comparison, PlanProgress Plan, SessionTotals Sessions,
    HoursSummary Hours)
{
    public static readonly EngagementReport Example = new(EngagementView.Example with { Stage = EngagementStage.Closed },
        [new(DiagnosisView.Example.Id, DiagnosisKind.Initial, DiagnosisView.Example.ConductedOn, 2, DiagnosisView.Example.Scores.Areas, DiagnosisView.Example.Scores.Overall)],
        new DiagnosisComparison(DiagnosisView.Example.Id, Guid.Parse("01936b30-3200-7000-8000-000000000002"),
            [new("strategia", "Strategia i przywództwo", 2.25m, 3.5m, 1.25m)], 2.6m, 3.4m, 0.8m),
        new PlanProgress(3, 8, 1, 2, 5, 0, 1), new SessionTotals(9, 31.5m, new DateOnly(2024, 6, 14), new DateOnly(2024, 12, 10)), new HoursSummary(40, 0, 31.5m, 8.5m));
}

public sealed record StageCount(EngagementStage Stage, int Engagements);

public sealed record AreaMeanChange(string Area, string Name, int Engagements, decimal? MeanInitial, decimal? MeanClosing, decimal? MeanChange);

/// <summary>The whole pilot's advisory: engagements per stage, hours against budget, mean change per maturity area.</summary>
public sealed record PilotAdvisoryReport(
    Guid RecruitmentId, int Engagements, IReadOnlyList<StageCount> ByStage, HoursSummary Hours, int EngagementsCompared,
    IReadOnlyList<AreaMeanChange> Areas, decimal? MeanOverallChange)
{
    public static readonly PilotAdvisoryReport Example = new(EngagementView.Example.RecruitmentId, 50,
        [new(EngagementStage.Diagnosis, 0), new(EngagementStage.Plan, 2), new(EngagementStage.Support, 10), new(EngagementStage.Closure, 8), new(EngagementStage.Closed, 30)],
        new HoursSummary(2000, 36, 1712.75m, 323.25m), 30,
        [.. MaturityFramework.Current.Areas.Take(2).Select((a, i) => new AreaMeanChange(a.Code, a.Name, 30, 2.41m + i, 3.12m + i, 0.71m))], 0.64m);
}
