using System.Net;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.PersonalData;
using TrainingApi.Common.Security;
using TrainingApi.Features.MaterialsHandover.Adoptions;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.MaterialsHandover.Adoptions;

/// <summary>ListAdoptions, GetAdoption and CountAdoptions; the contact as personal data (export and erasure); AdoptRelease's refusals.</summary>
public sealed class ListAdoptionsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HandoverSteps steps = new(api);

    [Fact]
    public async Task Adoptions_are_listed_per_release_and_programme_with_contacts_for_the_team_only_and_counted_for_anyone()
    {
        var (version, _, _) = await steps.TestedVersionAsync();
        var first = await steps.PublishAsync((await steps.DraftAsync(version.Id, "1.0.0")).Id);
        // Łódź (city with county rights, łódzkie), gmina Drużbice (1001032, łódzkie), Warszawa (1465, mazowieckie).
        await AdoptAsync("1061", first.Id, "Konkurs MEN 2025");
        await AdoptAsync("1001032", first.Id, "Konkurs MEN 2025");
        var second = await steps.PublishAsync((await steps.DraftAsync(version.Id, "1.1.0")).Id);
        await AdoptAsync("1061", second.Id, "Konkurs MEN 2026");
        await AdoptAsync("1465", second.Id, "Konkurs MEN 2026");

        var forTeam = await (await steps.Team.GetAsync($"/api/v1/adoptions?programmeId={version.ProgrammeId}")).ShouldBeAsync<Page<AdoptionView>>(HttpStatusCode.OK);
        var forMinistry = await (await api.ClientAs(Roles.Ministry).GetAsync($"/api/v1/adoptions?releaseId={first.Id}")).ShouldBeAsync<Page<AdoptionView>>(HttpStatusCode.OK);
        var counts = await (await api.CreateClient().GetAsync($"/api/v1/catalogue/adoption-counts?programmeId={version.ProgrammeId}"))
            .ShouldBeAsync<CountAdoptions.Counts>(HttpStatusCode.OK);
        var ofRelease = await (await api.CreateClient().GetAsync($"/api/v1/catalogue/adoption-counts?releaseId={second.Id}"))
            .ShouldBeAsync<CountAdoptions.Counts>(HttpStatusCode.OK);

        Assert.Equal(4, forTeam.Items.Count);
        Assert.All(forTeam.Items, a => Assert.Equal("kontakt@urzad.example.pl", a.Contact!.Email));
        Assert.Equal(["1.0.0", "1.0.0", "1.1.0", "1.1.0"], forTeam.Items.Select(a => a.SemanticVersion));
        Assert.Equal(2, forMinistry.Items.Count);
        Assert.All(forMinistry.Items, a => Assert.Null(a.Contact));
        // Hand count: three distinct JST, four adoptions; łódzkie 2 (Łódź, Drużbice), mazowieckie 1.
        Assert.Equal((3, 4), (counts.Jst, counts.Adoptions));
        Assert.Equal([("1.0.0", 2), ("1.1.0", 2)], counts.ByRelease.Select(t => (t.Name, t.Jst)));
        Assert.Equal([("Konkurs MEN 2025", 2), ("Konkurs MEN 2026", 2)], counts.ByCall.Select(t => (t.Key, t.Jst)));
        Assert.Equal([("10", 2), ("14", 1)], counts.ByVoivodeship.Select(t => (t.Key, t.Jst)));
        Assert.Equal([("gmina-wiejska", 1), ("miasto-na-prawach-powiatu", 2)], counts.ByKind.Select(t => (t.Key, t.Jst)));
        Assert.Equal((2, 2), (ofRelease.Jst, ofRelease.Adoptions));
        Assert.DoesNotContain("kontakt@", await (await api.CreateClient().GetAsync("/api/v1/catalogue/adoption-counts")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_contact_is_exported_and_erased_as_personal_data_and_the_adoption_stays_counted()
    {
        var (version, _, _) = await steps.TestedVersionAsync();
        var release = await steps.PublishAsync((await steps.DraftAsync(version.Id)).Id);
        var adoption = await AdoptAsync("0201011", release.Id, "Konkurs MEN 2025", "ewa.zielinska@boleslawiec.example.pl");

        var export = await (await steps.Team.PostJsonAsync("/api/v1/personal-data/exports", new { email = "ewa.zielinska@boleslawiec.example.pl" }))
            .ShouldBeAsync<PersonalDataExport>(HttpStatusCode.OK);
        (await steps.Team.PostJsonAsync("/api/v1/personal-data/erasures", new { email = "ewa.zielinska@boleslawiec.example.pl" })).EnsureSuccessStatusCode();

        var held = Assert.Single(export.Held, h => h.Record == "adoption-contact");
        Assert.Equal(adoption.Id, held.Id);
        var after = await (await steps.Team.GetAsync($"/api/v1/adoptions/{adoption.Id}")).ShouldBeAsync<AdoptionView>(HttpStatusCode.OK);
        Assert.Null(after.Contact);
        await using var db = api.Db();
        var stored = await db.Context.Set<Adoption>().SingleAsync(a => a.Id == adoption.Id);
        Assert.Equal((ErasedPersonalData.Marker, (string?)null), (stored.ContactEmail, stored.ContactPhone));
        var counts = await (await api.CreateClient().GetAsync($"/api/v1/catalogue/adoption-counts?releaseId={release.Id}")).ShouldBeAsync<CountAdoptions.Counts>(HttpStatusCode.OK);
        Assert.Equal(1, counts.Jst);
    }

    [Fact]
    public async Task An_adoption_without_a_call_or_a_valid_contact_is_a_400_and_records_nothing()
    {
        var (version, _, _) = await steps.TestedVersionAsync();
        var release = await steps.PublishAsync((await steps.DraftAsync(version.Id)).Id);
        var coordinator = api.ClientAs(Roles.JstCoordinator, teryt: "1061");

        var noCall = await coordinator.PostJsonAsync($"/api/v1/releases/{release.Id}/adoptions", new { project = "P", contact = new { name = "A", email = "a@b.example.pl" } });
        var badEmail = await coordinator.PostJsonAsync($"/api/v1/releases/{release.Id}/adoptions", new { project = "P", call = "K", contact = new { name = "A", email = "nie-adres" } });

        var noCallProblem = await noCall.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        var badEmailProblem = await badEmail.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.True(noCallProblem.GetProperty("errors").TryGetProperty("call", out _), noCallProblem.GetRawText());
        Assert.True(badEmailProblem.GetProperty("errors").TryGetProperty("contact.email", out _), badEmailProblem.GetRawText());
        await using var db = api.Db();
        Assert.False(await db.Context.Set<Adoption>().AnyAsync(a => a.ReleaseId == release.Id));
    }

    [Fact]
    public async Task An_unknown_adoption_is_a_404()
    {
        await (await steps.Team.GetAsync($"/api/v1/adoptions/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    private async Task<AdoptionView> AdoptAsync(string teryt, Guid releaseId, string call, string email = "kontakt@urzad.example.pl") =>
        await (await api.ClientAs(Roles.JstCoordinator, teryt: teryt).PostJsonAsync($"/api/v1/releases/{releaseId}/adoptions", new
        {
            project = "Cyfrowa szkoła", call, contact = new { name = "Anna Nowak", email, phone = "+48 22 000 00 00" },
        })).ShouldBeAsync<AdoptionView>(HttpStatusCode.Created);
}
