using System.Net;
using TrainingApi.Common.Http;
using TrainingApi.Common.Security;
using TrainingApi.Features.Advisory;
using TrainingApi.Features.Advisory.Advisors;
using TrainingApi.Features.Advisory.Engagements;
using TrainingApi.Tests.Features.Curriculum;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.Advisory;

/// <summary>The demo a newcomer finds: two advisors and three engagements at different stages.</summary>
public sealed class AdvisoryDemoDataTests(CurriculumDemoDataTests.DemoFactory api) : IClassFixture<CurriculumDemoDataTests.DemoFactory>
{
    [Fact]
    public async Task Two_advisors_and_three_engagements_at_different_stages()
    {
        var team = api.ClientAs(Roles.ProgrammeTeam);

        var advisors = await (await team.GetAsync("/api/v1/advisors")).ShouldBeAsync<Page<AdvisorView>>(HttpStatusCode.OK);
        var engagements = await (await team.GetAsync("/api/v1/engagements")).ShouldBeAsync<Page<EngagementView>>(HttpStatusCode.OK);
        var marta = await (await api.ClientAs(Roles.Advisor, subject: AdvisoryDemoData.FirstAdvisorSubject).GetAsync("/api/v1/engagements"))
            .ShouldBeAsync<Page<EngagementView>>(HttpStatusCode.OK);

        Assert.Equal(2, advisors.Items.Count);
        Assert.Equal([EngagementStage.Diagnosis, EngagementStage.Plan, EngagementStage.Support], engagements.Items.Select(e => e.Stage).Order());
        Assert.Equal(2, marta.Items.Count);
        Assert.Contains(engagements.Items, e => e.HoursUsed > 0);
    }
}
