using System.Net;
using TrainingApi.Common.Http;
using TrainingApi.Common.Security;
using TrainingApi.Features.PilotEnrollment.Pilot;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.PilotEnrollment.Pilot;

public sealed class ListCohortEvaluationsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient team = api.ClientAs(Roles.ProgrammeTeam);

    [Fact]
    public async Task The_responses_of_a_cohort_are_listed_as_entered_paged_and_only_its_own()
    {
        var (_, cohort, _) = await PilotSteps.CohortAsync(api, jst: 1, participantsEach: 1, skip: 0);
        var (_, other, _) = await PilotSteps.CohortAsync(api, jst: 1, participantsEach: 1, skip: 1);
        (await team.PostJsonAsync($"/api/v1/cohorts/{cohort.Id}/evaluations", new
        {
            responses = new object[]
            {
                new { moduleAnchor = "modul-3", preScore = 42, postScore = 78, satisfaction = 5, comment = "Praktyczne przykłady." },
                new { moduleAnchor = "modul-3", satisfaction = 3 },
                new { moduleAnchor = "modul-4", preScore = 50, postScore = 60 },
            },
        })).EnsureSuccessStatusCode();
        (await team.PostJsonAsync($"/api/v1/cohorts/{other.Id}/evaluations", new { responses = new[] { new { moduleAnchor = "modul-1", satisfaction = 1 } } }))
            .EnsureSuccessStatusCode();

        var first = await (await api.ClientAs(Roles.Ministry).GetAsync($"/api/v1/cohorts/{cohort.Id}/evaluations?limit=2"))
            .ShouldBeAsync<Page<ListCohortEvaluations.EvaluationView>>(HttpStatusCode.OK);
        var rest = await (await team.GetAsync($"/api/v1/cohorts/{cohort.Id}/evaluations?limit=2&cursor={first.NextCursor}"))
            .ShouldBeAsync<Page<ListCohortEvaluations.EvaluationView>>(HttpStatusCode.OK);

        var all = first.Items.Concat(rest.Items).ToList();
        Assert.Equal(3, all.Count);
        Assert.Null(rest.NextCursor);
        Assert.All(all, e => Assert.Equal(cohort.Id, e.CohortId));
        Assert.Equal(["modul-3", "modul-3", "modul-4"], all.Select(e => e.ModuleAnchor).Order(StringComparer.Ordinal));
        Assert.Contains(all, e => (e.PreScore, e.PostScore, e.Satisfaction, e.Comment) == (42, 78, 5, "Praktyczne przykłady."));
    }

    [Fact]
    public async Task An_unknown_cohort_is_a_404_a_bad_limit_a_400_and_a_coordinator_may_not_read_them()
    {
        await (await team.GetAsync($"/api/v1/cohorts/{Guid.NewGuid()}/evaluations")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        var (_, cohort, _) = await PilotSteps.CohortAsync(api, jst: 1, participantsEach: 1, skip: 2);
        await (await team.GetAsync($"/api/v1/cohorts/{cohort.Id}/evaluations?limit=0")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await (await api.ClientAs(Roles.JstCoordinator).GetAsync($"/api/v1/cohorts/{cohort.Id}/evaluations")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }
}
