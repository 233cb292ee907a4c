using System.Net;
using TrainingApi.Common.Security;
using TrainingApi.Common.Security.ApiKeys;
using TrainingApi.Features.Consultations.Organisations;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Common.Security;

public sealed class GetApiKeyTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient team = api.ClientAs(Roles.ProgrammeTeam);

    [Fact]
    public async Task The_team_reads_an_issued_key_without_its_secret_and_sees_it_revoked()
    {
        var issued = await (await team.PostJsonAsync($"/api/v1/organisations/{SeededOrganisations.Zmp}/api-keys", new { name = "System uwag ZMP" }))
            .ShouldBeAsync<IssuedApiKey>(HttpStatusCode.Created);
        var url = $"/api/v1/organisations/{SeededOrganisations.Zmp}/api-keys/{issued.Key.Id}";

        var read = await team.GetAsync(url);
        var text = await read.Content.ReadAsStringAsync();
        (await team.DeleteAsync(url)).EnsureSuccessStatusCode();
        var revoked = await (await team.GetAsync(url)).ShouldBeAsync<ApiKeyView>(HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Contains(issued.Key.Prefix, text, StringComparison.Ordinal);
        Assert.DoesNotContain(issued.Secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal((issued.Key.Id, false), (revoked.Id, revoked.Active));
        Assert.NotNull(revoked.RevokedAt);
    }

    [Fact]
    public async Task A_key_asked_for_under_another_organisation_is_a_404_and_a_partner_may_not_read_keys()
    {
        var issued = await (await team.PostJsonAsync($"/api/v1/organisations/{SeededOrganisations.Zmp}/api-keys", new { name = "Klucz ZMP" }))
            .ShouldBeAsync<IssuedApiKey>(HttpStatusCode.Created);
        var partner = api.ClientWithKey(issued.Secret);

        await (await team.GetAsync($"/api/v1/organisations/{SeededOrganisations.Zpp}/api-keys/{issued.Key.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await partner.GetAsync($"/api/v1/organisations/{SeededOrganisations.Zmp}/api-keys/{issued.Key.Id}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }
}
