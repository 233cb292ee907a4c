using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security;
using TrainingApi.Common.UseCases;
using TrainingApi.Features.Advisory.Diagnoses;
using TrainingApi.Features.Advisory.Maturity;
using TrainingApi.Features.PilotEnrollment.Register;
using TrainingApi.Features.SelfAssessment.Responding;
using TrainingApi.Features.SelfAssessment.Results;
using TrainingApi.Features.SelfAssessment.Rounds;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.SelfAssessment.Results;

/// <summary>
/// Closed self-assessment rounds seeded straight into the database through the real entities and <see cref="RoundClosing"/>, in a
/// transaction of the use-case runner as the system (the round endpoints are another slice of work): rounds, anonymous submissions,
/// results computed at closing and the JST's current scores.
/// </summary>
public sealed class PeerSteps(ApiFactory api)
{
    /// <summary>
    /// After each seeding the clock moves past <see cref="PeerBenchmark.GroupScoresLifetime"/>, so the next benchmark reads the peers
    /// just seeded rather than a group's scores kept from before.
    /// </summary>
    private void PassGroupScoresLifetime()
    {
        if (api is ClockedApiFactory clocked)
        {
            clocked.Clock.Now += PeerBenchmark.GroupScoresLifetime + TimeSpan.FromSeconds(1);
        }
    }

    public const string Version = "2024.1";

    /// <summary>Canonical JST of a kind (no city-with-county-rights duplicates), in TERYT order, optionally of one voivodeship.</summary>
    public static IReadOnlyList<Jst> Of(JstKind kind, string? voivodeship = null) =>
        [.. JstRegister.All.Where(j => j.Kind == kind && j.SameJstAs is null && (voivodeship is null || j.VoivodeshipCode == voivodeship))
            .OrderBy(j => j.Teryt, StringComparer.Ordinal)];

    /// <summary>One respondent who answers every statement of the framework with <paramref name="value"/> (null: n/a).</summary>
    public static IReadOnlyDictionary<string, int?> Uniform(int? value) => MaturityFramework.Current.Statements.ToDictionary(s => s.Id, _ => value);

    /// <summary>One respondent answering each area with the value given for it (areas not named: <paramref name="otherwise"/>).</summary>
    public static IReadOnlyDictionary<string, int?> ByArea(int? otherwise, params (string Area, int? Value)[] areas) =>
        MaturityFramework.Current.Areas.SelectMany(a => a.Statements.Select(s => (s.Id, Value: areas.Any(x => x.Area == a.Code) ? areas.First(x => x.Area == a.Code).Value : otherwise)))
            .ToDictionary(x => x.Id, x => x.Value);

    /// <summary>
    /// Respondents whose uniform answers give every area (and overall) exactly <paramref name="score"/>, a multiple of 0.25 from 1 to 5:
    /// four respondents, the area score being the mean of their values.
    /// </summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, int?>> Scoring(decimal score)
    {
        var total = (int)(score * 4);
        if (total != score * 4 || total < 4 || total > 20)
        {
            throw new ArgumentOutOfRangeException(nameof(score), score, "A multiple of 0.25 from 1 to 5.");
        }

        return [.. Enumerable.Range(0, 4).Select(i => Uniform(total / 4 + (i < total % 4 ? 1 : 0)))];
    }

    /// <summary>Respondents answering uniformly with these values (the area score is their mean).</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, int?>> Answering(params int[] values) => [.. values.Select(v => Uniform(v))];

    /// <summary>The same respondents with every statement of one area answered n/a.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, int?>> WithoutArea(IReadOnlyList<IReadOnlyDictionary<string, int?>> respondents, string area) =>
        [.. respondents.Select(r => (IReadOnlyDictionary<string, int?>)r.ToDictionary(a => a.Key, a => MaturityFramework.Current.AreaOf(a.Key)!.Code == area ? null : a.Value))];

    private static readonly RespondentRole[] Roles = Enum.GetValues<RespondentRole>();

    /// <summary>A round of the JST with these respondents' submissions, closed as its starter would close it; its id.</summary>
    public async Task<Guid> ClosedRoundAsync(Jst jst, IReadOnlyList<IReadOnlyDictionary<string, int?>> respondents) =>
        (await ClosedRoundsAsync([(jst, respondents)]))[0];

    /// <summary>Many closed rounds, in batches of one transaction each (as many closings in a row would commit).</summary>
    public async Task<IReadOnlyList<Guid>> ClosedRoundsAsync(IReadOnlyList<(Jst Jst, IReadOnlyList<IReadOnlyDictionary<string, int?>> Respondents)> rounds, int batch = 250)
    {
        var ids = new List<Guid>();
        foreach (var chunk in rounds.Chunk(batch))
        {
            ids.AddRange(await api.Services.GetRequiredService<UseCaseRunner>().RunAsync(Actor.System, "SeedClosedSelfAssessmentRounds", async (services, ct) =>
            {
                var db = services.GetRequiredService<TrainingDb>();
                var now = services.GetRequiredService<TimeProvider>().UtcNowForDatabase();
                var seeded = new List<AssessmentRound>();
                foreach (var (jst, respondents) in chunk)
                {
                    var round = new AssessmentRound(jst, Version, null, true, now.AddDays(14), "test", now);
                    db.Add(round);
                    db.AddRange(respondents.Select((answers, i) => new Submission(round.Id, Roles[i % Roles.Length], answers)));
                    seeded.Add(round);
                }

                await db.SaveChangesAsync(ct);
                var closing = services.GetRequiredService<RoundClosing>();
                foreach (var round in seeded)
                {
                    await closing.CloseAsync(round, "test", ct);
                }

                return seeded.Select(r => r.Id).ToList();
            }, CancellationToken.None));
        }

        PassGroupScoresLifetime();
        return ids;
    }

    /// <summary>An open round of the JST, with no submissions.</summary>
    public async Task<Guid> OpenRoundAsync(Jst jst)
    {
        await using var scope = api.Db();
        var round = new AssessmentRound(jst, Version, null, true, DateTimeOffset.UtcNow.AddDays(14), "test", DateTimeOffset.UtcNow.ForDatabase());
        scope.Context.Add(round);
        await scope.Context.SaveChangesAsync();
        return round.Id;
    }

    /// <summary>Every round, submission and current score, so that a test starts from no self-assessments at all.</summary>
    public async Task ClearAsync()
    {
        await using var scope = api.Db();
        await scope.Context.Database.ExecuteSqlRawAsync(
            "TRUNCATE self_assessment.current_scores, self_assessment.answer_drafts, self_assessment.submissions, self_assessment.invitations, self_assessment.rounds CASCADE");
        PassGroupScoresLifetime();
    }

    public HttpClient Team => api.ClientAs(TrainingApi.Common.Security.Roles.ProgrammeTeam);

    public async Task<string> BenchmarkBodyAsync(Guid roundId)
    {
        var response = await Team.GetAsync($"/api/v1/self-assessments/{roundId}/benchmark");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    public async Task<BenchmarkView> BenchmarkAsync(Guid roundId) =>
        JsonSerializer.Deserialize<BenchmarkView>(await BenchmarkBodyAsync(roundId), HttpExtensions.Json)!;
}

/// <summary>The API on a clock the test moves (rounds close at its time); tokens are still checked against real time.</summary>
public sealed class ClockedApiFactory : ApiFactory
{
    public FixedClock Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}
