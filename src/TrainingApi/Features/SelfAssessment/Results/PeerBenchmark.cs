using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Localization;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Features.Advisory.Maturity;
using TrainingApi.Features.PilotEnrollment.Register;
using TrainingApi.Features.SelfAssessment.Rounds;

namespace TrainingApi.Features.SelfAssessment.Results;

/// <summary>The fixed peer groups a JST is compared with: its own kind, then a coarser group, then every JST.</summary>
public enum PeerGroupCode
{
    Wojewodztwo,
    Powiat,
    MiastoNaPrawachPowiatu,
    GminaMiejska,
    GminaWiejska,
    GminaMiejskoWiejska,

    /// <summary>Every gmina: miejska, wiejska and miejsko-wiejska.</summary>
    Gminy,

    /// <summary>Powiaty and cities with county rights.</summary>
    Powiaty,

    /// <summary>Every JST.</summary>
    All,
}

/// <summary>Where the JST's score lies among its peers' quartiles (as shown, two decimals).</summary>
public enum PeerPosition
{
    /// <summary>Below the first quartile.</summary>
    BelowFirstQuartile,

    /// <summary>From the first quartile (inclusive) to the median (exclusive).</summary>
    FirstQuartileToMedian,

    /// <summary>From the median to the third quartile (both inclusive).</summary>
    MedianToThirdQuartile,

    /// <summary>Above the third quartile.</summary>
    AboveThirdQuartile,
}

/// <param name="Code">The group: a kind of JST, or the coarser <c>gminy</c>, <c>powiaty</c> or <c>all</c>.</param>
/// <param name="Kinds">The kinds of JST in the group.</param>
/// <param name="Peers">How many JST of the group (the JST itself left out) have current scores of the round's framework version.</param>
public sealed record PeerGroupView(PeerGroupCode Code, IReadOnlyList<JstKind> Kinds, int Peers);

/// <param name="Peers">How many peers have a score in the area (at least the minimum, or there is no distribution).</param>
/// <param name="FirstQuartile">25th percentile of the peers' scores, linear interpolation (PostgreSQL <c>percentile_cont</c>), two decimals.</param>
/// <param name="Median">50th percentile, the same way.</param>
/// <param name="ThirdQuartile">75th percentile, the same way.</param>
public sealed record PeerDistribution(int Peers, decimal FirstQuartile, decimal Median, decimal ThirdQuartile);

/// <param name="Area">The framework's area code, or <c>overall</c>.</param>
/// <param name="Name">The area's Polish name (<c>Ogółem</c> for overall).</param>
/// <param name="Score">This round's score, or null when the round shows none for the area (fewer than three respondents scored it).</param>
/// <param name="Distribution">The peers' quartiles, or null when fewer than the minimum number of peers have a score in the area (or no group had enough peers).</param>
/// <param name="Position">Where the score lies in the distribution; null without either.</param>
public sealed record BenchmarkArea(string Area, string Name, decimal? Score, PeerDistribution? Distribution, PeerPosition? Position);

/// <param name="RoundId">The round benchmarked.</param>
/// <param name="Teryt">The JST's canonical TERYT code.</param>
/// <param name="JstKind">The JST's kind.</param>
/// <param name="FrameworkVersion">The framework version of the round; peers count only with current scores of the same version.</param>
/// <param name="ClosedAt">When the round closed.</param>
/// <param name="MinimumPeers">Fewer peers than this in a group, and the group is not used; in an area, and the area shows no distribution.</param>
/// <param name="Group">The group compared with, or null when even the group of every JST has fewer than <c>minimumPeers</c> peers.</param>
/// <param name="FellBackFrom">The groups tried first, in order, that had fewer than <c>minimumPeers</c> peers; empty when the JST's own kind had enough.</param>
/// <param name="Overall">The overall score against the peers' overall scores.</param>
/// <param name="Areas">Each area of the framework, in framework order.</param>
public sealed record BenchmarkView(
    Guid RoundId, string Teryt, JstKind JstKind, string FrameworkVersion, DateTimeOffset ClosedAt, int MinimumPeers,
    PeerGroupView? Group, IReadOnlyList<PeerGroupCode> FellBackFrom, BenchmarkArea Overall, IReadOnlyList<BenchmarkArea> Areas)
{
    public static readonly BenchmarkView Example = new(Guid.Parse("01936b40-0000-7000-8000-000000000001"), "1001032", PilotEnrollment.Register.JstKind.GminaWiejska,
        "2024.1", new DateTimeOffset(2026, 3, 31, 12, 0, 0, TimeSpan.Zero), PeerBenchmark.MinimumPeers,
        new PeerGroupView(PeerGroupCode.GminaWiejska, [PilotEnrollment.Register.JstKind.GminaWiejska], 214), [],
        new BenchmarkArea(CurrentScore.Overall, PeerBenchmark.OverallName, 2.84m, new PeerDistribution(214, 2.41m, 2.9m, 3.37m), PeerPosition.FirstQuartileToMedian),
        [
            new("strategia", "Strategia i przywództwo", 3.25m, new PeerDistribution(214, 2.5m, 3m, 3.5m), PeerPosition.MedianToThirdQuartile),
            new("cyberbezpieczenstwo", "Cyberbezpieczeństwo i ochrona danych", null, new PeerDistribution(209, 2.2m, 2.6m, 3.1m), null),
        ]);
}

