using System.Text.Json;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Localization;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security;
using TrainingApi.Features.Advisory.Diagnoses;
using TrainingApi.Features.Advisory.Engagements;
using TrainingApi.Features.Advisory.Maturity;
using TrainingApi.Features.SelfAssessment.Rounds;

namespace TrainingApi.Features.SelfAssessment.Results;

/// <summary>What a maturity measurement of a JST was.</summary>
public enum MaturitySource
{
    /// <summary>A closed self-assessment round that showed results.</summary>
    SelfAssessment,

    /// <summary>An advisor's initial diagnosis in an engagement.</summary>
    DiagnosisInitial,

    /// <summary>An advisor's closing diagnosis in an engagement.</summary>
    DiagnosisClosing,
}

/// <param name="Area">The framework's area code.</param>
/// <param name="Score">The entry's score in the area, or null when it has none (all n/a, or fewer than three respondents in a round).</param>
/// <param name="Change">This round's score minus the entry's, when the entry is comparable and both have a score; otherwise null.</param>
public sealed record MaturityHistoryArea(string Area, decimal? Score, decimal? Change);

/// <param name="Date">The day measured: the day a round closed (Europe/Warsaw), the day a diagnosis was conducted.</param>
/// <param name="RecordedAt">When it was recorded: a round's closing, a diagnosis's recording; orders entries of one day.</param>
/// <param name="Source">A self-assessment round, or an advisor's initial or closing diagnosis.</param>
/// <param name="Id">The round's or the diagnosis's id.</param>
/// <param name="FrameworkVersion">The framework version it was scored against.</param>
/// <param name="ThisRound">Whether the entry is the round the history was asked through.</param>
/// <param name="Comparable">Whether its scores compare with this round's: the same framework version (both are scored by the same method).</param>
/// <param name="Overall">The entry's overall score.</param>
/// <param name="OverallChange">This round's overall score minus the entry's, when comparable and both exist.</param>
/// <param name="Areas">The entry's area scores and their change to this round, in framework order.</param>
public sealed record MaturityHistoryEntry(
    DateOnly Date, DateTimeOffset RecordedAt, MaturitySource Source, Guid Id, string FrameworkVersion, bool ThisRound, bool Comparable,
    decimal? Overall, decimal? OverallChange, IReadOnlyList<MaturityHistoryArea> Areas);

/// <param name="RoundId">The round the changes are measured to.</param>
/// <param name="Teryt">The JST's canonical TERYT code.</param>
/// <param name="Entries">The JST's closed rounds that showed results and the diagnoses the caller may see, oldest first.</param>
public sealed record MaturityHistory(Guid RoundId, string Teryt, IReadOnlyList<MaturityHistoryEntry> Entries)
{
    public static readonly MaturityHistory Example = new(BenchmarkView.Example.RoundId, "1001032",
    [
        new(new DateOnly(2024, 6, 14), new DateTimeOffset(2024, 6, 14, 12, 0, 0, TimeSpan.Zero), MaturitySource.DiagnosisInitial,
            Guid.Parse("01936b30-3200-7000-8000-000000000001"), "2024.1", false, true, 2.4m, 0.44m,
            [new("strategia", 2.5m, 0.75m), new("cyberbezpieczenstwo", null, null)]),
        new(new DateOnly(2026, 3, 31), BenchmarkView.Example.ClosedAt, MaturitySource.SelfAssessment, BenchmarkView.Example.RoundId, "2024.1", true, true,
            2.84m, 0m, [new("strategia", 3.25m, 0m), new("cyberbezpieczenstwo", null, null)]),
    ]);
}

public static class GetMaturityHistory
{
    public sealed record Query(Guid RoundId) : IQuery<MaturityHistory>;

