using System.Net;
using TrainingApi.Common.Security;
using TrainingApi.Features.MaterialsHandover.Adoptions;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.MaterialsHandover.Adoptions;

public sealed class GetAdoptionTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HandoverSteps steps = new(api);

    [Fact]
    public async Task The_adopting_coordinator_reads_its_adoption_with_its_contact_another_JST_gets_a_404_the_Ministry_no_contact()
    {
        var (version, _, _) = await steps.TestedVersionAsync();
        var release = await steps.PublishAsync((await steps.DraftAsync(version.Id)).Id);
        var lodz = api.ClientAs(Roles.JstCoordinator, teryt: "1061");
        var created = await (await lodz.PostJsonAsync($"/api/v1/releases/{release.Id}/adoptions", new
        {
            project = "Cyfrowa Łódź", call = "Konkurs MEN 2025", contact = new { name = "Ewa Zielińska", email = "ewa.zielinska@uml.lodz.pl" },
        })).ShouldBeAsync<AdoptionView>(HttpStatusCode.Created);
        var url = $"/api/v1/adoptions/{created.Id}";

        var own = await (await lodz.GetAsync(url)).ShouldBeAsync<AdoptionView>(HttpStatusCode.OK);
        var warsaw = await api.ClientAs(Roles.JstCoordinator, teryt: "1465").GetAsync(url);
        var forMinistry = await (await api.ClientAs(Roles.Ministry).GetAsync(url)).ShouldBeAsync<AdoptionView>(HttpStatusCode.OK);
        var missing = await lodz.GetAsync($"/api/v1/adoptions/{Guid.NewGuid()}");

        Assert.Equal((created.Id, "Cyfrowa Łódź", "ewa.zielinska@uml.lodz.pl"), (own.Id, own.Project, own.Contact!.Email));
        await warsaw.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        Assert.Null(forMinistry.Contact);
        await missing.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }
}
