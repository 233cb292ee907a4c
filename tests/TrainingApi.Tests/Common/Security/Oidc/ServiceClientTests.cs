using System.Net;
using TrainingApi.Common.Security;
using TrainingApi.Common.Security.ApiKeys;
using TrainingApi.Features.Consultations.Organisations;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Common.Security.Oidc;

/// <summary>
/// The Ministry's automated export signs in with client credentials: its token names no person and carries no role, and the
/// API gives it `ministry` from its client id (Auth:ClientRoles). Partner systems keep their API keys beside the provider.
/// </summary>
[Collection(OidcFixture.Collection)]
public sealed class ServiceClientTests(OidcFixture oidc)
{
    [Fact]
    public async Task A_client_credentials_token_of_the_ministry_export_has_the_ministry_role()
    {
        var api = await oidc.ApiAsync("flat");
        var export = api.ClientWithToken(await oidc.Provider.ServiceTokenAsync());

        Assert.Equal(HttpStatusCode.OK, (await export.GetAsync("/api/v1/handovers")).StatusCode);
        await (await export.GetAsync("/api/v1/organisations")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task The_role_comes_from_the_apis_configuration_not_from_the_token()
    {
        await using var mappedElsewhere = await OidcFixture.StartAsync(new OidcApiFactory(oidc.Provider, new Dictionary<string, string?>
        {
            [$"Auth:ClientRoles:{OidcProviderServer.ServiceClient}"] = Roles.Expert,
        }));
        var export = mappedElsewhere.ClientWithToken(await oidc.Provider.ServiceTokenAsync());

        await (await export.GetAsync("/api/v1/handovers")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.OK, (await export.GetAsync("/api/v1/sections-to-review")).StatusCode);
    }

    [Fact]
    public async Task A_partner_api_key_still_works_with_the_provider_configured()
    {
        var api = await oidc.ApiAsync("flat");
        var team = await api.SignedInAsync("team");
        var issued = await (await team.PostJsonAsync($"/api/v1/organisations/{SeededOrganisations.Zmp}/api-keys", new { name = "ZMP export" }))
            .ShouldBeAsync<IssuedApiKey>(HttpStatusCode.Created);

        var response = await api.ClientWithKey(issued.Secret).GetAsync("/api/v1/organisations");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
