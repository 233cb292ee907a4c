using System.Net;
using TrainingApi.Features.Advisory.Engagements;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.Advisory.Engagements;

public sealed class MoveEngagementStageTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly AdvisorySteps steps = new(api);

    [Fact]
    public async Task Each_stage_needs_its_evidence_and_stages_go_one_at_a_time()
    {
        var (engagement, advisor, _) = await steps.EngagementAsync(skip: 0);
        var id = engagement.Id;

        await Expect("plan", "initial-diagnosis-missing");
        await Expect("support", "stage-order");
        await AdvisorySteps.DiagnoseAsync(advisor, id);
        await Moves("plan");
        await Expect("support", "plan-empty");
        (await AdvisorySteps.GoalAsync(advisor, id)).EnsureSuccessStatusCode();
        await Moves("support");
        await Expect("closure", "no-sessions");
        (await AdvisorySteps.SessionAsync(advisor, id)).EnsureSuccessStatusCode();
        await Moves("closure");
        await Expect("closed", "closing-diagnosis-missing");
        await AdvisorySteps.DiagnoseAsync(advisor, id, "closing");
        var closed = await Moves("closed");
        await Expect("diagnosis", "engagement-closed");

        Assert.Equal(EngagementStage.Closed, closed.Stage);
        var session = await AdvisorySteps.SessionAsync(advisor, id);
        Assert.Equal("engagement-closed", (await session.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict")).GetProperty("code").GetString());

        async Task Expect(string to, string code) =>
            Assert.Equal(code, (await (await AdvisorySteps.MoveAsync(advisor, id, to)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict")).GetProperty("code").GetString());

        async Task<EngagementView> Moves(string to) => await (await AdvisorySteps.MoveAsync(advisor, id, to)).ShouldBeAsync<EngagementView>(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_unknown_stage_is_a_400_and_an_unknown_engagement_a_404()
    {
        var (engagement, advisor, _) = await steps.EngagementAsync(skip: 1);

        await (await AdvisorySteps.MoveAsync(advisor, engagement.Id, "done")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "malformed-request");
        await (await AdvisorySteps.MoveAsync(advisor, Guid.NewGuid(), "plan")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }
}
