using System.Net;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Security;
using TrainingApi.Features.Consultations.Organisations;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.Consultations.Organisations;

public sealed class RegisterOrganisationTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient team = api.ClientAs(Roles.ProgrammeTeam);

    [Fact]
    public async Task Registers_a_single_jst_with_its_teryt_code()
    {
        var response = await team.PostJsonAsync("/api/v1/organisations", new { name = "Gmina Miasto Płock", kind = "jst", teryt = "1462011" });

        var created = await response.ShouldBeAsync<OrganisationView>(HttpStatusCode.Created);
        Assert.Equal(OrganisationKind.Jst, created.Kind);
        Assert.Equal($"/api/v1/organisations/{created.Id}", response.Headers.Location?.ToString());
        await using var db = api.Db();
        Assert.Equal("1462011", (await db.Context.Set<Organisation>().SingleAsync(o => o.Id == created.Id)).Teryt);
    }

    [Fact]
    public async Task A_name_already_registered_is_a_409_problem()
    {
        var response = await team.PostJsonAsync("/api/v1/organisations", new { name = "Związek Miast Polskich", kind = "national-association" });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict");
        Assert.Equal("organisation-exists", problem.GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("""{"name":"Gmina bez kodu","kind":"jst"}""", "teryt")]
    [InlineData("""{"name":"Gmina zły kod","kind":"jst","teryt":"12345"}""", "teryt")]
    [InlineData("""{"name":"Stowarzyszenie z kodem","kind":"other","teryt":"1462011"}""", "teryt")]
    [InlineData("""{"name":"","kind":"other"}""", "name")]
    public async Task Invalid_registrations_are_400_problems_and_store_nothing(string body, string field)
    {
        await using var before = api.Db();
        var count = await before.Context.Set<Organisation>().CountAsync();

        var response = await team.PostAsync("/api/v1/organisations", HttpExtensions.JsonBody(body));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.NotEmpty(problem.ErrorsFor(field));
        await using var after = api.Db();
        Assert.Equal(count, await after.Context.Set<Organisation>().CountAsync());
    }

    [Fact]
    public async Task An_unknown_kind_is_a_400_problem()
    {
        var response = await team.PostAsync("/api/v1/organisations", HttpExtensions.JsonBody("""{"name":"Klub","kind":"club"}"""));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "malformed-request");
    }

    [Fact]
    public async Task A_client_cannot_set_the_id_or_the_creation_time()
    {
        var response = await team.PostAsync("/api/v1/organisations", HttpExtensions.JsonBody(
            $$"""{"name":"Próba nadpisania","kind":"other","id":"{{Guid.NewGuid()}}","createdAt":"2000-01-01T00:00:00Z"}"""));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "malformed-request");
    }
}
