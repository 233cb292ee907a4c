using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Events;
using TrainingApi.Common.Security;
using TrainingApi.Features.MaterialsHandover.Adoptions;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.MaterialsHandover.Adoptions;

/// <summary>JST record that they use a release, and are named when it is superseded or a legal act it cites is amended.</summary>
public sealed class AdoptionTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HandoverSteps steps = new(api);

    [Fact]
    public async Task Adopters_are_named_when_their_release_is_superseded()
    {
        var (version, _, _) = await steps.TestedVersionAsync();
        var first = await steps.PublishAsync((await steps.DraftAsync(version.Id, "1.0.0")).Id);
        var lodz = api.ClientAs(Roles.JstCoordinator, teryt: "1061011");
        (await Adopt(lodz, first.Id)).EnsureSuccessStatusCode();
        (await Adopt(api.ClientAs(Roles.JstCoordinator, teryt: "1465"), first.Id)).EnsureSuccessStatusCode();
        var twice = await Adopt(lodz, first.Id);

        await steps.PublishAsync((await steps.DraftAsync(version.Id, "1.1.0")).Id);
        var stale = await Adopt(lodz, first.Id);

        Assert.Equal("already-adopted", (await twice.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict")).GetProperty("code").GetString());
        Assert.Equal("release-superseded", (await stale.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict")).GetProperty("code").GetString());
        var data = await AffectedAsync(first.Id);
        Assert.Equal("superseded", data.GetProperty("reason").GetString());
        Assert.Equal(["1061", "1465"], data.GetProperty("adoptingJst").EnumerateArray().Select(e => e.GetString()));
        var references = data.GetProperty("adopters").EnumerateArray().ToList();
        Assert.Equal(["1061", "1465"], references.Select(r => r.GetProperty("jstTeryt").GetString()));
        // The contact is never in the event: only the reference where the team reads it.
        Assert.DoesNotContain("kontakt@urzad.example.pl", data.GetRawText(), StringComparison.Ordinal);
        var contact = await (await steps.Team.GetAsync(references[0].GetProperty("contactUrl").GetString())).ShouldBeAsync<AdoptionView>(HttpStatusCode.OK);
        Assert.Equal(("1061", "kontakt@urzad.example.pl"), (contact.JstTeryt, contact.Contact!.Email));
    }

    [Fact]
    public async Task Adopters_are_named_when_a_legal_act_the_release_cites_is_amended()
    {
        var (version, actId, citation) = await steps.TestedVersionAsync();
        var release = await steps.PublishAsync((await steps.DraftAsync(version.Id)).Id);
        (await Adopt(api.ClientAs(Roles.JstCoordinator, teryt: "1061"), release.Id)).EnsureSuccessStatusCode();

        (await steps.Team.PostJsonAsync($"/api/v1/legal-acts/{actId}/amendments", new { amendingCitation = "Dz.U. 2025 poz. 5", amendedOn = "2025-02-01" })).EnsureSuccessStatusCode();

        var data = await AffectedAsync(release.Id);
        Assert.Equal("legal-act-amended", data.GetProperty("reason").GetString());
        Assert.Contains(citation, data.GetProperty("detail").GetString());
        Assert.Equal(["1061"], data.GetProperty("adoptingJst").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Coordinators_and_the_team_for_a_named_jst_adopt_and_only_published_releases()
    {
        var (version, _, _) = await steps.TestedVersionAsync();
        var draft = await steps.DraftAsync(version.Id);
        var published = await steps.PublishAsync((await steps.DraftAsync(version.Id, "2.0.0")).Id);

        await (await Adopt(api.ClientAs(Roles.JstCoordinator, teryt: "1061"), draft.Id)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        Assert.Equal(HttpStatusCode.Forbidden, (await Adopt(api.ClientAs(Roles.Ministry), draft.Id)).StatusCode);
        Assert.NotEmpty((await (await Adopt(steps.Team, published.Id)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed")).ErrorsFor("teryt"));
        var forOther = await api.ClientAs(Roles.JstCoordinator, teryt: "1061").PostJsonAsync($"/api/v1/releases/{published.Id}/adoptions", new
        {
            project = "P", call = "K", contact = new { name = "A", email = "a@b.example.pl" }, teryt = "1465",
        });
        Assert.NotEmpty((await forOther.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed")).ErrorsFor("teryt"));
        var byTeam = await (await steps.Team.PostJsonAsync($"/api/v1/releases/{published.Id}/adoptions", new
        {
            project = "Projekt z pisma", call = "Konkurs MEN 2025", contact = new { name = "A", email = "a@b.example.pl" }, teryt = "1465011",
        })).ShouldBeAsync<AdoptionView>(HttpStatusCode.Created);
        Assert.Equal(("1465", "Warszawa"), (byTeam.JstTeryt, byTeam.JstName));
        await using var db = api.Db();
        Assert.False(await db.Context.Set<Adoption>().AnyAsync(a => a.ReleaseId == draft.Id));
    }

    private static Task<HttpResponseMessage> Adopt(HttpClient client, Guid releaseId, string call = "Konkurs MEN 2025", string email = "kontakt@urzad.example.pl") =>
        client.PostJsonAsync($"/api/v1/releases/{releaseId}/adoptions", new
        {
            project = "Cyfrowa szkoła — konkurs 2025", call, contact = new { name = "Anna Nowak", email, phone = "+48 22 000 00 00" },
        });

    private async Task<JsonElement> AffectedAsync(Guid releaseId)
    {
        await using var db = api.Db();
        var events = await db.Context.Set<OutboxEvent>().Where(e => e.Type == "adopted-release.affected").ToListAsync();
        return JsonDocument.Parse(Assert.Single(events, e => e.Payload.Contains(releaseId.ToString())).Payload).RootElement.GetProperty("data");
    }
}
