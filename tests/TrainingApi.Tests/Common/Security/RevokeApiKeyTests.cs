using System.Net;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Security;
using TrainingApi.Common.Security.ApiKeys;
using TrainingApi.Features.Consultations.Organisations;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Common.Security;

public sealed class RevokeApiKeyTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient team = api.ClientAs(Roles.ProgrammeTeam);

    [Fact]
    public async Task A_revoked_key_is_refused_at_once_and_stays_listed_as_revoked()
    {
        var issued = await IssueAsync();
        var partner = api.ClientWithKey(issued.Secret);
        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync($"/api/v1/organisations/{SeededOrganisations.Zmp}")).StatusCode);

        var revoke = await team.DeleteAsync($"/api/v1/organisations/{SeededOrganisations.Zmp}/api-keys/{issued.Key.Id}");

        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        var problem = await (await partner.GetAsync($"/api/v1/organisations/{SeededOrganisations.Zmp}")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Contains("revoked", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var keys = await (await team.GetAsync($"/api/v1/organisations/{SeededOrganisations.Zmp}/api-keys")).ShouldBeAsync<List<ApiKeyView>>(HttpStatusCode.OK);
        var listed = Assert.Single(keys, k => k.Id == issued.Key.Id);
        Assert.False(listed.Active);
        Assert.NotNull(listed.RevokedAt);
    }

    [Fact]
    public async Task Revoking_twice_changes_nothing()
    {
        var issued = await IssueAsync();
        (await team.DeleteAsync($"/api/v1/organisations/{SeededOrganisations.Zmp}/api-keys/{issued.Key.Id}")).EnsureSuccessStatusCode();
        await using var before = api.Db();
        var firstRevocation = (await before.Context.Set<ApiKey>().AsNoTracking().SingleAsync(k => k.Id == issued.Key.Id)).RevokedAt;

        var again = await team.DeleteAsync($"/api/v1/organisations/{SeededOrganisations.Zmp}/api-keys/{issued.Key.Id}");

        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        await using var after = api.Db();
        Assert.Equal(firstRevocation, (await after.Context.Set<ApiKey>().AsNoTracking().SingleAsync(k => k.Id == issued.Key.Id)).RevokedAt);
    }

    [Fact]
    public async Task An_expired_key_is_refused()
    {
        var issued = await IssueAsync();
        await using (var db = api.Db())
        {
            await db.Context.Set<ApiKey>().Where(k => k.Id == issued.Key.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1)));
        }

        var response = await api.ClientWithKey(issued.Secret).GetAsync($"/api/v1/organisations/{SeededOrganisations.Zmp}");

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Theory]
    [InlineData("tapi.0123456789abcdef.c2VjcmV0LXRoYXQtd2FzLW5ldmVyLWlzc3VlZA")]
    [InlineData("not-a-key")]
    [InlineData("tapi..")]
    public async Task An_unknown_or_malformed_key_is_refused(string key)
    {
        var response = await api.ClientWithKey(key).GetAsync($"/api/v1/organisations/{SeededOrganisations.Zmp}");

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task A_known_prefix_with_a_wrong_secret_is_refused()
    {
        var issued = await IssueAsync();

        var response = await api.ClientWithKey($"tapi.{issued.Key.Prefix}.d3Jvbmctc2VjcmV0LWZvci1hLXJlYWwtcHJlZml4").GetAsync($"/api/v1/organisations/{SeededOrganisations.Zmp}");

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task A_key_of_another_organisation_or_an_unknown_key_id_is_a_404_problem()
    {
        var issued = await IssueAsync();

        var wrongOrganisation = await team.DeleteAsync($"/api/v1/organisations/{SeededOrganisations.Zpp}/api-keys/{issued.Key.Id}");
        var unknown = await team.DeleteAsync($"/api/v1/organisations/{SeededOrganisations.Zmp}/api-keys/{Guid.NewGuid()}");

        await wrongOrganisation.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await unknown.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        Assert.Equal(HttpStatusCode.OK, (await api.ClientWithKey(issued.Secret).GetAsync($"/api/v1/organisations/{SeededOrganisations.Zmp}")).StatusCode);
    }

    private async Task<IssuedApiKey> IssueAsync() =>
        await (await team.PostJsonAsync($"/api/v1/organisations/{SeededOrganisations.Zmp}/api-keys", new { name = "do unieważnienia" }))
            .ShouldBeAsync<IssuedApiKey>(HttpStatusCode.Created);
}
