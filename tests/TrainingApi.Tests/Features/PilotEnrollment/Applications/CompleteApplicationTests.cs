using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Security;
using TrainingApi.Features.PilotEnrollment.Applications;
using TrainingApi.Features.PilotEnrollment.Pilot;
using TrainingApi.Features.PilotEnrollment.Recruitments;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.PilotEnrollment.Applications;

/// <summary>confirmed → completed, on the evidence of attendance.</summary>
public sealed class CompleteApplicationTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient team = api.ClientAs(Roles.ProgrammeTeam);

    [Fact]
    public async Task A_confirmed_jst_with_a_participant_at_the_threshold_completes_and_can_no_longer_withdraw()
    {
        var (recruitmentId, application) = await ConfirmedInCohortAsync(skip: 800, attendedOfFive: 4);

        var completed = await (await team.PostAsync($"/api/v1/applications/{application.Id}/completion", null)).ShouldBeAsync<ApplicationView>(HttpStatusCode.OK);

        Assert.Equal(ApplicationStatus.Completed, completed.Status);
        var withdraw = await team.PostJsonAsync($"/api/v1/applications/{application.Id}/withdraw", new { reason = "Za późno." });
        Assert.Equal("not-withdrawable", (await withdraw.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict")).GetProperty("code").GetString());
        var statistics = await (await team.GetAsync($"/api/v1/recruitments/{recruitmentId}/statistics")).Content.ReadAsStringAsync();
        Assert.Contains("\"completed\":1", statistics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attendance_below_the_threshold_is_a_409_and_changes_nothing()
    {
        var (_, application) = await ConfirmedInCohortAsync(skip: 810, attendedOfFive: 3);

        var response = await team.PostAsync($"/api/v1/applications/{application.Id}/completion", null);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict");
        Assert.Equal("attendance-below-threshold", problem.GetProperty("code").GetString());
        Assert.Contains("80", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await AssertStatusAsync(application.Id, ApplicationStatus.Confirmed);
    }

    [Fact]
    public async Task An_application_that_is_only_accepted_or_in_no_cohort_cannot_complete()
    {
        var recruitment = await EnrollmentSteps.OpenAsync(api);
        var accepted = await (await EnrollmentSteps.ApplyAsync(api, recruitment.Id, EnrollmentSteps.Gminas(1, skip: 820)[0])).ShouldBeAsync<ApplicationView>(HttpStatusCode.Created);
        var confirmed = await (await EnrollmentSteps.ApplyAsync(api, recruitment.Id, EnrollmentSteps.Gminas(1, skip: 821)[0])).ShouldBeAsync<ApplicationView>(HttpStatusCode.Created);
        (await team.PostAsync($"/api/v1/applications/{confirmed.Id}/confirm", null)).EnsureSuccessStatusCode();

        var notConfirmed = await (await team.PostAsync($"/api/v1/applications/{accepted.Id}/completion", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict");
        var noCohort = await (await team.PostAsync($"/api/v1/applications/{confirmed.Id}/completion", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict");

        Assert.Equal("not-confirmed", notConfirmed.GetProperty("code").GetString());
        Assert.Equal("not-in-cohort", noCohort.GetProperty("code").GetString());
        await AssertStatusAsync(accepted.Id, ApplicationStatus.Accepted);
        await AssertStatusAsync(confirmed.Id, ApplicationStatus.Confirmed);
    }

    [Fact]
    public async Task An_unknown_application_is_a_404_and_a_coordinator_may_not_complete_its_own()
    {
        var (_, application) = await ConfirmedInCohortAsync(skip: 830, attendedOfFive: 5);

        await (await team.PostAsync($"/api/v1/applications/{Guid.NewGuid()}/completion", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        var coordinator = await api.ClientAs(Roles.JstCoordinator, teryt: application.JstTeryt).PostAsync($"/api/v1/applications/{application.Id}/completion", null);

        Assert.Equal(HttpStatusCode.Forbidden, coordinator.StatusCode);
        await AssertStatusAsync(application.Id, ApplicationStatus.Confirmed);
    }

    /// <summary>One JST with two participants, confirmed, in a cohort of five sessions; the first participant attends the given number.</summary>
    private async Task<(Guid RecruitmentId, ApplicationView Application)> ConfirmedInCohortAsync(int skip, int attendedOfFive)
    {
        var (recruitmentId, cohort, applications) = await PilotSteps.CohortAsync(api, jst: 1, participantsEach: 2, skip: skip);
        var application = applications[0];
        (await team.PostAsync($"/api/v1/applications/{application.Id}/confirm", null)).EnsureSuccessStatusCode();
        Guid first;
        await using (var db = api.Db())
        {
            first = await db.Context.Set<Participant>().Where(p => p.ApplicationId == application.Id).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        }

        for (var i = 0; i < 5; i++)
        {
            var session = await (await team.PostJsonAsync($"/api/v1/cohorts/{cohort.Id}/sessions", new
            {
                moduleAnchor = $"modul-{i + 1}", startsAt = DateTimeOffset.UtcNow.AddDays(i), durationMinutes = 90, mode = "workshop", trainer = "dr Anna Nowak",
            })).ShouldBeAsync<ScheduleSession.SessionView>(HttpStatusCode.Created);
            var present = i < attendedOfFive ? new[] { first } : [];
            (await team.PutAsync($"/api/v1/sessions/{session.Id}/attendance", HttpExtensions.JsonBody(JsonSerializer.Serialize(new { presentParticipantIds = present }))))
                .EnsureSuccessStatusCode();
        }

        return (recruitmentId, application);
    }

    private async Task AssertStatusAsync(Guid id, ApplicationStatus expected)
    {
        await using var db = api.Db();
        Assert.Equal(expected, (await db.Context.Set<Application>().SingleAsync(a => a.Id == id)).Status);
    }
}