/// <summary>
/// A closed round's scores against its peers' current scores (<see cref="CurrentScore"/>): the quartiles of a fixed peer group,
/// never a mean, a sum or a single peer's score. A group with fewer than <see cref="MinimumPeers"/> peers is not used and the next,
/// coarser one is tried; an area with fewer than that many peers shows no distribution.
/// </summary>
/// <remarks>
/// A group's scores are read by one grouped query (per area, the scores in order with their JST) and kept for
/// <see cref="GroupScoresLifetime"/>, on each instance: every JST of the group reads the same rows, and the quartiles without the JST
/// itself follow from them in memory by the interpolation of PostgreSQL's <c>percentile_cont</c>. Asking PostgreSQL for the quartiles
/// on each request made every reader of a large group pay for a sort of the whole group, and concurrent readers queued behind it
/// (docs/performance.md#decision-record); this way a request costs the round's lookup and a few array reads. A round closed
/// elsewhere reaches its peers' benchmarks within the lifetime; the JST's own scores come from its round, never from the cache.
/// </remarks>
public sealed class PeerBenchmark(TrainingDb db, TimeProvider clock)
{
    /// <summary>
    /// k-anonymity: with at least five peers, the interpolated quartiles never equal the lowest or the highest peer's score
    /// (positions 0.25·(n−1) ≥ 1 and 0.75·(n−1) ≤ n−2), so no extreme JST can be read off, and no fewer than five JST stand behind a number.
    /// </summary>
    public const int MinimumPeers = 5;

    public const string OverallName = "Ogółem";

    /// <summary>How long a group's scores are reused: the most a peer's newly closed round waits to count.</summary>
    public static readonly TimeSpan GroupScoresLifetime = TimeSpan.FromSeconds(2);

    public static readonly ProblemShape<RoundNotShownMembers> ResultsNotShown = new("results-not-shown");

    /// <param name="Respondents">How many respondents submitted; results show from three.</param>
    /// <param name="MinimumRespondents">The number of respondents results need.</param>
    public sealed record RoundNotShownMembers(int Respondents, int MinimumRespondents);

    /// <summary>
    /// The results of a closed round that shows them; otherwise a 409: <c>round-open</c> while answers may still come in (there are
    /// no results yet), <c>results-not-shown</c> when fewer than three respondents submitted.
    /// </summary>
    public static RoundResults ShownResults(AssessmentRound round)
    {
        if (!round.IsClosed || round.Results is not { } results)
        {
            throw Problem.Conflict(new Text("The round is still open: its results are computed when it closes.",
                "Runda jest jeszcze otwarta: wyniki są obliczane po jej zamknięciu."), "round-open");
        }

        if (!results.Shown)
        {
            throw ResultsNotShown.Refuse(ProblemKind.Conflict, new Text(
                    $"The round closed with {results.Respondents} respondent(s); results show only from {RoundResults.MinimumRespondents}.",
                    $"Runda zamknięta z liczbą respondentów {results.Respondents}; wyniki są pokazywane dopiero od {RoundResults.MinimumRespondents}."),
                new RoundNotShownMembers(results.Respondents, RoundResults.MinimumRespondents));
        }

        return results;
    }

