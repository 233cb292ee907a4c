using System.Net;
using TrainingApi.Common.Security;
using TrainingApi.Features.MaterialsHandover.Handovers;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.MaterialsHandover.Handovers;

public sealed class GetHandoverTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HandoverSteps steps = new(api);

    [Fact]
    public async Task The_team_and_the_Ministry_read_a_handover_and_its_acknowledgement_changes_the_ETag()
    {
        var (version, _, _) = await steps.TestedVersionAsync();
        var release = await steps.PublishAsync((await steps.DraftAsync(version.Id)).Id);
        var handover = await (await steps.Team.PostJsonAsync($"/api/v1/releases/{release.Id}/handovers", new { handedOverOn = "2025-01-20" }))
            .ShouldBeAsync<HandoverView>(HttpStatusCode.Created);
        var ministry = api.ClientAs(Roles.Ministry);
        var url = $"/api/v1/handovers/{handover.Id}";
        var tag = await ConditionalGets.AssertAnswers304Async(ministry, url);

        (await ministry.PostJsonAsync($"{url}/acknowledgement", new { caseNumber = "DPPI-WRP.4012.15.2025", acknowledgedOn = "2025-01-27" })).EnsureSuccessStatusCode();
        var read = await (await steps.Team.GetAsync(url)).ShouldBeAsync<HandoverView>(HttpStatusCode.OK);

        Assert.Equal((handover.Id, release.Id, "DPPI-WRP.4012.15.2025"), (read.Id, read.ReleaseId, read.CaseNumber));
        Assert.Equal(handover.PackageSha256, read.PackageSha256);
        Assert.Equal(HttpStatusCode.OK, await ConditionalGets.GetIfNoneMatchAsync(ministry, url, tag));
    }

    [Fact]
    public async Task An_unknown_handover_is_a_404_and_a_coordinator_may_not_read_handovers()
    {
        await (await steps.Team.GetAsync($"/api/v1/handovers/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await api.ClientAs(Roles.JstCoordinator).GetAsync($"/api/v1/handovers/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }
}
