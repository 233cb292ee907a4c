using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Persistence;
using TrainingApi.Features.Advisory.Maturity;
using TrainingApi.Features.PilotEnrollment.Register;

namespace TrainingApi.Features.SelfAssessment.Results;

/// <param name="Area">The framework's area code, or <c>overall</c>.</param>
/// <param name="Median">The median of the cell's JST scores in the area (linear interpolation), or null when fewer than the minimum number of them have one.</param>
public sealed record SelfAssessmentMedian(string Area, decimal? Median);

/// <param name="FrameworkVersion">The framework version the cell's JST were assessed against (scores of different versions never mix).</param>
/// <param name="VoivodeshipCode">The voivodeship's TERYT code.</param>
/// <param name="Voivodeship">The voivodeship's name.</param>
/// <param name="Kind">The kind of JST.</param>
/// <param name="Jst">How many JST of the cell self-assessed (always at least the minimum: smaller cells are left out).</param>
/// <param name="Overall">The median overall score.</param>
/// <param name="Areas">The median of each area, in framework order.</param>
public sealed record SelfAssessmentCell(
    string FrameworkVersion, string VoivodeshipCode, string Voivodeship, JstKind Kind, int Jst, decimal? Overall, IReadOnlyList<SelfAssessmentMedian> Areas);

/// <param name="MinimumJst">A cell (and an area within it) needs at least this many JST to be published.</param>
/// <param name="JstSelfAssessed">How many JST in all have a closed round that showed results (each counted once, by its latest).</param>
/// <param name="SuppressedCells">How many non-empty cells were left out because they hold fewer than <c>minimumJst</c> JST.</param>
/// <param name="Cells">The published cells by framework version, voivodeship and kind; no totals by voivodeship or kind.</param>
public sealed record SelfAssessmentSummary(int MinimumJst, int JstSelfAssessed, int SuppressedCells, IReadOnlyList<SelfAssessmentCell> Cells)
{
    public static readonly SelfAssessmentSummary Example = new(SelfAssessmentAggregates.MinimumJst, 57, 9,
        [new("2024.1", "10", "ŁÓDZKIE", JstKind.GminaWiejska, 12, 2.71m, [new("strategia", 2.88m), new("infrastruktura", 3.1m)])]);
}

/// <summary>
/// The public read of self-assessment results for the programme's indicator report: by voivodeship × kind of JST, how many JST
/// self-assessed and the median of each area and overall, each JST counted by its latest closed round that showed results as of a
/// time. Only cells of at least <see cref="MinimumJst"/> JST are published, and no voivodeship or kind totals: with them, a left-out
/// cell could be worked out by subtraction. Medians only, never means or sums, which a second publication could difference.
/// </summary>
public sealed class SelfAssessmentAggregates(TrainingDb db, JstClassification register)
{
    /// <summary>The same threshold as the peer benchmark's: no published number stands on fewer JST.</summary>
    public const int MinimumJst = PeerBenchmark.MinimumPeers;

    private sealed record CellArea(string FrameworkVersion, string VoivodeshipCode, string JstKind, int Jst, string Area, int Scored, double? Median);

    /// <summary>
    /// As of <paramref name="countedTo"/> (exclusive, like the indicator report's other counts): from the rounds and the results kept
    /// with them rather than the current scores, so that a past day counts what was current then.
    /// </summary>
    public async Task<SelfAssessmentSummary> AsOfAsync(DateTimeOffset countedTo, CancellationToken ct)
    {
        // The latest shown round per JST is what RoundClosing makes current; one row per cell and area (overall included), with the
        // cell's JST count and the median of the scores present (percentile_cont leaves out the nulls of areas without a score).
        var rows = await db.Database.SqlQuery<CellArea>($"""
            WITH latest AS (
                SELECT DISTINCT ON (teryt) teryt, jst_kind, voivodeship_code, framework_version, results_json
                FROM self_assessment.rounds
                WHERE status = 'Closed' AND closed_at < {countedTo} AND results_json IS NOT NULL AND (results_json ->> 'shown')::boolean
                ORDER BY teryt, closed_at DESC, id DESC
            ), cells AS (
                SELECT framework_version, voivodeship_code, jst_kind, count(*)::int AS jst
                FROM latest GROUP BY framework_version, voivodeship_code, jst_kind
            ), scores AS (
                SELECT l.framework_version, l.voivodeship_code, l.jst_kind, a.value ->> 'area' AS area, (a.value ->> 'score')::float8 AS score
                FROM latest l CROSS JOIN LATERAL jsonb_array_elements(l.results_json -> 'areas') AS a(value)
                UNION ALL
                SELECT framework_version, voivodeship_code, jst_kind, 'overall', (results_json ->> 'overall')::float8 FROM latest
            )
            SELECT c.framework_version, c.voivodeship_code, c.jst_kind, c.jst, s.area, count(s.score)::int AS scored,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY s.score) AS median
            FROM cells c JOIN scores s ON s.framework_version = c.framework_version AND s.voivodeship_code = c.voivodeship_code AND s.jst_kind = c.jst_kind
            GROUP BY c.framework_version, c.voivodeship_code, c.jst_kind, c.jst, s.area
            """).ToListAsync(ct);

        var cells = rows.GroupBy(r => (r.FrameworkVersion, r.VoivodeshipCode, r.JstKind, r.Jst)).ToList();
        var published = cells.Where(c => c.Key.Jst >= MinimumJst)
            .Select(c =>
            {
                var medians = c.ToDictionary(r => r.Area, r => r.Scored >= MinimumJst && r.Median is { } m ? Math.Round((decimal)m, 2, MidpointRounding.AwayFromZero) : (decimal?)null);
                var framework = MaturityFramework.Find(c.Key.FrameworkVersion) ?? MaturityFramework.Current;
                return new SelfAssessmentCell(c.Key.FrameworkVersion, c.Key.VoivodeshipCode,
                    register.Voivodeships.GetValueOrDefault(c.Key.VoivodeshipCode, c.Key.VoivodeshipCode), Enum.Parse<JstKind>(c.Key.JstKind), c.Key.Jst,
                    medians.GetValueOrDefault(CurrentScore.Overall), [.. framework.Areas.Select(a => new SelfAssessmentMedian(a.Code, medians.GetValueOrDefault(a.Code)))]);
            })
            .OrderBy(c => c.FrameworkVersion, StringComparer.Ordinal).ThenBy(c => c.VoivodeshipCode, StringComparer.Ordinal).ThenBy(c => c.Kind)
            .ToList();
        return new SelfAssessmentSummary(MinimumJst, cells.Sum(c => c.Key.Jst), cells.Count(c => c.Key.Jst < MinimumJst), published);
    }
}