    /// <summary>The groups tried for a kind, in order: its own kind, a coarser group (none for a voivodeship), every JST.</summary>
    public static IReadOnlyList<PeerGroupCode> GroupsFor(JstKind kind) => kind switch
    {
        JstKind.GminaMiejska => [PeerGroupCode.GminaMiejska, PeerGroupCode.Gminy, PeerGroupCode.All],
        JstKind.GminaWiejska => [PeerGroupCode.GminaWiejska, PeerGroupCode.Gminy, PeerGroupCode.All],
        JstKind.GminaMiejskoWiejska => [PeerGroupCode.GminaMiejskoWiejska, PeerGroupCode.Gminy, PeerGroupCode.All],
        JstKind.Powiat => [PeerGroupCode.Powiat, PeerGroupCode.Powiaty, PeerGroupCode.All],
        JstKind.MiastoNaPrawachPowiatu => [PeerGroupCode.MiastoNaPrawachPowiatu, PeerGroupCode.Powiaty, PeerGroupCode.All],
        JstKind.Wojewodztwo => [PeerGroupCode.Wojewodztwo, PeerGroupCode.All],
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static IReadOnlyList<JstKind> KindsOf(PeerGroupCode group) => group switch
    {
        PeerGroupCode.Wojewodztwo => [JstKind.Wojewodztwo],
        PeerGroupCode.Powiat => [JstKind.Powiat],
        PeerGroupCode.MiastoNaPrawachPowiatu => [JstKind.MiastoNaPrawachPowiatu],
        PeerGroupCode.GminaMiejska => [JstKind.GminaMiejska],
        PeerGroupCode.GminaWiejska => [JstKind.GminaWiejska],
        PeerGroupCode.GminaMiejskoWiejska => [JstKind.GminaMiejskoWiejska],
        PeerGroupCode.Gminy => [JstKind.GminaMiejska, JstKind.GminaWiejska, JstKind.GminaMiejskoWiejska],
        PeerGroupCode.Powiaty => [JstKind.Powiat, JstKind.MiastoNaPrawachPowiatu],
        PeerGroupCode.All => Enum.GetValues<JstKind>(),
        _ => throw new ArgumentOutOfRangeException(nameof(group), group, null),
    };

    public async Task<BenchmarkView> ForAsync(AssessmentRound round, RoundResults results, CancellationToken ct)
    {
        var framework = MaturityFramework.Find(round.FrameworkVersion) ?? MaturityFramework.Current;
        var fellBackFrom = new List<PeerGroupCode>();
        PeerGroupView? group = null;
        GroupScores? scores = null;
        foreach (var code in GroupsFor(round.JstKind))
        {
            scores = await GroupScoresAsync(round.FrameworkVersion, code, ct);
            // A peer is a JST with a current overall score: every JST whose round showed results has one.
            var peers = scores.PeersIn(CurrentScore.Overall, round.Teryt);
            if (peers >= MinimumPeers)
            {
                group = new PeerGroupView(code, KindsOf(code), peers);
                break;
            }

            fellBackFrom.Add(code);
        }

        BenchmarkArea Area(string area, string name, decimal? score)
        {
            var distribution = group is not null && scores!.Quartiles(area, round.Teryt) is { Peers: >= MinimumPeers } q ? q : null;
            return new BenchmarkArea(area, name, score, distribution, score is { } s && distribution is { } d ? PositionOf(s, d) : null);
        }

        return new BenchmarkView(round.Id, round.Teryt, round.JstKind, round.FrameworkVersion, round.ClosedAt!.Value, MinimumPeers, group, fellBackFrom,
            Area(CurrentScore.Overall, OverallName, results.Overall),
            [.. framework.Areas.Select(a => Area(a.Code, a.Name, results.Areas.FirstOrDefault(r => r.Area == a.Code)?.Score))]);
    }

    /// <summary>The position is taken against the quartiles as shown, so that it always agrees with the numbers beside it.</summary>
    public static PeerPosition PositionOf(decimal score, PeerDistribution peers) =>
        score < peers.FirstQuartile ? PeerPosition.BelowFirstQuartile
        : score < peers.Median ? PeerPosition.FirstQuartileToMedian
        : score <= peers.ThirdQuartile ? PeerPosition.MedianToThirdQuartile
        : PeerPosition.AboveThirdQuartile;

    /// <summary>
    /// PostgreSQL's <c>percentile_cont(fraction)</c> over values in order: the value at position fraction·(n−1), interpolated
    /// linearly between the two values around it, in double precision as PostgreSQL computes it.
    /// </summary>
    public static double PercentileCont(Func<int, double> sorted, int count, double fraction)
    {
        var position = fraction * (count - 1);
        var below = (int)Math.Floor(position);
        var above = (int)Math.Ceiling(position);
        var first = sorted(below);
        return below == above ? first : first + ((sorted(above) - first) * (position - below));
    }

    /// <summary>
    /// Two decimals, half away from zero, like every score. The conversion to decimal keeps 15 significant digits, so a value the
    /// interpolation in double precision put a hair below a half (2.4749999…) rounds as the exact value would.
    /// </summary>
    private static decimal Shown(double value) => Math.Round((decimal)value, 2, MidpointRounding.AwayFromZero);

    /// <summary>One group's current scores of one framework version: per area, the scores in ascending order and whose they are.</summary>
    public sealed class GroupScores(IReadOnlyDictionary<string, (double[] Scores, string[] Teryts)> areas, DateTimeOffset loadedAt)
    {
        public DateTimeOffset LoadedAt { get; } = loadedAt;

        public int PeersIn(string area, string excluded) =>
            areas.TryGetValue(area, out var rows) ? rows.Scores.Length - (Array.IndexOf(rows.Teryts, excluded) >= 0 ? 1 : 0) : 0;

        /// <summary>The quartiles of the area's scores with the excluded JST's left out (by whose it is, not by its value).</summary>
        public PeerDistribution? Quartiles(string area, string excluded)
        {
            if (!areas.TryGetValue(area, out var rows))
            {
                return null;
            }

            var skip = Array.IndexOf(rows.Teryts, excluded);
            var count = rows.Scores.Length - (skip >= 0 ? 1 : 0);
            if (count == 0)
            {
                return null;
            }

            double At(int i) => rows.Scores[skip >= 0 && i >= skip ? i + 1 : i];
            return new PeerDistribution(count, Shown(PercentileCont(At, count, 0.25)), Shown(PercentileCont(At, count, 0.5)), Shown(PercentileCont(At, count, 0.75)));
        }
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Database, string Version, PeerGroupCode Group), Task<GroupScores>> Cache = new();

    /// <summary>
    /// The group's scores, reused while younger than <see cref="GroupScoresLifetime"/>; concurrent requests for a stale group share
    /// one load. Keyed by database too, since one process can serve several (the tests' classes do).
    /// </summary>
    private async Task<GroupScores> GroupScoresAsync(string frameworkVersion, PeerGroupCode group, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var key = (connection.DataSource + "/" + connection.Database, frameworkVersion, group);
        var now = clock.GetUtcNow();
        var cached = Cache.GetOrAdd(key, _ => LoadAsync(frameworkVersion, group, now));
        if (cached.IsCompletedSuccessfully && now - cached.Result.LoadedAt > GroupScoresLifetime || cached.IsFaulted || cached.IsCanceled)
        {
            var fresh = LoadAsync(frameworkVersion, group, now);
            cached = Cache.TryUpdate(key, fresh, cached) ? fresh : Cache[key];
        }

        return await cached.WaitAsync(ct);
    }

    /// <summary>
    /// One grouped query: per area, the group's current scores of the framework version in ascending order, with the JST each belongs to.
    /// Not cancelled with the request that started it, since other requests may be waiting for it.
    /// </summary>
    private async Task<GroupScores> LoadAsync(string frameworkVersion, PeerGroupCode group, DateTimeOffset now)
    {
        var kinds = KindsOf(group).Select(k => k.ToString()).ToArray();
        var connectionString = db.Database.GetConnectionString()!;
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("""
            SELECT area, array_agg(score::float8 ORDER BY score, teryt), array_agg(teryt ORDER BY score, teryt)
            FROM self_assessment.current_scores
            WHERE framework_version = @version AND jst_kind = ANY(@kinds)
            GROUP BY area
            """, connection);
        command.Parameters.AddWithValue("version", frameworkVersion);
        command.Parameters.AddWithValue("kinds", kinds);
        var areas = new Dictionary<string, (double[], string[])>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            areas[reader.GetString(0)] = (reader.GetFieldValue<double[]>(1), reader.GetFieldValue<string[]>(2));
        }

        return new GroupScores(areas, now);
    }
}
