using System.Net;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Security;
using TrainingApi.Features.Curriculum.Sections;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.Curriculum.Sections;

public sealed class AddSectionTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient expert = api.ClientAs(Roles.Expert);
    private CurriculumSteps Steps => new(expert);

    [Fact]
    public async Task Adds_a_unit_with_everything_an_author_writes_and_renders_its_markdown()
    {
        var version = await Steps.DraftAsync();
        var act = await Steps.ActAsync("Dz. U. z 2024 r. poz. 737", "Prawo oświatowe");
        await Steps.SectionAsync(version.Id, "modul-1");

        var response = await Steps.AddAsync(version.Id, new
        {
            anchor = "modul-1-1", parentAnchor = "modul-1", kind = "unit", title = "Diagnoza potrzeb szkół", hours = 3.5,
            markdown = "## Cel\n\nJST **diagnozuje** potrzeby szkół.\n\n| Obszar | Pytanie |\n|---|---|\n| Sieć | Czy jest szybka? |",
            learningOutcomes = new { knowledge = new[] { "Zna metody diagnozy" }, skills = new[] { "Potrafi przeprowadzić ankietę" }, socialCompetences = new[] { "Współpracuje z dyrektorami" } },
            deliveryForms = new[] { "workshop", "e-learning" }, targetRoles = new[] { "education-department", "school-heads" },
            authors = new[] { "dr Anna Nowak" }, legalActs = new[] { "Dz.U. 2024 poz. 737" },
        });

        var section = await response.ShouldBeAsync<SectionView>(HttpStatusCode.Created);
        Assert.Equal("modul-1", section.ParentAnchor);
        Assert.Equal(1, section.Depth);
        Assert.Equal(3.5m, section.Hours);
        Assert.Contains("<strong>diagnozuje</strong>", section.Html, StringComparison.Ordinal);
        Assert.Contains("<th>Obszar</th>", section.Html, StringComparison.Ordinal);
        Assert.Equal([DeliveryForm.Workshop, DeliveryForm.ELearning], section.DeliveryForms);
        Assert.Equal([act.Citation], section.LegalActs);
        Assert.Equal($"/api/v1/versions/{version.Id}/sections/modul-1-1", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task A_position_inserts_among_siblings_and_renumbers_them()
    {
        var version = await Steps.DraftAsync();
        await Steps.SectionAsync(version.Id, "modul-a");
        await Steps.SectionAsync(version.Id, "modul-c");

        await Steps.SectionAsync(version.Id, "modul-b", position: 1);

        var page = await (await expert.GetAsync($"/api/v1/versions/{version.Id}/sections")).ShouldBeAsync<TrainingApi.Common.Http.Page<SectionView>>(HttpStatusCode.OK);
        Assert.Equal(["modul-a", "modul-b", "modul-c"], page.Items.Select(s => s.Anchor));
        Assert.Equal([0, 1, 2], page.Items.Select(s => s.Position));
    }

    [Fact]
    public async Task An_unknown_parent_anchor_is_a_422_naming_it()
    {
        var version = await Steps.DraftAsync();

        var response = await Steps.AddAsync(version.Id, new { anchor = "modul-9-1", parentAnchor = "modul-9", kind = "unit", title = "J", markdown = "Tekst." });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "unprocessable-content");
        Assert.Equal("modul-9", problem.GetProperty("anchor").GetString());
        await AssertNoSectionAsync(version.Id, "modul-9-1");
    }

    [Fact]
    public async Task A_duplicate_anchor_is_a_409_problem()
    {
        var version = await Steps.DraftAsync();
        await Steps.SectionAsync(version.Id, "modul-1", title: "Pierwszy");

        var response = await Steps.AddAsync(version.Id, new { anchor = "modul-1", kind = "module", title = "Drugi", markdown = "Tekst." });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict");
        Assert.Equal("anchor-taken", problem.GetProperty("code").GetString());
        await using var db = api.Db();
        Assert.Equal("Pierwszy", (await db.Context.Set<Section>().SingleAsync(s => s.VersionId == version.Id)).Title);
    }

    [Fact]
    public async Task Two_authors_adding_the_same_anchor_at_once_store_one_section()
    {
        var version = await Steps.DraftAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            Steps.AddAsync(version.Id, new { anchor = "modul-wyscig", kind = "module", title = $"Autor {i}", markdown = "Tekst." })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        await using var db = api.Db();
        Assert.Equal(1, await db.Context.Set<Section>().CountAsync(s => s.VersionId == version.Id));
    }

    [Theory]
    [InlineData("unit", null)]
    [InlineData("module", "modul-1")]
    [InlineData("annex", "modul-1")]
    public async Task A_kind_in_the_wrong_place_of_the_tree_is_a_422_problem(string kind, string? parent)
    {
        var version = await Steps.DraftAsync();
        await Steps.SectionAsync(version.Id, "modul-1");

        var response = await Steps.AddAsync(version.Id, new { anchor = "zle-miejsce", parentAnchor = parent, kind, title = "T", markdown = "Tekst." });

        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "unprocessable-content");
        await AssertNoSectionAsync(version.Id, "zle-miejsce");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    [InlineData(1000)]
    [InlineData(1.1)]
    public async Task Hours_that_are_not_positive_or_absurd_are_a_400_problem(decimal hours)
    {
        var version = await Steps.DraftAsync();

        var response = await Steps.AddAsync(version.Id, new { anchor = "modul-1", kind = "module", title = "T", markdown = "Tekst.", hours });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.NotEmpty(problem.ErrorsFor("hours"));
        await AssertNoSectionAsync(version.Id, "modul-1");
    }

    [Fact]
    public async Task Hours_on_an_advisory_guideline_are_a_400_problem()
    {
        var version = await Steps.DraftAsync();

        var response = await Steps.AddAsync(version.Id, new { anchor = "wytyczne", kind = "advisory-guideline", title = "W", markdown = "Tekst.", hours = 2 });

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("Tekst <img src=x onerror=alert(1)>")]
    [InlineData("[Zobacz program szkolenia](javascript:alert(1))")]
    [InlineData("<iframe src=\"https://example.org\"></iframe>")]
    public async Task Active_html_in_markdown_is_a_400_problem_and_nothing_is_stored(string markdown)
    {
        var version = await Steps.DraftAsync();

        var response = await Steps.AddAsync(version.Id, new { anchor = "modul-xss", kind = "module", title = "T", markdown });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.NotEmpty(problem.ErrorsFor("markdown"));
        await AssertNoSectionAsync(version.Id, "modul-xss");
    }

    [Fact]
    public async Task A_language_span_is_kept_as_html()
    {
        var version = await Steps.DraftAsync();

        var section = await Steps.SectionAsync(version.Id, "modul-1", markdown: "Hasło projektu: <span lang=\"en\">Digital Education Action Plan</span>.");

        Assert.Contains("<span lang=\"en\">Digital Education Action Plan</span>", section.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_5_mb_section_is_refused_with_413()
    {
        var version = await Steps.DraftAsync();

        var response = await Steps.AddAsync(version.Id, new { anchor = "modul-ogromny", kind = "module", title = "T", markdown = new string('a', 5 * 1024 * 1024) });

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
        await AssertNoSectionAsync(version.Id, "modul-ogromny");
    }

    [Fact]
    public async Task Markdown_over_100_000_characters_is_a_400_problem()
    {
        var version = await Steps.DraftAsync();

        var response = await Steps.AddAsync(version.Id, new { anchor = "modul-dlugi", kind = "module", title = "T", markdown = new string('a', 100_001) });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.NotEmpty(problem.ErrorsFor("markdown"));
    }

    [Fact]
    public async Task A_legal_act_not_in_the_register_is_a_422_naming_it()
    {
        var version = await Steps.DraftAsync();

        var response = await Steps.AddAsync(version.Id, new { anchor = "modul-1", kind = "module", title = "T", markdown = "Tekst.", legalActs = new[] { "Dz.U. 2099 poz. 1" } });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "unprocessable-content");
        Assert.Equal("Dz.U. 2099 poz. 1", problem.GetProperty("citations")[0].GetString());
        await AssertNoSectionAsync(version.Id, "modul-1");
    }

    [Theory]
    [InlineData("Moduł 1")]
    [InlineData("modul_1")]
    [InlineData("-modul")]
    public async Task An_anchor_that_is_not_kebab_case_is_a_400_problem(string anchor)
    {
        var version = await Steps.DraftAsync();

        var response = await Steps.AddAsync(version.Id, new { anchor, kind = "module", title = "T", markdown = "Tekst." });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.NotEmpty(problem.ErrorsFor("anchor"));
    }

    private async Task AssertNoSectionAsync(Guid versionId, string anchor)
    {
        await using var db = api.Db();
        Assert.False(await db.Context.Set<Section>().AnyAsync(s => s.VersionId == versionId && s.Anchor == anchor));
    }
}
