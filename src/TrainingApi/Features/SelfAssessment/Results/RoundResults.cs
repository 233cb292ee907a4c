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
    /// The same method as an advisor's diagnosis (<see cref="MaturityScoring"/>), over the submitted answers, leaving out
    /// whatever would show fewer than <see cref="MinimumRespondents"/> people, directly or by subtracting one published
    /// figure from another: an area scored by fewer is left out of the overall score too (else the overall would give it
    /// away), and a role's score is shown only when the respondents it leaves outside number none or at least the minimum
    /// (else the whole minus the role would be those few people).
    /// </summary>
    public static RoundResults Compute(MaturityFramework framework, IReadOnlyList<(RespondentRole Role, IReadOnlyDictionary<string, int?> Answers)> submissions)
    {
        if (submissions.Count < MinimumRespondents)
        {
            return new RoundResults(submissions.Count, false, null, [], []);
        }

        var all = Score(framework, submissions, []);
        var hidden = all.Areas.Where(a => a.Respondents < MinimumRespondents).Select(a => a.Area).ToHashSet();
        var shown = Score(framework, submissions, hidden);
        var areas = all.Areas.Select(a => hidden.Contains(a.Area)
            ? new RoundAreaResult(a.Area, null, a.Respondents, null)
            : new RoundAreaResult(a.Area, a.Score, a.Respondents, a.StandardDeviation)).ToList();
        return new RoundResults(submissions.Count, true, shown.Overall, areas, RolesOf(framework, submissions, all, hidden));
    }

    private static List<RoleResult> RolesOf(MaturityFramework framework, IReadOnlyList<(RespondentRole Role, IReadOnlyDictionary<string, int?> Answers)> submissions,
        DiagnosisScores all, HashSet<string> hiddenForAll)
    {
        var candidates = submissions.GroupBy(s => s.Role).Where(g => g.Count() >= MinimumRespondents).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).ToList();
        var outside = submissions.Count - candidates.Sum(g => g.Count());
        if (outside is > 0 and < MinimumRespondents && candidates.Count > 0)
        {
            candidates.RemoveAt(candidates.Count - 1);
        }

        if (candidates.Count == 0)
        {
            return [];
        }

        var byRole = candidates.ToDictionary(g => g.Key, g => Score(framework, [.. g], hiddenForAll));
        var hiddenForRole = candidates.ToDictionary(g => g.Key, _ => new HashSet<string>(hiddenForAll));
        foreach (var area in all.Areas.Where(a => !hiddenForAll.Contains(a.Area)))
        {
            var scorers = candidates.ToDictionary(g => g.Key, g => byRole[g.Key].Areas.Single(x => x.Area == area.Area).Respondents);
            var showing = scorers.Where(r => r.Value >= MinimumRespondents).Select(r => r.Key).ToList();
            while (showing.Count > 0 && area.Respondents - showing.Sum(r => scorers[r]) is > 0 and < MinimumRespondents)
            {
                showing.Remove(showing.OrderBy(r => scorers[r]).ThenByDescending(r => r).First());
            }

            foreach (var role in candidates.Select(g => g.Key).Where(r => !showing.Contains(r)))
            {
                hiddenForRole[role].Add(area.Area);
            }
        }

        return [.. candidates.OrderBy(g => g.Key).Select(g =>
        {
            var scored = Score(framework, [.. g], hiddenForRole[g.Key]);
            return new RoleResult(QueryEnum.Name(g.Key), g.Count(), scored.Overall,
                [.. scored.Areas.Select(a => new RoleAreaResult(a.Area, hiddenForRole[g.Key].Contains(a.Area) ? null : a.Score))]);
        })];
    }

    /// <summary>The diagnosis scoring over the answers, with the statements of the given areas taken out (as if answered n/a).</summary>
    private static DiagnosisScores Score(MaturityFramework framework, IReadOnlyList<(RespondentRole Role, IReadOnlyDictionary<string, int?> Answers)> submissions,
        HashSet<string> leftOut)
    {
        var excluded = framework.Areas.Where(a => leftOut.Contains(a.Code)).SelectMany(a => a.Statements).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        return MaturityScoring.Score(framework, [.. submissions.Select(s => new RespondentAnswers(QueryEnum.Name(s.Role), null,
            excluded.Count == 0 ? s.Answers : s.Answers.Where(a => !excluded.Contains(a.Key)).ToDictionary(a => a.Key, a => a.Value)))]);
    }
}
