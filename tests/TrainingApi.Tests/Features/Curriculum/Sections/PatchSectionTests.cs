using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Audit;
using TrainingApi.Common.Http;
using TrainingApi.Common.Security;
using TrainingApi.Features.Curriculum.Sections;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.Curriculum.Sections;

/// <summary>JSON Merge Patch (RFC 7396) of a section: what is left out stays, null clears, lists are replaced, checked and audited as a PUT.</summary>
public sealed class PatchSectionTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient expert = api.ClientAs(Roles.Expert, subject: "ewa.latkowska");
    private CurriculumSteps Steps => new(expert);

    [Fact]
    public async Task A_member_left_out_stays_null_clears_and_a_list_is_replaced_whole()
    {
        var version = await Steps.DraftAsync();
        await Steps.SectionAsync(version.Id, "modul-1");
        await Steps.SectionAsync(version.Id, "modul-2");
        await Steps.SectionAsync(version.Id, "modul-1-1", "unit", "modul-1", hours: 2,
            outcomes: new { knowledge = new[] { "Zna obowiązki JST." }, skills = new[] { "Potrafi ocenić ryzyko." } });
        var (before, etag) = await Steps.ReadSectionAsync(version.Id, "modul-1-1");
        (await Steps.PutSectionAsync(version.Id, "modul-1-1", new
        {
            parentAnchor = "modul-1", title = before.Title, markdown = before.Markdown, hours = 2,
            learningOutcomes = new { knowledge = before.LearningOutcomes.Knowledge, skills = before.LearningOutcomes.Skills },
            authors = new[] { "dr Piotr Wiśniewski", "mgr Anna Nowak" },
        }, etag)).EnsureSuccessStatusCode();
        (before, etag) = await Steps.ReadSectionAsync(version.Id, "modul-1-1");

        var response = await PatchAsync(version.Id, "modul-1-1",
            """{"title":"Nowy tytuł","hours":null,"authors":["mgr Jan Kowalski"],"learningOutcomes":{"skills":["Potrafi napisać politykę."]}}""", etag);

        var patched = await response.ShouldBeAsync<SectionView>(HttpStatusCode.OK);
        Assert.NotEqual(etag, response.Headers.ETag);
        Assert.Equal("Nowy tytuł", patched.Title);
        Assert.Null(patched.Hours);
        Assert.Equal(["mgr Jan Kowalski"], patched.Authors);
        Assert.Equal(["Potrafi napisać politykę."], patched.LearningOutcomes.Skills);
        Assert.Equal(before.LearningOutcomes.Knowledge, patched.LearningOutcomes.Knowledge);
        Assert.Equal((before.ParentAnchor, before.Position, before.Markdown), (patched.ParentAnchor, patched.Position, patched.Markdown));
        Assert.Equal("Nowy tytuł", (await Steps.ReadSectionAsync(version.Id, "modul-1-1")).Section.Title);
    }

    [Fact]
    public async Task Null_parent_moves_the_section_to_the_top_level()
    {
        var version = await Steps.DraftAsync();
        await Steps.SectionAsync(version.Id, "modul-1");
        await Steps.SectionAsync(version.Id, "wytyczne", "advisory-guideline");
        await Steps.SectionAsync(version.Id, "wytyczne-diagnoza", "advisory-guideline", "wytyczne");
        var (_, etag) = await Steps.ReadSectionAsync(version.Id, "wytyczne-diagnoza");

        var patched = await (await PatchAsync(version.Id, "wytyczne-diagnoza", """{"parentAnchor":null}""", etag)).ShouldBeAsync<SectionView>(HttpStatusCode.OK);

        Assert.Equal((null, 0), (patched.ParentAnchor, patched.Depth));
    }

    [Fact]
    public async Task Read_only_and_unknown_members_are_refused_naming_them()
    {
        var version = await Steps.DraftAsync();
        await Steps.SectionAsync(version.Id, "modul-1");
        var (_, etag) = await Steps.ReadSectionAsync(version.Id, "modul-1");

        var readOnly = await PatchAsync(version.Id, "modul-1", """{"title":"T","anchor":"inny","learningOutcomes":{"count":3}}""", etag);
        var unknown = await PatchAsync(version.Id, "modul-1", """{"titel":"T"}""", etag);
        var wrongType = await PatchAsync(version.Id, "modul-1", """{"hours":"dużo"}""", etag);
        var cleared = await PatchAsync(version.Id, "modul-1", """{"title":null}""", etag);

        var problem = await readOnly.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.NotEmpty(problem.ErrorsFor("anchor"));
        Assert.NotEmpty(problem.ErrorsFor("learningOutcomes.count"));
        Assert.NotEmpty((await unknown.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "malformed-request")).ErrorsFor("$.titel"));
        Assert.NotEmpty((await wrongType.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "malformed-request")).ErrorsFor("$.hours"));
        Assert.NotEmpty((await cleared.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed")).ErrorsFor("title"));
        Assert.Equal("Sekcja", (await Steps.ReadSectionAsync(version.Id, "modul-1")).Section.Title);
    }

    [Fact]
    public async Task Without_if_match_428_stale_412_and_another_content_type_415()
    {
        var version = await Steps.DraftAsync();
        await Steps.SectionAsync(version.Id, "modul-1");
        var (_, etag) = await Steps.ReadSectionAsync(version.Id, "modul-1");
        (await PatchAsync(version.Id, "modul-1", """{"title":"Pierwsza zmiana"}""", etag)).EnsureSuccessStatusCode();

        var missing = await PatchAsync(version.Id, "modul-1", """{"title":"Bez ETag"}""", null);
        var stale = await PatchAsync(version.Id, "modul-1", """{"title":"Stary ETag"}""", etag);
        var plainJson = await PatchAsync(version.Id, "modul-1", """{"title":"Zwykły JSON"}""", etag, "application/json");

        await missing.ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired, "precondition-required");
        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "precondition-failed");
        await plainJson.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
        Assert.Equal("Pierwsza zmiana", (await Steps.ReadSectionAsync(version.Id, "modul-1")).Section.Title);
    }

    [Fact]
    public async Task Concurrent_patches_with_if_match_star_all_land_each_merged_into_the_section_as_it_is_then()
    {
        var version = await Steps.DraftAsync();
        await Steps.SectionAsync(version.Id, "modul-wyscig", title: "Przed wyścigiem");
        var titles = Enumerable.Range(0, 6).Select(i => $"Tytuł {i}").ToList();
        var texts = Enumerable.Range(0, 6).Select(i => $"Treść {i}.").ToList();

        var responses = await Task.WhenAll(titles.Zip(texts).SelectMany(x => new[]
        {
            PatchAsync(version.Id, "modul-wyscig", $$"""{"title":"{{x.First}}"}""", EntityTagHeaderValue.Any),
            PatchAsync(version.Id, "modul-wyscig", $$"""{"markdown":"{{x.Second}}"}""", EntityTagHeaderValue.Any),
        }));

        foreach (var response in responses)
        {
            await response.ShouldBeAsync<SectionView>(HttpStatusCode.OK);
        }

        // A patch merged into a section read before another patch landed would have put the other member back.
        var final = (await Steps.ReadSectionAsync(version.Id, "modul-wyscig")).Section;
        Assert.Contains(final.Title, titles);
        Assert.Contains(final.Markdown, texts);
        await using var db = api.Db();
        var id = (await db.Context.Set<Section>().SingleAsync(s => s.VersionId == version.Id && s.Anchor == "modul-wyscig")).Id.ToString();
        Assert.Equal(12, await db.Context.Set<AuditEntry>().CountAsync(a => a.EntityType == "Section" && a.EntityId == id && a.Operation == "updated"));
    }

    [Fact]
    public async Task A_patch_is_audited_as_the_update_it_is()
    {
        var version = await Steps.DraftAsync();
        await Steps.SectionAsync(version.Id, "modul-audytowany", title: "Przed łatką");
        var (_, etag) = await Steps.ReadSectionAsync(version.Id, "modul-audytowany");

        (await PatchAsync(version.Id, "modul-audytowany", """{"title":"Po łatce"}""", etag)).EnsureSuccessStatusCode();

        var page = await (await api.ClientAs(Roles.ProgrammeTeam).GetAsync("/api/v1/audit-entries?entityType=Section&actor=ewa.latkowska&action=UpdateSection"))
            .ShouldBeAsync<Page<AuditEntryView>>(HttpStatusCode.OK);
        var entry = Assert.Single(page.Items, e => e.Changes.TryGetProperty("title", out var title) && title.GetProperty("to").GetString() == "Po łatce");
        Assert.Equal("Przed łatką", entry.Changes.GetProperty("title").GetProperty("from").GetString());
        Assert.Equal(new AuditActor("ewa.latkowska", Roles.Expert, null, null), entry.Actor);
    }

    private Task<HttpResponseMessage> PatchAsync(Guid versionId, string anchor, string patch, EntityTagHeaderValue? etag,
        string contentType = PatchSection.MediaType)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/versions/{versionId}/sections/{anchor}")
        {
            Content = new StringContent(patch, Encoding.UTF8, contentType),
        };
        if (etag is not null)
        {
            request.Headers.IfMatch.Add(etag);
        }

        return expert.SendAsync(request);
    }
}
