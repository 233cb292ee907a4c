using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingApi.Features.SelfAssessment.Rounds;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.SelfAssessment.Rounds;

public sealed class RoundDeadlineSweeperTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly SelfAssessmentSteps steps = new(api);

    [Fact]
    public async Task A_round_past_its_deadline_closes_once_with_its_results_and_its_links_die()
    {
        var (round, coordinator) = await steps.StartAsync();
        var links = await SelfAssessmentSteps.InviteAsync(coordinator, round.Id, "it", "it", "it", "it");
        for (var i = 0; i < 3; i++)
        {
            (await steps.SubmitAsync(links.Invitations[i].Token, SelfAssessmentSteps.Answers(2 + i))).EnsureSuccessStatusCode();
        }

        await using (var db = api.Db())
        {
            await db.Context.Set<AssessmentRound>().Where(r => r.Id == round.Id).ExecuteUpdateAsync(u => u.SetProperty(r => r.Deadline, DateTimeOffset.UtcNow.AddSeconds(-1)));
        }

        // The link dies with the deadline, before any sweep.
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await steps.Respondent().GetAsync($"/api/v1/self-assessment-links/{links.Invitations[3].Token}")).StatusCode);
        var sweeper = api.Services.GetRequiredService<RoundDeadlineSweeper>();
        var swept = await Task.WhenAll(sweeper.SweepAsync(CancellationToken.None), sweeper.SweepAsync(CancellationToken.None));

        Assert.Equal(1, swept.Sum());
        var closed = await (await coordinator.GetAsync($"/api/v1/self-assessments/{round.Id}")).ShouldBeAsync<SelfAssessmentView>(System.Net.HttpStatusCode.OK);
        Assert.Equal((SelfAssessmentStatus.Closed, true, 3.00m), (closed.Status, closed.ClosedAtDeadline, closed.Results!.Overall));
    }
}
