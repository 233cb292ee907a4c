using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Events;
using TrainingApi.Common.Security;
using TrainingApi.Features.PilotEnrollment.Applications;
using TrainingApi.Features.PilotEnrollment.Recruitments;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.PilotEnrollment.Applications;

public sealed class WithdrawApplicationTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Withdrawing_an_accepted_jst_promotes_waiting_list_position_1_and_renumbers_the_rest()
    {
        var (recruitment, apps) = await FillAsync(capacity: 2, applicants: 5);
        var leaving = apps[0];

        var response = await api.ClientAs(Roles.JstCoordinator, teryt: leaving.JstTeryt)
            .PostJsonAsync($"/api/v1/applications/{leaving.Id}/withdraw", new { reason = "Zmiana priorytetów." });

        Assert.Equal(ApplicationStatus.Withdrawn, (await response.ShouldBeAsync<ApplicationView>(HttpStatusCode.OK)).Status);
        var now = await StatesAsync(recruitment.Id);
        Assert.Equal(ApplicationStatus.Accepted, now[apps[2].Id].Status);
        Assert.Equal([(apps[3].Id, 1), (apps[4].Id, 2)], now.Values.Where(a => a.Status == ApplicationStatus.Waitlisted).OrderBy(a => a.WaitlistPosition).Select(a => (a.Id, a.WaitlistPosition!.Value)));
        var counters = await (await api.CreateClient().GetAsync($"/api/v1/recruitments/{recruitment.Id}")).ShouldBeAsync<RecruitmentView>(HttpStatusCode.OK);
        Assert.Equal((2, 2, 0), (counters.Accepted, counters.Waitlisted, counters.PlacesLeft));
        await using var db = api.Db();
        var events = await db.Context.Set<OutboxEvent>().Where(e => e.Type == "application.withdrawn" || e.Type == "application.promoted").ToListAsync();
        var withdrawn = JsonDocument.Parse(Assert.Single(events, e => e.Payload.Contains(leaving.Id.ToString(), StringComparison.Ordinal)).Payload).RootElement;
        Assert.Equal(("application.withdrawn", "accepted", leaving.JstTeryt), (withdrawn.GetProperty("type").GetString(),
            withdrawn.GetProperty("data").GetProperty("previousStatus").GetString(), withdrawn.GetProperty("data").GetProperty("jstTeryt").GetString()));
        Assert.DoesNotContain("Zmiana priorytetów", withdrawn.GetRawText(), StringComparison.Ordinal);
        Assert.Single(events, e => e.Type == "application.promoted" && e.Payload.Contains(apps[2].Id.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Withdrawing_from_the_waiting_list_moves_up_those_behind()
    {
        var (recruitment, apps) = await FillAsync(capacity: 1, applicants: 4);

        (await api.ClientAs(Roles.ProgrammeTeam).PostJsonAsync($"/api/v1/applications/{apps[2].Id}/withdraw", new { reason = "Rezygnacja." })).EnsureSuccessStatusCode();

        var now = await StatesAsync(recruitment.Id);
        Assert.Equal([(apps[1].Id, 1), (apps[3].Id, 2)], now.Values.Where(a => a.Status == ApplicationStatus.Waitlisted).OrderBy(a => a.WaitlistPosition).Select(a => (a.Id, a.WaitlistPosition!.Value)));
        Assert.Equal(ApplicationStatus.Accepted, now[apps[0].Id].Status);
    }

    [Fact]
    public async Task Withdrawing_with_nobody_waiting_frees_a_place()
    {
        var (recruitment, apps) = await FillAsync(capacity: 3, applicants: 2);

        (await api.ClientAs(Roles.ProgrammeTeam).PostJsonAsync($"/api/v1/applications/{apps[0].Id}/withdraw", new { reason = "Rezygnacja." })).EnsureSuccessStatusCode();

        var counters = await (await api.CreateClient().GetAsync($"/api/v1/recruitments/{recruitment.Id}")).ShouldBeAsync<RecruitmentView>(HttpStatusCode.OK);
        Assert.Equal((1, 2), (counters.Accepted, counters.PlacesLeft));
    }

    [Fact]
    public async Task Another_jsts_application_is_a_404_and_stays_as_it_was()
    {
        var (_, apps) = await FillAsync(capacity: 2, applicants: 1);

        var response = await api.ClientAs(Roles.JstCoordinator, teryt: "1061").PostJsonAsync($"/api/v1/applications/{apps[0].Id}/withdraw", new { reason = "Cudze." });

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await api.ClientAs(Roles.JstCoordinator, teryt: "1061").GetAsync($"/api/v1/applications/{apps[0].Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await using var db = api.Db();
        Assert.Equal(ApplicationStatus.Accepted, (await db.Context.Set<Application>().SingleAsync(a => a.Id == apps[0].Id)).Status);
    }

    [Fact]
    public async Task Withdrawing_twice_is_a_409_and_a_reason_is_required()
    {
        var (_, apps) = await FillAsync(capacity: 2, applicants: 1);
        var team = api.ClientAs(Roles.ProgrammeTeam);

        var noReason = await team.PostJsonAsync($"/api/v1/applications/{apps[0].Id}/withdraw", new { reason = "" });
        (await team.PostJsonAsync($"/api/v1/applications/{apps[0].Id}/withdraw", new { reason = "Raz." })).EnsureSuccessStatusCode();
        var twice = await team.PostJsonAsync($"/api/v1/applications/{apps[0].Id}/withdraw", new { reason = "Dwa." });

        await noReason.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await twice.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict");
    }

    [Fact]
    public async Task An_accepted_jst_confirms_and_a_waitlisted_one_cannot()
    {
        var (_, apps) = await FillAsync(capacity: 1, applicants: 2);

        var confirmed = await api.ClientAs(Roles.JstCoordinator, teryt: apps[0].JstTeryt).PostAsync($"/api/v1/applications/{apps[0].Id}/confirm", null);
        var refused = await api.ClientAs(Roles.JstCoordinator, teryt: apps[1].JstTeryt).PostAsync($"/api/v1/applications/{apps[1].Id}/confirm", null);

        Assert.Equal(ApplicationStatus.Confirmed, (await confirmed.ShouldBeAsync<ApplicationView>(HttpStatusCode.OK)).Status);
        await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict");
    }

    /// <summary>Applicants arrive one after another, so their order is known.</summary>
    private async Task<(RecruitmentView Recruitment, List<ApplicationView> Applications)> FillAsync(int capacity, int applicants)
    {
        var recruitment = await EnrollmentSteps.OpenAsync(api, capacity: capacity);
        var applications = new List<ApplicationView>();
        foreach (var teryt in EnrollmentSteps.Gminas(applicants, skip: 1000))
        {
            applications.Add(await (await EnrollmentSteps.ApplyAsync(api, recruitment.Id, teryt)).ShouldBeAsync<ApplicationView>(HttpStatusCode.Created));
        }

        return (recruitment, applications);
    }

    private async Task<Dictionary<Guid, Application>> StatesAsync(Guid recruitmentId)
    {
        await using var db = api.Db();
        return await db.Context.Set<Application>().AsNoTracking().Where(a => a.RecruitmentId == recruitmentId).ToDictionaryAsync(a => a.Id);
    }
}
