using System.Net;
using TrainingApi.Common.Security;
using TrainingApi.Features.PilotEnrollment.Applications;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.PilotEnrollment.Pilot;

public sealed class CreateCohortTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient team = api.ClientAs(Roles.ProgrammeTeam);

    [Fact]
    public async Task A_cohort_is_formed_from_accepted_applications_with_their_participants()
    {
        var (_, cohort, applications) = await PilotSteps.CohortAsync(api, jst: 3, participantsEach: 2, skip: 700);

        Assert.Equal(6, cohort.Participants);
        Assert.Equal(applications.Select(a => a.Id).Order(), cohort.ApplicationIds.Order());
    }

    [Fact]
    public async Task A_waitlisted_application_cannot_join_and_an_application_joins_one_cohort_only()
    {
        var recruitment = await EnrollmentSteps.OpenAsync(api, capacity: 1);
        var jst = EnrollmentSteps.Gminas(2, skip: 720);
        var accepted = await (await EnrollmentSteps.ApplyAsync(api, recruitment.Id, jst[0])).ShouldBeAsync<ApplicationView>(HttpStatusCode.Created);
        var waitlisted = await (await EnrollmentSteps.ApplyAsync(api, recruitment.Id, jst[1])).ShouldBeAsync<ApplicationView>(HttpStatusCode.Created);

        var withWaitlisted = await team.PostJsonAsync($"/api/v1/recruitments/{recruitment.Id}/cohorts", new { name = "A", applicationIds = new[] { accepted.Id, waitlisted.Id } });
        (await team.PostJsonAsync($"/api/v1/recruitments/{recruitment.Id}/cohorts", new { name = "B", applicationIds = new[] { accepted.Id } })).EnsureSuccessStatusCode();
        var twice = await team.PostJsonAsync($"/api/v1/recruitments/{recruitment.Id}/cohorts", new { name = "C", applicationIds = new[] { accepted.Id } });

        var problem = await withWaitlisted.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "unprocessable-content");
        Assert.Equal(waitlisted.Id.ToString(), problem.GetProperty("applicationIds")[0].GetString());
        await twice.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict");
    }

    [Fact]
    public async Task An_empty_cohort_is_a_400_problem()
    {
        var recruitment = await EnrollmentSteps.OpenAsync(api);

        await (await team.PostJsonAsync($"/api/v1/recruitments/{recruitment.Id}/cohorts", new { name = "Pusta", applicationIds = Array.Empty<Guid>() }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
    }
}