    public sealed class Handler(TrainingDb db, Access access, AdvisedJst advised) : IQueryHandler<Query, MaturityHistory>
    {
        public async ValueTask<MaturityHistory> Handle(Query query, CancellationToken ct)
        {
            var round = await RoundLookup.FindAsync(access, db, query.RoundId, ct);
            var current = PeerBenchmark.ShownResults(round);
            var framework = MaturityFramework.Find(round.FrameworkVersion) ?? MaturityFramework.Current;
            var now = (round.FrameworkVersion, Overall: current.Overall, Areas: current.Areas.ToDictionary(a => a.Area, a => a.Score));

            var rounds = await db.Set<AssessmentRound>().AsNoTracking()
                .Where(r => r.Teryt == round.Teryt && r.Status == SelfAssessmentStatus.Closed && r.ResultsJson != null)
                .Select(r => new { r.Id, r.FrameworkVersion, r.ClosedAt, r.ResultsJson }).ToListAsync(ct);
            // Diagnoses of the engagements the caller may see: an advisor those it holds, a coordinator its JST's, the team all.
            var diagnoses = await advised.VisibleDiagnosesAsync(round.Teryt, ct);

            MaturityHistoryEntry Entry(DateOnly date, DateTimeOffset at, MaturitySource source, Guid id, string version, decimal? overall, IReadOnlyDictionary<string, decimal?> areas)
            {
                var comparable = version == now.FrameworkVersion;
                decimal? Change(decimal? then, decimal? later) => comparable && then is { } t && later is { } l ? l - t : null;
                var codes = (MaturityFramework.Find(version) ?? framework).Areas.Select(a => a.Code);
                return new MaturityHistoryEntry(date, at, source, id, version, id == round.Id, comparable, overall, Change(overall, now.Overall),
                    [.. codes.Select(c => new MaturityHistoryArea(c, areas.GetValueOrDefault(c), Change(areas.GetValueOrDefault(c), now.Areas.GetValueOrDefault(c))))]);
            }

            var entries = new List<MaturityHistoryEntry>();
            foreach (var r in rounds)
            {
                var results = JsonSerializer.Deserialize<RoundResults>(r.ResultsJson!, Json)!;
                if (results.Shown)
                {
                    entries.Add(Entry(DateOnly.FromDateTime(WarsawTime.ToWarsaw(r.ClosedAt!.Value).DateTime), r.ClosedAt.Value, MaturitySource.SelfAssessment,
                        r.Id, r.FrameworkVersion, results.Overall, results.Areas.ToDictionary(a => a.Area, a => a.Score)));
                }
            }

            foreach (var d in diagnoses)
            {
                // Only the JST's scores leave: never a respondent's.
                var scores = JsonSerializer.Deserialize<DiagnosisScores>(d.ScoresJson, Json)!;
                entries.Add(Entry(d.ConductedOn, d.RecordedAt, d.Kind == DiagnosisKind.Initial ? MaturitySource.DiagnosisInitial : MaturitySource.DiagnosisClosing,
                    d.Id, d.FrameworkVersion, scores.Overall, scores.Areas.ToDictionary(a => a.Area, a => a.Score)));
            }

            return new MaturityHistory(round.Id, round.Teryt, [.. entries.OrderBy(e => e.Date).ThenBy(e => e.RecordedAt).ThenBy(e => e.Id)]);
        }

        private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    }

    public static void Map(RouteGroupBuilder rounds) =>
        rounds.MapGet("/{roundId:guid}/history", async (Guid roundId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Query(roundId), ct)))
            .WithName("GetSelfAssessmentHistory")
            .WithSummary("A JST's maturity over time: its self-assessments and advisory diagnoses, compared with this round")
            .WithDescription("The JST's closed rounds that showed results and the advisory diagnoses of its engagements that the caller may see " +
                             "(an advisor its own engagements', a coordinator its JST's), oldest first, each with its date, source, framework version, " +
                             "overall and area scores. Diagnoses are scored by the same method, so an entry of the same framework version as this round " +
                             "is `comparable`, and each area's `change` is this round's score minus the entry's (null where either has no score); " +
                             "entries of another version are not comparable. Scores of the JST only, never a respondent's. 409 `round-open` before " +
                             "the round closes, `results-not-shown` when it closed with fewer than three respondents; 404 for a round the caller cannot see.")
            .RequireRoles(Roles.ProgrammeTeam, Roles.Advisor, Roles.JstCoordinator)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesTypedProblem(StatusCodes.Status409Conflict, PeerBenchmark.ResultsNotShown)
            .WithResponseExample(StatusCodes.Status200OK, MaturityHistory.Example);
}
