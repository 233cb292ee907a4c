using System.Net;
using TrainingApi.Common.Security;
using TrainingApi.Features.PilotEnrollment.Pilot;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.PilotEnrollment.Pilot;

public sealed class GetSessionTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient team = api.ClientAs(Roles.ProgrammeTeam);

    [Fact]
    public async Task The_team_and_the_coordinator_of_a_JST_in_the_cohort_read_a_session_another_JST_gets_a_404()
    {
        var (_, cohort, applications) = await PilotSteps.CohortAsync(api, jst: 1, participantsEach: 1, skip: 0);
        var scheduled = await (await team.PostJsonAsync($"/api/v1/cohorts/{cohort.Id}/sessions", new
        {
            moduleAnchor = "modul-2", startsAt = "2030-09-17T07:00:00Z", durationMinutes = 360, mode = "workshop", trainer = "dr Piotr Wiśniewski",
            place = "Urząd Miasta, sala 12",
        })).ShouldBeAsync<ScheduleSession.SessionView>(HttpStatusCode.Created);
        var url = $"/api/v1/sessions/{scheduled.Id}";

        var forTeam = await (await team.GetAsync(url)).ShouldBeAsync<TimetableSession>(HttpStatusCode.OK);
        var own = await api.ClientAs(Roles.JstCoordinator, teryt: applications[0].JstTeryt).GetAsync(url);
        var stranger = await api.ClientAs(Roles.JstCoordinator, teryt: EnrollmentSteps.Gminas(1, skip: 5)[0]).GetAsync(url);

        Assert.Equal((scheduled.Id, cohort.Id, cohort.Name, "modul-2", "Urząd Miasta, sala 12"),
            (forTeam.Id, forTeam.CohortId, forTeam.CohortName, forTeam.ModuleAnchor, forTeam.Place));
        Assert.Equal("2030-09-17 09:00 (Europe/Warsaw)", forTeam.StartsAtWarsaw);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        await stranger.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task An_unknown_session_is_a_404_and_an_expert_may_not_read_sessions()
    {
        await (await team.GetAsync($"/api/v1/sessions/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await api.ClientAs(Roles.Expert).GetAsync($"/api/v1/sessions/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }
}
