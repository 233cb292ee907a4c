using TrainingApi.Common.Events;

namespace TrainingApi.Features.SelfAssessment.Rounds;

/// <param name="RoundId">The round that closed.</param>
/// <param name="Teryt">The JST's canonical TERYT code.</param>
/// <param name="FrameworkVersion">The maturity framework version it was answered against.</param>
/// <param name="Respondents">How many respondents submitted.</param>
/// <param name="ResultsShown">Whether it had enough respondents (at least three) to show results.</param>
/// <param name="ClosedAtDeadline">Whether its deadline closed it, rather than its starter.</param>
public sealed record SelfAssessmentClosed(Guid RoundId, string Teryt, string FrameworkVersion, int Respondents, bool ResultsShown, bool ClosedAtDeadline)
    : IIntegrationEvent
{
    public static string EventType => "self-assessment.closed";
    public static int Version => 1;
    public static string Description => "A JST's self-assessment round closed. Carries the JST and the round, never answers or scores: read the round for its results.";
}
