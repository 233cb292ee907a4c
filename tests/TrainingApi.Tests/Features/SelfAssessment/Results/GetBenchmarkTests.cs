using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security;
using TrainingApi.Features.Advisory.Maturity;
using TrainingApi.Features.PilotEnrollment.Register;
using TrainingApi.Features.SelfAssessment.Results;
using TrainingApi.Features.SelfAssessment.Rounds;
using TrainingApi.Tests.Infrastructure;
using Xunit.Abstractions;

namespace TrainingApi.Tests.Features.SelfAssessment.Results;

/// <summary>The peer benchmark over seeded closed rounds, against quartiles worked out by hand (linear interpolation).</summary>
public sealed class GetBenchmarkTests(ClockedApiFactory api) : IClassFixture<ClockedApiFactory>
{
    private readonly PeerSteps steps = new(api);

    [Fact]
    public async Task A_jst_is_placed_among_the_other_jst_of_its_kind_by_interpolated_quartiles_and_itself_left_out()
    {
        await steps.ClearAsync();
        var gminy = PeerSteps.Of(JstKind.GminaWiejska, "02");
        var jst = gminy[0];
        // Eight peers of its kind; the first four answered n/a in cooperation with schools, so only four have a score there.
        decimal[] peerScores = [1.00m, 1.50m, 2.00m, 2.25m, 3.00m, 3.50m, 4.00m, 5.00m];
        await steps.ClosedRoundsAsync([.. peerScores.Select((score, i) => (gminy[i + 1], i < 4 ? PeerSteps.WithoutArea(PeerSteps.Scoring(score), "wspolpraca") : PeerSteps.Scoring(score)))]);
        // Gminy miejskie with extreme scores: another kind, not its peers.
        await steps.ClosedRoundsAsync([.. PeerSteps.Of(JstKind.GminaMiejska, "02").Take(5).Select((g, i) => (g, PeerSteps.Scoring(i % 2 == 0 ? 1m : 5m)))]);
        // The JST: strategy 4.5, data answered by only two of four (no score shown, and left out of the overall, which would give it
        // away), every other area 2.5; overall (4.5 + 6 × 2.5) / 7 = 2.7857.
        int?[] other = [3, 3, 2, 2], strategy = [5, 5, 4, 4], data = [3, 3, null, null];
        var roundId = await steps.ClosedRoundAsync(jst, [.. Enumerable.Range(0, 4).Select(i => PeerSteps.ByArea(other[i], ("strategia", strategy[i]), ("dane", data[i])))]);

        var benchmark = await steps.BenchmarkAsync(roundId);

        // Sorted peers 1, 1.5, 2, 2.25, 3, 3.5, 4, 5 (n = 8): Q1 at 0.25 × 7 = 1.75 → 1.5 + 0.75 × 0.5 = 1.875; the median at 3.5 → 2.625;
        // Q3 at 5.25 → 3.5 + 0.25 × 0.5 = 3.625. With the JST itself among them there would be nine.
        var peers = new PeerDistribution(8, 1.88m, 2.63m, 3.63m);
        Assert.Equal(new PeerGroupView(PeerGroupCode.GminaWiejska, [JstKind.GminaWiejska], 8) with { Kinds = benchmark.Group!.Kinds }, benchmark.Group);
        Assert.Equal([JstKind.GminaWiejska], benchmark.Group.Kinds);
        Assert.Empty(benchmark.FellBackFrom);
        Assert.Equal(PeerBenchmark.MinimumPeers, benchmark.MinimumPeers);
        Assert.Equal((2.79m, peers, PeerPosition.MedianToThirdQuartile), (benchmark.Overall.Score!.Value, benchmark.Overall.Distribution!, benchmark.Overall.Position!.Value));
        var areas = benchmark.Areas.ToDictionary(a => a.Area);
        Assert.Equal(MaturityFramework.Current.Areas.Select(a => a.Code), benchmark.Areas.Select(a => a.Area));
        Assert.Equal((4.5m, peers, PeerPosition.AboveThirdQuartile), (areas["strategia"].Score!.Value, areas["strategia"].Distribution!, areas["strategia"].Position!.Value));
        Assert.Equal((2.5m, peers, PeerPosition.FirstQuartileToMedian), (areas["infrastruktura"].Score!.Value, areas["infrastruktura"].Distribution!, areas["infrastruktura"].Position!.Value));
        // No score of its own in data: the peers still show, no position.
        Assert.Equal(((decimal?)null, peers, (PeerPosition?)null), (areas["dane"].Score, areas["dane"].Distribution!, areas["dane"].Position));
        // Only four peers scored cooperation: no distribution there.
        Assert.Equal((2.5m, (PeerDistribution?)null, (PeerPosition?)null), (areas["wspolpraca"].Score!.Value, areas["wspolpraca"].Distribution, areas["wspolpraca"].Position));

        // Its coordinator reads it; another JST's coordinator gets a 404.
        (await api.ClientAs(Roles.JstCoordinator, teryt: jst.Teryt).GetAsync($"/api/v1/self-assessments/{roundId}/benchmark")).EnsureSuccessStatusCode();
        await (await api.ClientAs(Roles.JstCoordinator, teryt: gminy[1].Teryt).GetAsync($"/api/v1/self-assessments/{roundId}/benchmark"))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Too_few_peers_of_its_kind_fall_back_to_the_coarser_group_then_to_all_and_then_to_no_distribution()
    {
        await steps.ClearAsync();
        var powiaty = PeerSteps.Of(JstKind.Powiat, "04");
        var cities = PeerSteps.Of(JstKind.MiastoNaPrawachPowiatu, "04");
        var voivodeships = PeerSteps.Of(JstKind.Wojewodztwo);
        var powiat = await steps.ClosedRoundAsync(powiaty[0], PeerSteps.Scoring(1m));
        await steps.ClosedRoundsAsync([(powiaty[1], PeerSteps.Scoring(2m)), (powiaty[2], PeerSteps.Scoring(3m)),
            (cities[0], PeerSteps.Scoring(4m)), (cities[1], PeerSteps.Scoring(2.5m)), (cities[2], PeerSteps.Scoring(3.5m))]);
        var voivodeship = await steps.ClosedRoundAsync(voivodeships[0], PeerSteps.Scoring(5m));
        await steps.ClosedRoundAsync(voivodeships[1], PeerSteps.Scoring(1m));

        var ofPowiat = await steps.BenchmarkAsync(powiat);
        var ofVoivodeship = await steps.BenchmarkAsync(voivodeship);

        // Two other powiaty: too few; powiaty and cities with county rights give 2 + 3 = 5: 2, 2.5, 3, 3.5, 4.
        Assert.Equal([PeerGroupCode.Powiat], ofPowiat.FellBackFrom);
        Assert.Equal((PeerGroupCode.Powiaty, 5), (ofPowiat.Group!.Code, ofPowiat.Group.Peers));
        Assert.Equal([JstKind.Powiat, JstKind.MiastoNaPrawachPowiatu], ofPowiat.Group.Kinds);
        Assert.Equal((new PeerDistribution(5, 2.5m, 3m, 3.5m), PeerPosition.BelowFirstQuartile), (ofPowiat.Overall.Distribution!, ofPowiat.Overall.Position!.Value));
        // One other voivodeship: straight to every JST (no coarser group of voivodeships), seven peers.
        Assert.Equal([PeerGroupCode.Wojewodztwo], ofVoivodeship.FellBackFrom);
        Assert.Equal((PeerGroupCode.All, 7), (ofVoivodeship.Group!.Code, ofVoivodeship.Group.Peers));
        Assert.Equal(Enum.GetValues<JstKind>(), ofVoivodeship.Group.Kinds);
        Assert.Equal(PeerPosition.AboveThirdQuartile, ofVoivodeship.Overall.Position);

        // Five JST in all: each has four peers in every group, so no group and no distribution anywhere.
        await steps.ClearAsync();
        var gminy = PeerSteps.Of(JstKind.GminaWiejska, "04");
        var lonely = await steps.ClosedRoundAsync(gminy[0], PeerSteps.Scoring(3m));
        await steps.ClosedRoundsAsync([(gminy[1], PeerSteps.Scoring(2m)), (gminy[2], PeerSteps.Scoring(4m)), (powiaty[0], PeerSteps.Scoring(2m)), (voivodeships[0], PeerSteps.Scoring(3m))]);

        var alone = await steps.BenchmarkAsync(lonely);

        Assert.Null(alone.Group);
        Assert.Equal([PeerGroupCode.GminaWiejska, PeerGroupCode.Gminy, PeerGroupCode.All], alone.FellBackFrom);
        Assert.All(alone.Areas.Append(alone.Overall), a => Assert.Equal((3m, (PeerDistribution?)null, (PeerPosition?)null), (a.Score!.Value, a.Distribution, a.Position)));
    }

    [Fact]
    public async Task An_open_round_and_one_closed_without_results_are_409_and_an_unknown_round_404()
    {
        var gminy = PeerSteps.Of(JstKind.GminaMiejskoWiejska, "06");
        var open = await steps.OpenRoundAsync(gminy[0]);
        var tooFew = await steps.ClosedRoundAsync(gminy[1], PeerSteps.Answering(3, 4));

        var openAnswer = await steps.Team.GetAsync($"/api/v1/self-assessments/{open}/benchmark");
        var tooFewAnswer = await steps.Team.GetAsync($"/api/v1/self-assessments/{tooFew}/benchmark");
        var unknown = await steps.Team.GetAsync($"/api/v1/self-assessments/{Guid.NewGuid()}/benchmark");

        Assert.Equal("round-open", (await openAnswer.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict")).GetProperty("code").GetString());
        var notShown = await tooFewAnswer.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict");
        Assert.Equal(("results-not-shown", 2, 3), (notShown.GetProperty("code").GetString(), notShown.GetProperty("respondents").GetInt32(), notShown.GetProperty("minimumRespondents").GetInt32()));
        await unknown.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }
}

/// <summary>The benchmark with every JST of the register assessed (its speed is measured by scripts/bench-self-assessment.sh, not here).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BenchmarkAcrossTheRegister
{
    public const string Name = "Benchmark across the register";
}

[Collection(BenchmarkAcrossTheRegister.Name)]
public sealed class GetBenchmarkAcrossTheRegisterTests(ClockedApiFactory api, ITestOutputHelper output) : IClassFixture<ClockedApiFactory>
{
    private readonly PeerSteps steps = new(api);

    private sealed record Quartiles(string Area, int Peers, double[] Values);

    private static decimal Two(double value) => Math.Round((decimal)value, 2, MidpointRounding.AwayFromZero);

    [Fact]
    public async Task With_every_jst_of_the_register_assessed_benchmarks_equal_percentile_cont_over_the_same_peers()
    {
        await steps.ClearAsync();
        var all = JstRegister.All.Where(j => j.SameJstAs is null).OrderBy(j => j.Teryt, StringComparer.Ordinal).ToList();
        var seeding = Stopwatch.StartNew();
        var rounds = await steps.ClosedRoundsAsync([.. all.Select((j, i) => (j, PeerSteps.Answering(1 + i % 5, 1 + (i / 5) % 5, 1 + (i / 25) % 5)))], batch: 500);
        output.WriteLine($"seeded {rounds.Count} closed rounds in {seeding.Elapsed.TotalSeconds:0.0} s");
        // The quartiles equal PostgreSQL's percentile_cont over the same peers (the JST itself left out), for JST of every kind.
        await using (var scope = api.Db())
        {
            foreach (var roundId in Enumerable.Range(0, 12).Select(i => rounds[i * 233]))
            {
                var benchmark = await steps.BenchmarkAsync(roundId);
                var kinds = benchmark.Group!.Kinds.Select(k => k.ToString()).ToArray();
                var expected = await scope.Context.Database.SqlQuery<Quartiles>($"""
                    SELECT area AS "Area", count(*)::int AS "Peers",
                           percentile_cont(ARRAY[0.25, 0.5, 0.75]) WITHIN GROUP (ORDER BY score::float8) AS "Values"
                    FROM self_assessment.current_scores
                    WHERE framework_version = '2024.1' AND jst_kind = ANY({kinds}) AND teryt <> {benchmark.Teryt}
                    GROUP BY area
                    """).ToListAsync();
                Assert.All(benchmark.Areas.Append(benchmark.Overall), a =>
                {
                    var q = expected.Single(e => e.Area == a.Area);
                    Assert.Equal(new PeerDistribution(q.Peers, Two(q.Values[0]), Two(q.Values[1]), Two(q.Values[2])), a.Distribution);
                });
            }
        }
    }
}
