using System.Net;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Security;
using TrainingApi.Features.PilotEnrollment.Pilot;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.PilotEnrollment.Pilot;

/// <summary>ScheduleSession and RecordEvaluations name modules of the version the pilot tests; anything else is 422 and stores nothing.</summary>
public sealed class PilotVersionAnchorsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient team = api.ClientAs(Roles.ProgrammeTeam);

    [Theory]
    [InlineData("modul-99")]
    [InlineData("modul-1-1")]
    public async Task A_session_on_an_anchor_that_is_not_a_module_of_the_pilots_version_is_a_422(string anchor)
    {
        var (_, cohort, _) = await PilotSteps.CohortAsync(api, jst: 1, participantsEach: 1, skip: 900 + anchor.Length);

        var response = await team.PostJsonAsync($"/api/v1/cohorts/{cohort.Id}/sessions", new
        {
            moduleAnchor = anchor, startsAt = DateTimeOffset.UtcNow.AddDays(3), durationMinutes = 90, mode = "workshop", trainer = "dr Anna Nowak",
        });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "unprocessable-content");
        Assert.Equal("anchor-not-in-version", problem.GetProperty("code").GetString());
        Assert.Equal([anchor], problem.GetProperty("unknownAnchors").EnumerateArray().Select(a => a.GetString()));
        await using var db = api.Db();
        Assert.False(await db.Context.Set<TrainingSession>().AnyAsync(s => s.CohortId == cohort.Id));
    }

    [Fact]
    public async Task A_session_on_a_module_of_the_version_is_scheduled()
    {
        var (_, cohort, _) = await PilotSteps.CohortAsync(api, jst: 1, participantsEach: 1, skip: 920);

        var response = await team.PostJsonAsync($"/api/v1/cohorts/{cohort.Id}/sessions", new
        {
            moduleAnchor = "modul-3", startsAt = DateTimeOffset.UtcNow.AddDays(3), durationMinutes = 90, mode = "workshop", trainer = "dr Anna Nowak",
        });

        Assert.Equal("modul-3", (await response.ShouldBeAsync<ScheduleSession.SessionView>(HttpStatusCode.Created)).ModuleAnchor);
    }

    [Fact]
    public async Task Evaluations_naming_an_anchor_outside_the_version_are_a_422_and_none_of_the_batch_is_recorded()
    {
        var (_, cohort, _) = await PilotSteps.CohortAsync(api, jst: 1, participantsEach: 1, skip: 930);

        var response = await team.PostJsonAsync($"/api/v1/cohorts/{cohort.Id}/evaluations", new
        {
            responses = new object[]
            {
                new { moduleAnchor = "modul-1", preScore = 40, postScore = 80 },
                new { moduleAnchor = "modul-42", satisfaction = 4 },
            },
        });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "unprocessable-content");
        Assert.Equal(["modul-42"], problem.GetProperty("unknownAnchors").EnumerateArray().Select(a => a.GetString()));
        await using var db = api.Db();
        Assert.False(await db.Context.Set<ModuleEvaluation>().AnyAsync(e => e.CohortId == cohort.Id));
    }
}
