using System.Net;
using TrainingApi.Common.Security;
using TrainingApi.Features.Curriculum.LegalActs;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.Curriculum.LegalActs;

public sealed class GetLegalActTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient team = api.ClientAs(Roles.ProgrammeTeam);

    [Fact]
    public async Task Any_role_reads_an_act_and_after_an_amendment_its_date_and_a_new_ETag()
    {
        var act = await new CurriculumSteps(team).ActAsync("Dz.U. 2021 poz. 1082", "Ustawa o samorządzie gminnym");
        var url = $"/api/v1/legal-acts/{act.Id}";
        var tag = await ConditionalGets.AssertAnswers304Async(team, url);

        var partner = await api.PartnerClientAsync(TrainingApi.Features.Consultations.Organisations.SeededOrganisations.Zmp);
        var read = await (await partner.GetAsync(url)).ShouldBeAsync<LegalActView>(HttpStatusCode.OK);
        Assert.Equal((act.Id, "Dz.U. 2021 poz. 1082", null), (read.Id, read.Citation, read.LastAmendedOn));

        (await team.PostJsonAsync($"{url}/amendments", new { amendedOn = "2024-03-01" })).EnsureSuccessStatusCode();
        var amended = await (await team.GetAsync(url)).ShouldBeAsync<LegalActView>(HttpStatusCode.OK);
        Assert.Equal(new DateOnly(2024, 3, 1), amended.LastAmendedOn);
        Assert.Equal(HttpStatusCode.OK, await ConditionalGets.GetIfNoneMatchAsync(team, url, tag));
    }

    [Fact]
    public async Task An_act_not_in_the_register_is_a_404_problem() =>
        await (await team.GetAsync($"/api/v1/legal-acts/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
}
