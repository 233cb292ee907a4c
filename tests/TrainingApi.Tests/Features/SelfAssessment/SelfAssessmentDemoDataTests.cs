using System.Net;
using TrainingApi.Common.Http;
using TrainingApi.Common.Security;
using TrainingApi.Features.SelfAssessment;
using TrainingApi.Features.SelfAssessment.Rounds;
using TrainingApi.Tests.Features.Curriculum;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.SelfAssessment;

/// <summary>The demo a newcomer finds: rural gminas of Małopolska that assessed themselves, one round too small and one still open.</summary>
public sealed class SelfAssessmentDemoDataTests(CurriculumDemoDataTests.DemoFactory api) : IClassFixture<CurriculumDemoDataTests.DemoFactory>
{
    [Fact]
    public async Task The_tour_JST_has_a_closed_round_with_results_and_the_rest_show_every_state()
    {
        var rounds = await (await api.ClientAs(Roles.ProgrammeTeam).GetAsync("/api/v1/self-assessments?limit=50")).ShouldBeAsync<Page<SelfAssessmentView>>(HttpStatusCode.OK);
        var tour = await (await api.ClientAs(Roles.JstCoordinator, SelfAssessmentDemoData.TourTeryt).GetAsync("/api/v1/self-assessments"))
            .ShouldBeAsync<Page<SelfAssessmentView>>(HttpStatusCode.OK);

        Assert.Equal(9, rounds.Items.Count);
        Assert.Equal(7, rounds.Items.Count(r => r.Results?.Shown == true));
        Assert.Single(rounds.Items, r => r.Results is { Shown: false });
        Assert.Single(rounds.Items, r => r.Status == SelfAssessmentStatus.Open && r.Progress.Submitted == 1);
        var round = Assert.Single(tour.Items);
        Assert.Equal(("gmina-wiejska", 9), (round.JstKind, round.Results!.Respondents));
        Assert.NotNull(round.Results.Overall);
        Assert.Equal(["education-department", "school-head", "it"], round.Results.Roles.Select(r => r.Role));
    }
}
