using TrainingApi.Features.Advisory.Engagements;
using TrainingApi.Features.Advisory.Maturity;

namespace TrainingApi.Features.Advisory.Diagnoses;

public sealed record DiagnosisView(
    Guid Id, Guid EngagementId, DiagnosisKind Kind, string FrameworkVersion, DateOnly ConductedOn, IReadOnlyList<RespondentAnswers> Respondents,
    DiagnosisScores Scores, DateTimeOffset RecordedAt)
{
    public static DiagnosisView From(Diagnosis d) => new(d.Id, d.EngagementId, d.Kind, d.FrameworkVersion, d.ConductedOn, d.Respondents, d.Scores, d.RecordedAt);

    public static DiagnosisView Example { get; } = CreateExample();

    private static DiagnosisView CreateExample()
    {
        var framework = MaturityFramework.Current;
        RespondentAnswers Respondent(string role, string label, int shift) => new(role, label,
            framework.Statements.Select((s, i) => (s.Id, Value: i % 9 == 0 ? (int?)null : Math.Clamp(2 + (i + shift) % 3, 1, 5))).ToDictionary(x => x.Id, x => x.Value));
        IReadOnlyList<RespondentAnswers> respondents = [Respondent("education-department", "Wydział Edukacji", 0), Respondent("school-head", "SP nr 12", 1)];
        return new DiagnosisView(Guid.Parse("01936b30-3200-7000-8000-000000000001"), EngagementView.Example.Id, DiagnosisKind.Initial, framework.Version,
            new DateOnly(2024, 6, 14), respondents, MaturityScoring.Score(framework, respondents), new DateTimeOffset(2024, 6, 14, 12, 0, 0, TimeSpan.Zero));
    }
}
