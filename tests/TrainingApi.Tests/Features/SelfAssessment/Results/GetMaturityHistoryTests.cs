using System.Net;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security;
using TrainingApi.Features.Advisory.Diagnoses;
using TrainingApi.Features.Advisory.Maturity;
using TrainingApi.Features.PilotEnrollment.Register;
using TrainingApi.Features.SelfAssessment.Results;
using TrainingApi.Tests.Features.Advisory;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.SelfAssessment.Results;

/// <summary>A JST's self-assessments and advisory diagnoses in time order, each compared with the round asked through.</summary>
public sealed class GetMaturityHistoryTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly PeerSteps steps = new(api);

    [Fact]
    public async Task Rounds_and_diagnoses_come_oldest_first_with_each_areas_change_to_this_round_and_another_framework_version_is_not_comparable()
    {
        var (engagement, advisor, teryt) = await new AdvisorySteps(api).EngagementAsync(skip: 40);
        var jst = JstRegister.Find(teryt)!;
        // The initial diagnosis: every statement 3 (conducted 2024-06-14); and one scored against another framework version.
        var initial = await AdvisorySteps.DiagnoseAsync(advisor, engagement.Id);
        var otherVersion = new Diagnosis(engagement.Id, DiagnosisKind.Closing, "2023.1", new DateOnly(2024, 1, 10),
            [new RespondentAnswers("education-department", null, AdvisorySteps.Answers(2))],
            MaturityScoring.Score(MaturityFramework.Current, [new RespondentAnswers("education-department", null, AdvisorySteps.Answers(2))]), "test", DateTimeOffset.UtcNow.ForDatabase());
        await using (var db = api.Db())
        {
            db.Context.Add(otherVersion);
            await db.Context.SaveChangesAsync();
        }

        // Round 1 at 2; a round of two respondents (no results, so no entry); round 2 at 4, data answered by only two (no score).
        var first = await steps.ClosedRoundAsync(jst, PeerSteps.Scoring(2m));
        await steps.ClosedRoundAsync(jst, PeerSteps.Answering(5, 5));
        int?[] data = [4, 4, null, null];
        var second = await steps.ClosedRoundAsync(jst, [.. data.Select(d => PeerSteps.ByArea(4, ("dane", d)))]);

        var history = await (await steps.Team.GetAsync($"/api/v1/self-assessments/{second}/history")).ShouldBeAsync<MaturityHistory>(HttpStatusCode.OK);
        var body = await (await api.ClientAs(Roles.JstCoordinator, teryt: teryt).GetAsync($"/api/v1/self-assessments/{second}/history")).Content.ReadAsStringAsync();

        Assert.Equal((second, teryt), (history.RoundId, history.Teryt));
        Assert.Equal(
        [
            (MaturitySource.DiagnosisClosing, otherVersion.Id, "2023.1", false, false, 2m, (decimal?)null),
            (MaturitySource.DiagnosisInitial, initial.Id, "2024.1", false, true, 3m, 1m),
            (MaturitySource.SelfAssessment, first, "2024.1", false, true, 2m, 2m),
            (MaturitySource.SelfAssessment, second, "2024.1", true, true, 4m, 0m),
        ], history.Entries.Select(e => (e.Source, e.Id, e.FrameworkVersion, e.ThisRound, e.Comparable, e.Overall!.Value, e.OverallChange)));
        Assert.Equal(new DateOnly(2024, 1, 10), history.Entries[0].Date);
        Assert.All(history.Entries[0].Areas, a => Assert.Null(a.Change));
        var fromInitial = history.Entries[1].Areas.ToDictionary(a => a.Area);
        Assert.Equal((3m, 1m), (fromInitial["strategia"].Score!.Value, fromInitial["strategia"].Change!.Value));
        // This round has no score in data: no change there.
        Assert.Equal((3m, (decimal?)null), (fromInitial["dane"].Score!.Value, fromInitial["dane"].Change));
        Assert.Equal(((decimal?)null, (decimal?)null), (history.Entries[3].Areas.Single(a => a.Area == "dane").Score, history.Entries[3].Areas.Single(a => a.Area == "dane").Change));
        // The coordinator sees the same; nothing of a respondent in it.
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(history, HttpExtensions.Json), System.Text.Json.JsonSerializer.Serialize(
            System.Text.Json.JsonSerializer.Deserialize<MaturityHistory>(body, HttpExtensions.Json), HttpExtensions.Json));
        Assert.DoesNotContain("\"respondents\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("\"answers\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_jsts_round_is_404_and_an_open_one_409()
    {
        var gminy = PeerSteps.Of(JstKind.GminaWiejska, "30");
        var closed = await steps.ClosedRoundAsync(gminy[0], PeerSteps.Scoring(3m));
        var open = await steps.OpenRoundAsync(gminy[1]);

        await (await api.ClientAs(Roles.JstCoordinator, teryt: gminy[1].Teryt).GetAsync($"/api/v1/self-assessments/{closed}/history"))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        Assert.Equal("round-open", (await (await api.ClientAs(Roles.JstCoordinator, teryt: gminy[1].Teryt).GetAsync($"/api/v1/self-assessments/{open}/history"))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict")).GetProperty("code").GetString());
    }
}
