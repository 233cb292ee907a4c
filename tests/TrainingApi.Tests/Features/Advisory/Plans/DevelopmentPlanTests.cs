using System.Net;
using TrainingApi.Common.Http;
using TrainingApi.Common.Security;
using TrainingApi.Features.Advisory.Plans;
using TrainingApi.Tests.Features.Curriculum;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.Advisory.Plans;

/// <summary>Goals and actions of a development plan, their links, statuses and deadlines.</summary>
public sealed class DevelopmentPlanTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly AdvisorySteps steps = new(api);

    [Fact]
    public async Task A_goal_links_to_areas_and_guideline_sections_and_an_action_is_added_later()
    {
        var curriculum = new CurriculumSteps(steps.Team);
        var version = await curriculum.DraftAsync();
        await curriculum.SectionAsync(version.Id, "wytyczne-2", kind: "advisory-guideline", title: "Diagnoza");
        var (engagement, advisor, _) = await steps.EngagementAsync(skip: 0, guidelinesVersionId: version.Id);
        await AdvisorySteps.DiagnoseAsync(advisor, engagement.Id);
        (await AdvisorySteps.MoveAsync(advisor, engagement.Id, "plan")).EnsureSuccessStatusCode();

        var goal = await (await AdvisorySteps.GoalAsync(advisor, engagement.Id, anchors: ["wytyczne-2"])).ShouldBeAsync<PlanGoalView>(HttpStatusCode.Created);
        var action = await (await advisor.PostJsonAsync($"/api/v1/plan-goals/{goal.Id}/actions",
            new { title = "Szkolenie sekretariatów", owner = "CUW", ownedByCoordinator = false, deadline = "2099-06-30" })).ShouldBeAsync<PlanActionView>(HttpStatusCode.Created);
        var plan = await (await advisor.GetAsync($"/api/v1/engagements/{engagement.Id}/plan")).ShouldBeAsync<PlanView>(HttpStatusCode.OK);

        Assert.Equal(["wytyczne-2"], goal.GuidelineAnchors);
        Assert.Equal((1, 2, 0), (plan.Goals.Count, plan.Actions, plan.Overdue));
        Assert.Contains(plan.Goals[0].Actions, a => a.Id == action.Id && a.Status == ActionStatus.Planned);
    }

    [Fact]
    public async Task Unknown_areas_anchors_and_the_wrong_stage_are_refused()
    {
        var (engagement, advisor, _) = await steps.EngagementAsync(skip: 1);

        var tooEarly = await AdvisorySteps.GoalAsync(advisor, engagement.Id);
        await AdvisorySteps.DiagnoseAsync(advisor, engagement.Id);
        (await AdvisorySteps.MoveAsync(advisor, engagement.Id, "plan")).EnsureSuccessStatusCode();
        var noGuidelines = await AdvisorySteps.GoalAsync(advisor, engagement.Id, anchors: ["wytyczne-1"]);
        var badArea = await advisor.PostJsonAsync($"/api/v1/engagements/{engagement.Id}/plan/goals", new { title = "X", areas = new[] { "kosmos" } });

        Assert.Equal("stage-does-not-allow", (await tooEarly.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict")).GetProperty("code").GetString());
        Assert.Equal("unknown-guideline-anchor", (await noGuidelines.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "unprocessable-content")).GetProperty("code").GetString());
        await badArea.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.Empty((await (await advisor.GetAsync($"/api/v1/engagements/{engagement.Id}/plan")).ShouldBeAsync<PlanView>(HttpStatusCode.OK)).Goals);
    }

    [Fact]
    public async Task The_coordinator_updates_only_the_actions_assigned_to_it()
    {
        var (engagement, advisor, teryt) = await steps.EngagementAsync(skip: 2);
        await AdvisorySteps.ToSupportAsync(advisor, engagement.Id, coordinatorAction: true);
        var plan = await (await advisor.GetAsync($"/api/v1/engagements/{engagement.Id}/plan")).ShouldBeAsync<PlanView>(HttpStatusCode.OK);
        var assigned = plan.Goals[0].Actions[0];
        var other = await (await advisor.PostJsonAsync($"/api/v1/plan-goals/{plan.Goals[0].Id}/actions",
            new { title = "Zadanie doradcy", owner = "Doradca", ownedByCoordinator = false, deadline = "2099-01-01" })).ShouldBeAsync<PlanActionView>(HttpStatusCode.Created);
        var coordinator = api.ClientAs(Roles.JstCoordinator, teryt: teryt);
        var stranger = api.ClientAs(Roles.JstCoordinator, teryt: "1061");

        var done = await PutStatusAsync(coordinator, assigned.Id, "done");
        var notMine = await PutStatusAsync(coordinator, other.Id, "done");
        var foreign = await PutStatusAsync(stranger, assigned.Id, "in-progress");
        var noEtag = await coordinator.SendAsync(AdvisorySteps.WithIfMatch(HttpMethod.Put, $"/api/v1/plan-actions/{assigned.Id}/status", new { status = "done" }, null));

        Assert.Equal(ActionStatus.Done, (await done.ShouldBeAsync<PlanActionView>(HttpStatusCode.OK)).Status);
        Assert.Equal("action-not-yours", (await notMine.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden")).GetProperty("code").GetString());
        await foreign.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await noEtag.ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired, "precondition-required");
        var after = await (await advisor.GetAsync($"/api/v1/engagements/{engagement.Id}/plan")).ShouldBeAsync<PlanView>(HttpStatusCode.OK);
        Assert.Equal(1, after.Done);
        await (await coordinator.PostJsonAsync($"/api/v1/engagements/{engagement.Id}/plan/goals", new { title = "X", areas = new[] { "dane" } }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Actions_past_their_deadline_are_listed_as_overdue_until_done()
    {
        var (engagement, advisor, teryt) = await steps.EngagementAsync(skip: 3);
        await AdvisorySteps.ToSupportAsync(advisor, engagement.Id, coordinatorAction: true, deadline: "2024-01-31");

        var overdue = await (await advisor.GetAsync("/api/v1/plan-actions/overdue")).ShouldBeAsync<Page<ListOverdueActions.OverdueAction>>(HttpStatusCode.OK);
        var forCoordinator = await (await api.ClientAs(Roles.JstCoordinator, teryt: teryt).GetAsync("/api/v1/plan-actions/overdue"))
            .ShouldBeAsync<Page<ListOverdueActions.OverdueAction>>(HttpStatusCode.OK);
        var forOtherAdvisor = await (await api.ClientAs(Roles.Advisor, subject: (await steps.AdvisorAsync()).Subject).GetAsync("/api/v1/plan-actions/overdue"))
            .ShouldBeAsync<Page<ListOverdueActions.OverdueAction>>(HttpStatusCode.OK);
        var action = Assert.Single(overdue.Items).Action;
        (await PutStatusAsync(advisor, action.Id, "done")).EnsureSuccessStatusCode();
        var afterwards = await (await advisor.GetAsync("/api/v1/plan-actions/overdue")).ShouldBeAsync<Page<ListOverdueActions.OverdueAction>>(HttpStatusCode.OK);

        Assert.True(action.Overdue);
        Assert.Single(forCoordinator.Items);
        Assert.Empty(forOtherAdvisor.Items);
        Assert.Empty(afterwards.Items);
    }

    private static async Task<HttpResponseMessage> PutStatusAsync(HttpClient client, Guid actionId, string status)
    {
        var read = await client.GetAsync($"/api/v1/plan-actions/{actionId}");
        var etag = read.IsSuccessStatusCode ? read.Headers.ETag : new System.Net.Http.Headers.EntityTagHeaderValue("\"1\"");
        return await client.SendAsync(AdvisorySteps.WithIfMatch(HttpMethod.Put, $"/api/v1/plan-actions/{actionId}/status", new { status, note = "Zrobione." }, etag));
    }
}
