namespace TrainingApi.Features.Advisory.Maturity;

/// <summary>One respondent's answers: statement id → 1–5, or null for "n/a" (nie dotyczy / nie wiem).</summary>
public sealed record RespondentAnswers(string Role, string? Label, IReadOnlyDictionary<string, int?> Answers);

/// <summary>An area's score: null when every answer in it was n/a.</summary>
public sealed record AreaScore(string Area, decimal? Score);

/// <summary>An area at JST level: the mean of the respondents' area scores, and how far they were apart.</summary>
public sealed record JstAreaScore(string Area, decimal? Score, int Respondents, decimal? Min, decimal? Max, decimal? StandardDeviation);

public sealed record RespondentScores(string Role, string? Label, IReadOnlyList<AreaScore> Areas, decimal? Overall);

public sealed record DiagnosisScores(IReadOnlyList<RespondentScores> Respondents, IReadOnlyList<JstAreaScore> Areas, decimal? Overall);

/// <summary>
/// The scoring method (docs/advisory.md): (1) a respondent's area score is the mean of their answers in that area,
/// n/a left out; an area with only n/a has no score. (2) The JST's area score is the mean of the respondents' area
/// scores (each respondent counts once, however many statements they answered), with the minimum, maximum and
/// population standard deviation across them. (3) The overall score is the mean of the JST's area scores that
/// exist (each area weighs the same). Scores are rounded to two decimals only at the end of each step's output.
/// </summary>
public static class MaturityScoring
{
    public static DiagnosisScores Score(MaturityFramework framework, IReadOnlyList<RespondentAnswers> respondents)
    {
        var perRespondent = respondents.Select(r =>
        {
            var areas = framework.Areas.Select(a => new AreaScore(a.Code, Mean(a.Statements.Select(s => r.Answers.GetValueOrDefault(s.Id)).OfType<int>().Select(v => (decimal)v)))).ToList();
            return (Respondent: r, Areas: areas);
        }).ToList();

        var jst = framework.Areas.Select(a =>
        {
            var scores = perRespondent.Select(r => r.Areas.Single(x => x.Area == a.Code).Score).OfType<decimal>().ToList();
            var mean = Mean(scores);
            var spread = mean is { } m ? (decimal)Math.Sqrt((double)scores.Average(s => (s - m) * (s - m))) : (decimal?)null;
            return (Mean: mean, View: new JstAreaScore(a.Code, Round(mean), scores.Count, scores.Count == 0 ? null : Round(scores.Min()),
                scores.Count == 0 ? null : Round(scores.Max()), Round(spread)));
        }).ToList();

        var overall = Mean(jst.Select(a => a.Mean).OfType<decimal>());
        return new DiagnosisScores(
            [.. perRespondent.Select(r => new RespondentScores(r.Respondent.Role, r.Respondent.Label,
                [.. r.Areas.Select(a => a with { Score = Round(a.Score) })], Round(Mean(r.Areas.Select(a => a.Score).OfType<decimal>()))))],
            [.. jst.Select(a => a.View)], Round(overall));
    }

    private static decimal? Mean(IEnumerable<decimal> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? null : list.Sum() / list.Count;
    }

    private static decimal? Round(decimal? value) => value is { } v ? Math.Round(v, 2, MidpointRounding.AwayFromZero) : null;
}
