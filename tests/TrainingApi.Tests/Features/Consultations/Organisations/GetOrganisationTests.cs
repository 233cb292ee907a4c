using System.Net;
using TrainingApi.Common.Security;
using TrainingApi.Features.Consultations.Organisations;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.Consultations.Organisations;

public sealed class GetOrganisationTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task The_team_reads_any_seeded_association()
    {
        var zmp = await (await api.ClientAs(Roles.ProgrammeTeam).GetAsync($"/api/v1/organisations/{SeededOrganisations.Zmp}"))
            .ShouldBeAsync<OrganisationView>(HttpStatusCode.OK);

        Assert.Equal("Związek Miast Polskich", zmp.Name);
        Assert.True(zmp.IsProjectPartner);
        Assert.Equal(OrganisationKind.NationalAssociation, zmp.Kind);
    }

    [Fact]
    public async Task A_partner_reads_its_own_organisation()
    {
        var partner = await api.PartnerClientAsync(SeededOrganisations.Zmp);

        var own = await (await partner.GetAsync($"/api/v1/organisations/{SeededOrganisations.Zmp}")).ShouldBeAsync<OrganisationView>(HttpStatusCode.OK);

        Assert.Equal(SeededOrganisations.Zmp, own.Id);
    }

    [Fact]
    public async Task Another_organisation_is_a_404_for_a_partner_exactly_like_one_that_does_not_exist()
    {
        var partner = await api.PartnerClientAsync(SeededOrganisations.Zmp);

        var other = await partner.GetAsync($"/api/v1/organisations/{SeededOrganisations.Zpp}");
        var missing = await partner.GetAsync($"/api/v1/organisations/{Guid.NewGuid()}");

        var otherProblem = await other.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await missing.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        Assert.DoesNotContain("Powiatów", otherProblem.GetRawText(), StringComparison.Ordinal);
    }
}
