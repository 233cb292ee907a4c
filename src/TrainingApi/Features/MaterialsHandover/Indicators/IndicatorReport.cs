using TrainingApi.Features.SelfAssessment.Results;

namespace TrainingApi.Features.MaterialsHandover.Indicators;

/// <summary>The programme's targets (docs/materials-handover.md): 50 JST and about 150 officials in the pilot; at least 300 JST reached in the 2025–2028 calls.</summary>
public static class ProgrammeTargets
{
    public const int PilotJst = 50;
    public const int PilotOfficials = 150;
    public const int JstReached = 300;
    public const int ReachFromYear = 2025;
    public const int ReachToYear = 2028;
}

public enum IndicatorFormat
{
    Json,
    Csv,
    Xlsx,
}

/// <param name="Code">Stable key, e.g. `jst-reached`.</param>
/// <param name="Name">Polish name, as in the project's documents.</param>
/// <param name="Target">The programme's target; null when it sets none.</param>
/// <param name="Progress">Actual as a percentage of the target (one decimal; may pass 100); null without a target.</param>
public sealed record Indicator(string Code, string Name, int? Target, int Actual, decimal? Progress);

/// <summary>The actuals of one voivodeship or one kind of JST.</summary>
public sealed record IndicatorBreakdown(
    string Key, string Name, int Recruited, int Confirmed, int Completed, int OfficialsTrained, int AdvisoryImproved, int JstReached);

/// <summary>A count of JST adopting the materials in one competitive call.</summary>
public sealed record CallReach(string Call, int Jst);

/// <param name="AsOf">The day counted to (inclusive, Europe/Warsaw).</param>
/// <param name="CountedTo">The instant that day ends (UTC); everything recorded before it counts.</param>
/// <param name="SelfAssessment">Self-assessed digital maturity by voivodeship × kind of JST: JST counted by their latest closed round that
/// showed results, with the median scores; only cells of at least five JST, and no totals by voivodeship or kind.</param>
public sealed record IndicatorReport(
    DateOnly AsOf, DateTimeOffset CountedTo, IReadOnlyList<Indicator> Indicators, IReadOnlyList<IndicatorBreakdown> ByVoivodeship,
    IReadOnlyList<IndicatorBreakdown> ByKind, IReadOnlyList<CallReach> ReachByCall, SelfAssessmentSummary SelfAssessment)
{
    public static readonly IndicatorReport Example = new(new DateOnly(2026, 6, 30), new DateTimeOffset(2026, 6, 30, 22, 0, 0, TimeSpan.Zero),
    [
        new("pilot-jst-recruited", "JST zrekrutowane do pilotażu", 50, 50, 100.0m),
        new("pilot-jst-confirmed", "JST, które potwierdziły udział", 50, 48, 96.0m),
        new("pilot-jst-completed", "JST, które ukończyły pilotaż", 50, 46, 92.0m),
        new("officials-trained", "Przeszkoleni pracownicy JST", 150, 131, 87.3m),
        new("advisory-closed-improved", "Zakończone doradztwo z poprawą dojrzałości cyfrowej", null, 39, null),
        new("jst-reached", "JST korzystające z materiałów w latach 2025–2028", 300, 212, 70.7m),
    ],
    [new("10", "ŁÓDZKIE", 4, 4, 4, 11, 3, 17)], [new("gmina-wiejska", "gmina-wiejska", 20, 19, 18, 50, 15, 96)],
    [new("Konkurs MEN 2025 — zarządzanie cyfryzacją szkół", 212)], SelfAssessmentSummary.Example);
}
