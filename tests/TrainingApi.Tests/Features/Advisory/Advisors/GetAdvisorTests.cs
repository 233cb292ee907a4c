using System.Net;
using TrainingApi.Common.Security;
using TrainingApi.Features.Advisory.Advisors;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.Advisory.Advisors;

public sealed class GetAdvisorTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly AdvisorySteps steps = new(api);

    [Fact]
    public async Task The_team_reads_an_advisor_with_their_load_and_a_new_engagement_changes_the_ETag()
    {
        var advisor = await steps.AdvisorAsync(capacity: 4);
        var url = $"/api/v1/advisors/{advisor.Id}";
        var tag = await ConditionalGets.AssertAnswers304Async(steps.Team, url);

        var (recruitment, jst) = await steps.PilotAsync(1, skip: 0);
        (await steps.AssignAsync(recruitment.Id, jst[0], advisor.Id)).EnsureSuccessStatusCode();
        var read = await (await steps.Team.GetAsync(url)).ShouldBeAsync<AdvisorView>(HttpStatusCode.OK);

        Assert.Equal((advisor.Id, advisor.Subject, 4, 1), (read.Id, read.Subject, read.Capacity, read.ActiveEngagements));
        Assert.Equal(HttpStatusCode.OK, await ConditionalGets.GetIfNoneMatchAsync(steps.Team, url, tag));
    }

    [Fact]
    public async Task An_unknown_advisor_is_a_404_and_an_advisor_may_not_read_the_register()
    {
        var advisor = await steps.AdvisorAsync();

        await (await steps.Team.GetAsync($"/api/v1/advisors/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await api.ClientAs(Roles.Advisor, subject: advisor.Subject).GetAsync($"/api/v1/advisors/{advisor.Id}"))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }
}
