using System.Net;
using TrainingApi.Common.Http;
using TrainingApi.Common.Security;
using TrainingApi.Features.Curriculum.LegalActs;
using TrainingApi.Features.Curriculum.Sections;
using TrainingApi.Features.Curriculum.Versions;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.Curriculum.LegalActs;

/// <summary>RegisterLegalAct, ListLegalActs, RecordLegalActAmendment and ListSectionsToReview: the register and what an amendment sets off.</summary>
public sealed class LegalActsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient team = api.ClientAs(Roles.ProgrammeTeam);
    private CurriculumSteps Steps => new(team);

    [Fact]
    public async Task An_amendment_flags_the_citing_sections_of_live_versions_only_and_lists_them()
    {
        var act = await Steps.ActAsync("Dz.U. 2022 poz. 1233", "Ustawa o krajowym systemie cyberbezpieczeństwa");
        var programme = await Steps.ProgrammeAsync();
        var old = await Steps.VersionAsync(programme.Id, "0.9");
        await Steps.SectionAsync(old.Id, "modul-3", legalActs: [act.Citation]);
        await Steps.MoveAlongAsync(old.Id, VersionStatus.Superseded);
        var live = await Steps.VersionAsync(programme.Id, "1.0");
        await Steps.SectionAsync(live.Id, "modul-3", legalActs: [act.Citation]);
        await Steps.SectionAsync(live.Id, "modul-4");
        await Steps.MoveAlongAsync(live.Id, VersionStatus.InReview, VersionStatus.Accessible, VersionStatus.InConsultation);

        var response = await team.PostJsonAsync($"/api/v1/legal-acts/{act.Id}/amendments", new { amendingCitation = "Dz. U. z 2024 r. poz. 854", amendedOn = "2024-06-12" });

        var amendment = await response.ShouldBeAsync<AmendmentView>(HttpStatusCode.Created);
        Assert.Equal(1, amendment.FlaggedSections);
        Assert.Equal("Dz.U. 2024 poz. 854", amendment.AmendingCitation);
        var toReview = await (await team.GetAsync($"/api/v1/sections-to-review?programmeId={programme.Id}"))
            .ShouldBeAsync<Page<ListSectionsToReview.SectionToReview>>(HttpStatusCode.OK);
        var flagged = Assert.Single(toReview.Items);
        Assert.Equal(("1.0", "modul-3"), (flagged.VersionLabel, flagged.Anchor));
        Assert.Contains("Dz.U. 2022 poz. 1233", flagged.Reason, StringComparison.Ordinal);
        var section = (await Steps.ReadSectionAsync(live.Id, "modul-3")).Section;
        Assert.True(section.ReviewNeeded);
        var acts = await (await team.GetAsync("/api/v1/legal-acts?search=cyberbezpiecze")).ShouldBeAsync<Page<LegalActView>>(HttpStatusCode.OK);
        Assert.Equal(new DateOnly(2024, 6, 12), acts.Items.Single().LastAmendedOn);
    }

    [Fact]
    public async Task Editing_a_flagged_section_in_a_new_draft_clears_the_flag()
    {
        var act = await Steps.ActAsync("Dz.U. 2019 poz. 2019", "Prawo zamówień publicznych");
        var programme = await Steps.ProgrammeAsync();
        var v10 = await Steps.VersionAsync(programme.Id, "1.0");
        await Steps.SectionAsync(v10.Id, "modul-4", legalActs: [act.Citation]);
        await Steps.MoveAlongAsync(v10.Id, VersionStatus.InReview);
        (await team.PostJsonAsync($"/api/v1/legal-acts/{act.Id}/amendments", new { amendedOn = "2024-01-02" })).EnsureSuccessStatusCode();
        var v11 = await Steps.VersionAsync(programme.Id, "1.1", v10.Id);
        var (copied, etag) = await Steps.ReadSectionAsync(v11.Id, "modul-4");
        Assert.True(copied.ReviewNeeded);

        var edited = await (await Steps.PutSectionAsync(v11.Id, "modul-4", new { title = copied.Title, markdown = "Treść zgodna z nowelizacją.", legalActs = new[] { act.Citation } }, etag))
            .ShouldBeAsync<SectionView>(HttpStatusCode.OK);

        Assert.False(edited.ReviewNeeded);
        Assert.True((await Steps.ReadSectionAsync(v10.Id, "modul-4")).Section.ReviewNeeded);
    }

    [Fact]
    public async Task Citations_are_normalised_and_a_duplicate_is_a_409_problem()
    {
        var act = await Steps.ActAsync("dz. u.  z 2016 r. poz. 922", "Ustawa o ochronie danych osobowych");

        var again = await team.PostJsonAsync("/api/v1/legal-acts", new { citation = "Dz.U. 2016 poz. 922", title = "Ta sama", publishedOn = "2016-06-29" });

        Assert.Equal("Dz.U. 2016 poz. 922", act.Citation);
        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict");
    }

    [Theory]
    [InlineData("""{"citation":"ustawa z 2016","title":"T","publishedOn":"2016-01-01"}""", "citation")]
    [InlineData("""{"citation":"Dz.U. 2016 poz. 1","title":"","publishedOn":"2016-01-01"}""", "title")]
    public async Task An_invalid_act_is_a_400_problem(string body, string field)
    {
        var response = await team.PostAsync("/api/v1/legal-acts", HttpExtensions.JsonBody(body));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.NotEmpty(problem.ErrorsFor(field));
    }

    [Fact]
    public async Task An_amendment_before_publication_or_of_an_unknown_act_is_refused()
    {
        var act = await Steps.ActAsync("Dz.U. 2023 poz. 100", "Akt");

        var early = await team.PostJsonAsync($"/api/v1/legal-acts/{act.Id}/amendments", new { amendedOn = "2020-01-01" });
        var unknown = await team.PostJsonAsync($"/api/v1/legal-acts/{Guid.NewGuid()}/amendments", new { amendedOn = "2024-01-01" });

        await early.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await unknown.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task A_partner_may_read_the_register_but_not_change_it()
    {
        var partner = await api.PartnerClientAsync(TrainingApi.Features.Consultations.Organisations.SeededOrganisations.Zmp);

        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync("/api/v1/legal-acts")).StatusCode);
        await (await partner.PostJsonAsync("/api/v1/legal-acts", new { citation = "Dz.U. 2023 poz. 5", title = "T", publishedOn = "2023-01-01" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }
}
