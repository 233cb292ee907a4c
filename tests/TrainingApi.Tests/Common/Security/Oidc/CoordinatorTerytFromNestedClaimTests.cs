using System.Net;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Features.Consultations.Organisations;
using TrainingApi.Features.Consultations.Rounds;
using TrainingApi.Features.Consultations.Submissions;
using TrainingApi.Features.Curriculum.Versions;
using TrainingApi.Tests.Features.Consultations;
using TrainingApi.Tests.Features.Curriculum;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Common.Security.Oidc;

/// <summary>
/// A coordinator whose TERYT code comes nested in the provider's token (Keycloak's user attribute as `jst.teryt`) is bound
/// to that JST exactly as with a locally signed token (ReadSubmissionsTests.A_coordinator_sees_only_what_its_jst_sent):
/// it comments as its JST and sees only what its JST sent.
/// </summary>
[Collection(OidcFixture.Collection)]
public sealed class CoordinatorTerytFromNestedClaimTests(OidcFixture oidc)
{
    [Fact]
    public async Task A_coordinator_with_a_nested_teryt_sees_only_what_its_jst_sent()
    {
        var api = await oidc.ApiAsync("keycloak-realm-roles");
        var client = OidcFixture.Shapes["keycloak-realm-roles"].Client;
        var team = api.ClientWithToken(await oidc.Provider.SignInAsync("team", client));
        var coordinator = api.ClientWithToken(await oidc.Provider.SignInAsync("coordinator", client));
        var round = await OpenRoundAsync(team);

        var own = await ConsultationSteps.SubmitAsync(coordinator, round.Id, new { comments = ConsultationSteps.Comments(2) });
        var zpp = await ConsultationSteps.SubmitAsync(team, round.Id, new { organisationId = SeededOrganisations.Zpp, comments = ConsultationSteps.Comments(1) });
        var listed = await (await coordinator.GetAsync($"/api/v1/consultation-rounds/{round.Id}/submissions")).ShouldBeAsync<Page<SubmissionSummary>>(HttpStatusCode.OK);

        Assert.Equal(own.Id, Assert.Single(listed.Items).Id);
        await (await coordinator.GetAsync($"/api/v1/consultation-submissions/{zpp.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await using var db = api.Db();
        var organisation = await db.Context.Set<Organisation>().SingleAsync(o => o.Id == own.OrganisationId);
        Assert.Equal(OidcFixture.CoordinatorTeryt, organisation.Teryt);
    }

    private static async Task<RoundView> OpenRoundAsync(HttpClient team)
    {
        var curriculum = new CurriculumSteps(team);
        var programme = await curriculum.ProgrammeAsync("Program konsultowany");
        var version = await curriculum.VersionAsync(programme.Id, "1.0");
        await curriculum.SectionAsync(version.Id, "modul-1", title: "Strategia cyfryzacji szkół", hours: 4);
        await curriculum.SectionAsync(version.Id, "modul-2", title: "Cyberbezpieczeństwo", hours: 6);
        await curriculum.SectionAsync(version.Id, "modul-2-1", kind: "unit", parent: "modul-2", title: "Role w JST", hours: 2);
        await curriculum.SectionAsync(version.Id, "wytyczne", kind: "advisory-guideline", title: "Wytyczne do doradztwa");
        await curriculum.MoveAlongAsync(version.Id, VersionStatus.InReview, VersionStatus.Accessible, VersionStatus.InConsultation);
        return await (await team.PostJsonAsync("/api/v1/consultation-rounds", new
        {
            versionId = version.Id, title = "Konsultacje z korporacjami samorządowymi",
            opensAt = DateTimeOffset.UtcNow.AddHours(-1), closesAt = DateTimeOffset.UtcNow.AddDays(14),
        })).ShouldBeAsync<RoundView>(HttpStatusCode.Created);
    }
}
