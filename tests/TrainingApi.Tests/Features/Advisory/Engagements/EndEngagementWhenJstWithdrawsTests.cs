using System.Net;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Security;
using TrainingApi.Features.Advisory.Engagements;
using TrainingApi.Features.PilotEnrollment.Applications;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.Advisory.Engagements;

/// <summary>A JST that withdraws from the pilot ends its engagement, in the same transaction, and frees its advisor.</summary>
public sealed class EndEngagementWhenJstWithdrawsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly AdvisorySteps steps = new(api);

    [Fact]
    public async Task Withdrawing_closes_the_engagement_keeps_its_work_and_frees_the_advisor()
    {
        var (recruitment, jst) = await steps.PilotAsync(2, skip: 200);
        var advisor = await steps.AdvisorAsync(capacity: 1);
        var engagement = await (await steps.AssignAsync(recruitment.Id, jst[0], advisor.Id)).ShouldBeAsync<EngagementView>(HttpStatusCode.Created);
        var advisorClient = api.ClientAs(Roles.Advisor, subject: advisor.Subject);
        await AdvisorySteps.DiagnoseAsync(advisorClient, engagement.Id);
        Assert.Equal(HttpStatusCode.Conflict, (await steps.AssignAsync(recruitment.Id, jst[1], advisor.Id)).StatusCode);

        var application = await ApplicationOfAsync(recruitment.Id, jst[0]);
        (await api.ClientAs(Roles.JstCoordinator, teryt: jst[0]).PostJsonAsync($"/api/v1/applications/{application}/withdraw", new { reason = "Rezygnacja z pilotażu." }))
            .EnsureSuccessStatusCode();

        var ended = await (await steps.Team.GetAsync($"/api/v1/engagements/{engagement.Id}")).ShouldBeAsync<EngagementView>(HttpStatusCode.OK);
        Assert.Equal((EngagementStage.Closed, "jst-withdrew"), (ended.Stage, ended.ClosedReason));
        Assert.Contains("\"initial\"", await (await advisorClient.GetAsync($"/api/v1/engagements/{engagement.Id}/diagnoses")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The advisor's only place is free again.
        (await steps.AssignAsync(recruitment.Id, jst[1], advisor.Id)).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task Withdrawing_a_jst_without_an_engagement_or_from_another_pilot_leaves_engagements_alone()
    {
        var (first, firstJst) = await steps.PilotAsync(1, skip: 210);
        var (second, _) = await steps.PilotAsync(0, skip: 0);
        var advisor = await steps.AdvisorAsync();
        var engagement = await (await steps.AssignAsync(first.Id, firstJst[0], advisor.Id)).ShouldBeAsync<EngagementView>(HttpStatusCode.Created);
        // The same JST also applied to a second recruitment, and withdraws from that one only.
        var other = await (await PilotEnrollmentApplyAsync(second.Id, firstJst[0])).ShouldBeAsync<ApplicationView>(HttpStatusCode.Created);

        (await api.ClientAs(Roles.JstCoordinator, teryt: firstJst[0]).PostJsonAsync($"/api/v1/applications/{other.Id}/withdraw", new { reason = "Zostajemy w pierwszej grupie." }))
            .EnsureSuccessStatusCode();

        await using var db = api.Db();
        var stored = await db.Context.Set<Engagement>().SingleAsync(e => e.Id == engagement.Id);
        Assert.Equal((EngagementStage.Diagnosis, (string?)null), (stored.Stage, stored.ClosedReason));
    }

    private Task<HttpResponseMessage> PilotEnrollmentApplyAsync(Guid recruitmentId, string teryt) =>
        PilotEnrollment.EnrollmentSteps.ApplyAsync(api, recruitmentId, teryt);

    private async Task<Guid> ApplicationOfAsync(Guid recruitmentId, string teryt)
    {
        await using var db = api.Db();
        return await db.Context.Set<Application>().Where(a => a.RecruitmentId == recruitmentId && a.JstTeryt == teryt).Select(a => a.Id).SingleAsync();
    }
}
