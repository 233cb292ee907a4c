using System.Net;
using TrainingApi.Common.Http;
using TrainingApi.Common.Security;
using TrainingApi.Features.Consultations.Organisations;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.Consultations.Organisations;

public sealed class ListOrganisationsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task The_six_national_associations_are_registered_from_the_start()
    {
        var page = await (await api.ClientAs(Roles.Expert).GetAsync("/api/v1/organisations?kind=national-association"))
            .ShouldBeAsync<Page<OrganisationView>>(HttpStatusCode.OK);

        Assert.Equal(["ZMP", "ZPP", "ZGWRP", "UMP", "UMiP", "ZWRP"], page.Items.Select(o => o.ShortName));
        Assert.Single(page.Items, o => o.IsProjectPartner);
    }

    [Fact]
    public async Task A_partner_lists_only_its_own_organisation()
    {
        var partner = await api.PartnerClientAsync(SeededOrganisations.Umip);

        var page = await (await partner.GetAsync("/api/v1/organisations")).ShouldBeAsync<Page<OrganisationView>>(HttpStatusCode.OK);

        Assert.Equal([SeededOrganisations.Umip], page.Items.Select(o => o.Id));
    }

    [Fact]
    public async Task An_unknown_kind_is_a_400_problem()
    {
        var response = await api.ClientAs(Roles.ProgrammeTeam).GetAsync("/api/v1/organisations?kind=club");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.Contains("national-association", problem.ErrorsFor("kind")[0], StringComparison.Ordinal);
    }
}
