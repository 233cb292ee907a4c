using System.Net;
using TrainingApi.Common.Http;
using TrainingApi.Common.Security;
using TrainingApi.Features.PilotEnrollment.Pilot;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.PilotEnrollment.Pilot;

/// <summary>GetJstTimetable, GetCohort and ListCohorts: the timetable, and a coordinator sees only its own.</summary>
public sealed class GetJstTimetableTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient team = api.ClientAs(Roles.ProgrammeTeam);

    [Fact]
    public async Task A_coordinator_sees_its_own_timetable_in_time_order_and_nothing_of_another_cohort()
    {
        var recruitment = await EnrollmentSteps.OpenAsync(api, capacity: 2);
        var recruitmentId = recruitment.Id;
        var applications = new List<TrainingApi.Features.PilotEnrollment.Applications.ApplicationView>();
        foreach (var teryt in EnrollmentSteps.Gminas(2, skip: 0))
        {
            applications.Add(await (await EnrollmentSteps.ApplyAsync(api, recruitmentId, teryt)).ShouldBeAsync<TrainingApi.Features.PilotEnrollment.Applications.ApplicationView>(HttpStatusCode.Created));
        }

        var mine = applications[0].JstTeryt;
        var first = await (await team.PostJsonAsync($"/api/v1/recruitments/{recruitmentId}/cohorts",
            new { name = "Grupa pierwsza", applicationIds = new[] { applications[0].Id } })).ShouldBeAsync<CreateCohort.CohortView>(HttpStatusCode.Created);
        var other = await (await team.PostJsonAsync($"/api/v1/recruitments/{recruitmentId}/cohorts",
            new { name = "Grupa druga", applicationIds = new[] { applications[1].Id } })).ShouldBeAsync<CreateCohort.CohortView>(HttpStatusCode.Created);
        var later = await ScheduleAsync(first.Id, DateTimeOffset.UtcNow.AddDays(9), "modul-2", link: "https://spotkania.example.pl/modul-2");
        var sooner = await ScheduleAsync(first.Id, DateTimeOffset.UtcNow.AddDays(2), "modul-1", place: "Urząd Miasta, sala 12");
        var foreign = await ScheduleAsync(other.Id, DateTimeOffset.UtcNow.AddDays(1), "modul-1");
        var coordinator = api.ClientAs(Roles.JstCoordinator, teryt: mine);

        var timetable = await (await coordinator.GetAsync($"/api/v1/jst/{mine}/sessions")).ShouldBeAsync<Page<TimetableSession>>(HttpStatusCode.OK);
        var othersTimetable = await coordinator.GetAsync($"/api/v1/jst/{applications[1].JstTeryt}/sessions");
        var othersCohort = await coordinator.GetAsync($"/api/v1/cohorts/{other.Id}");
        var ownCohort = await (await coordinator.GetAsync($"/api/v1/cohorts/{first.Id}")).ShouldBeAsync<GetCohort.CohortDetail>(HttpStatusCode.OK);
        var cohorts = await (await coordinator.GetAsync($"/api/v1/recruitments/{recruitmentId}/cohorts")).ShouldBeAsync<Page<ListCohorts.CohortSummary>>(HttpStatusCode.OK);
        var othersSession = await coordinator.GetAsync($"/api/v1/sessions/{foreign.Id}/attendance");

        Assert.Equal([sooner.Id, later.Id], timetable.Items.Select(s => s.Id));
        Assert.Equal(("Urząd Miasta, sala 12", null, "modul-1"), (timetable.Items[0].Place, timetable.Items[0].Link, timetable.Items[0].ModuleAnchor));
        Assert.Equal("https://spotkania.example.pl/modul-2", timetable.Items[1].Link);
        Assert.EndsWith("(Europe/Warsaw)", timetable.Items[0].StartsAtWarsaw, StringComparison.Ordinal);
        await othersTimetable.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await othersCohort.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await othersSession.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        Assert.Equal([sooner.Id, later.Id], ownCohort.Sessions.Select(s => s.Id));
        Assert.Equal([mine], ownCohort.Jst.Select(j => j.Teryt));
        Assert.Equal([first.Id], cohorts.Items.Select(c => c.Id));
    }

    [Fact]
    public async Task The_team_sees_every_cohort_with_all_its_jst()
    {
        var (recruitmentId, cohort, applications) = await PilotSteps.CohortAsync(api, jst: 2, participantsEach: 2, skip: 20);
        await ScheduleAsync(cohort.Id, DateTimeOffset.UtcNow.AddDays(3), "modul-1");

        var detail = await (await team.GetAsync($"/api/v1/cohorts/{cohort.Id}")).ShouldBeAsync<GetCohort.CohortDetail>(HttpStatusCode.OK);
        var list = await (await team.GetAsync($"/api/v1/recruitments/{recruitmentId}/cohorts")).ShouldBeAsync<Page<ListCohorts.CohortSummary>>(HttpStatusCode.OK);
        var timetable = await (await team.GetAsync($"/api/v1/jst/{applications[1].JstTeryt}/sessions")).ShouldBeAsync<Page<TimetableSession>>(HttpStatusCode.OK);

        Assert.Equal(applications.Select(a => a.JstTeryt).Order(StringComparer.Ordinal), detail.Jst.Select(j => j.Teryt));
        Assert.All(detail.Jst, j => Assert.Equal(2, j.Participants));
        Assert.Equal((1, 2), (list.Items.Single().Sessions, list.Items.Single().Jst.Count));
        Assert.Single(timetable.Items);
        await (await team.GetAsync($"/api/v1/cohorts/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await team.GetAsync($"/api/v1/recruitments/{Guid.NewGuid()}/cohorts")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await team.GetAsync("/api/v1/jst/9999999/sessions")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task A_session_link_must_be_https()
    {
        var (_, cohort, _) = await PilotSteps.CohortAsync(api, jst: 1, participantsEach: 1, skip: 40);

        var response = await team.PostJsonAsync($"/api/v1/cohorts/{cohort.Id}/sessions", new
        {
            moduleAnchor = "modul-1", startsAt = DateTimeOffset.UtcNow, durationMinutes = 90, mode = "live-online", trainer = "T", link = "javascript:alert(1)",
        });

        Assert.NotEmpty((await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed")).ErrorsFor("link"));
    }

    private async Task<ScheduleSession.SessionView> ScheduleAsync(Guid cohortId, DateTimeOffset at, string module, string? place = null, string? link = null) =>
        await (await team.PostJsonAsync($"/api/v1/cohorts/{cohortId}/sessions", new
        {
            moduleAnchor = module, startsAt = at, durationMinutes = 240, mode = link is null ? "in-person" : "live-online", trainer = "dr Anna Nowak", place, link,
        })).ShouldBeAsync<ScheduleSession.SessionView>(HttpStatusCode.Created);
}
