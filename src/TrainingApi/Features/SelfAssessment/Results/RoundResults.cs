using TrainingApi.Common.Http;
using TrainingApi.Features.Advisory.Diagnoses;
using TrainingApi.Features.Advisory.Maturity;

namespace TrainingApi.Features.SelfAssessment.Results;

/// <param name="Area">The framework's area code.</param>
/// <param name="Score">The JST's score in the area (the mean over respondents of their area means), or null when fewer than
/// three respondents scored the area (the rest answered n/a): then it would show one or two people's answers.</param>
/// <param name="Respondents">How many respondents scored the area (n/a left out).</param>
/// <param name="StandardDeviation">How far the respondents' area scores were apart (population standard deviation), or null with the score.</param>
public sealed record RoundAreaResult(string Area, decimal? Score, int Respondents, decimal? StandardDeviation);

/// <param name="Area">The framework's area code.</param>
/// <param name="Score">The role's score in the area, or null when fewer than three of the role scored it.</param>
public sealed record RoleAreaResult(string Area, decimal? Score);

/// <param name="Role">The respondents' role.</param>
/// <param name="Respondents">How many of the role submitted (always at least three: smaller roles are not shown).</param>
/// <param name="Overall">The role's overall score.</param>
/// <param name="Areas">The role's area scores, in framework order.</param>
public sealed record RoleResult(string Role, int Respondents, decimal? Overall, IReadOnlyList<RoleAreaResult> Areas);

/// <param name="Respondents">How many respondents submitted.</param>
/// <param name="Shown">Whether the results show: only when at least three respondents submitted.</param>
/// <param name="Overall">The overall score (the mean of the area scores), or null when not shown.</param>
/// <param name="Areas">Area scores in framework order; empty when not shown.</param>
/// <param name="Roles">Scores by role, for the roles with at least three respondents; empty when not shown.</param>
public sealed record RoundResults(int Respondents, bool Shown, decimal? Overall, IReadOnlyList<RoundAreaResult> Areas, IReadOnlyList<RoleResult> Roles)
{
    /// <summary>Fewer respondents, and an aggregate would come close to one person's answers.</summary>
    public const int MinimumRespondents = 3;

    /// <summary>
    /// The same method as an advisor's diagnosis (<see cref="MaturityScoring"/>), over the submitted answers; what it would
    /// reveal of fewer than <see cref="MinimumRespondents"/> people is left out.
    /// </summary>
    public static RoundResults Compute(MaturityFramework framework, IReadOnlyList<(RespondentRole Role, IReadOnlyDictionary<string, int?> Answers)> submissions)
    {
        if (submissions.Count < MinimumRespondents)
        {
            return new RoundResults(submissions.Count, false, null, [], []);
        }

        var all = MaturityScoring.Score(framework, [.. submissions.Select(s => new RespondentAnswers(QueryEnum.Name(s.Role), null, s.Answers))]);
        var areas = all.Areas.Select(a => a.Respondents >= MinimumRespondents
            ? new RoundAreaResult(a.Area, a.Score, a.Respondents, a.StandardDeviation)
            : new RoundAreaResult(a.Area, null, a.Respondents, null)).ToList();

        var roles = submissions.GroupBy(s => s.Role).Where(g => g.Count() >= MinimumRespondents).OrderBy(g => g.Key).Select(g =>
        {
            var scored = MaturityScoring.Score(framework, [.. g.Select(s => new RespondentAnswers(QueryEnum.Name(s.Role), null, s.Answers))]);
            return new RoleResult(QueryEnum.Name(g.Key), g.Count(), scored.Overall,
                [.. scored.Areas.Select(a => new RoleAreaResult(a.Area, a.Respondents >= MinimumRespondents ? a.Score : null))]);
        }).ToList();

        return new RoundResults(submissions.Count, true, all.Overall, areas, roles);
    }
}
