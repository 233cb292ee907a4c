using System.Net;
using TrainingApi.Features.SelfAssessment.Invitations;
using TrainingApi.Features.SelfAssessment.Rounds;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.SelfAssessment.Invitations;

public sealed class RevokeInvitationTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly SelfAssessmentSteps steps = new(api);

    [Fact]
    public async Task A_revoked_link_stops_at_once_and_a_submitted_one_cannot_be_revoked()
    {
        var (round, coordinator) = await steps.StartAsync();
        var links = await SelfAssessmentSteps.InviteAsync(coordinator, round.Id, "it", "finance");
        (await steps.SubmitAsync(links.Invitations[1].Token, SelfAssessmentSteps.Answers(2))).EnsureSuccessStatusCode();
        var url = $"/api/v1/self-assessments/{round.Id}/invitations";

        var revoked = await (await coordinator.PostAsync($"{url}/{links.Invitations[0].Id}/revoke", null)).ShouldBeAsync<InvitationView>(HttpStatusCode.OK);
        var again = await (await coordinator.PostAsync($"{url}/{links.Invitations[0].Id}/revoke", null)).ShouldBeAsync<InvitationView>(HttpStatusCode.OK);
        var submitted = await (await coordinator.PostAsync($"{url}/{links.Invitations[1].Id}/revoke", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict");
        var unknown = await coordinator.PostAsync($"{url}/{Guid.NewGuid()}/revoke", null);

        Assert.Equal((InvitationStatus.Revoked, InvitationStatus.Revoked), (revoked.Status, again.Status));
        Assert.Equal("invitation-submitted", submitted.GetProperty("code").GetString());
        await unknown.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await steps.Respondent().GetAsync($"/api/v1/self-assessment-links/{links.Invitations[0].Token}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        var progress = (await (await coordinator.GetAsync($"/api/v1/self-assessments/{round.Id}")).ShouldBeAsync<SelfAssessmentView>(HttpStatusCode.OK)).Progress;
        Assert.Equal((1, 1, 1), (progress.Invited, progress.Submitted, progress.Revoked));
    }
}
