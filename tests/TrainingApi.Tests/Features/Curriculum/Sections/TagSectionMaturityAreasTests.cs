using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Audit;
using TrainingApi.Common.Http;
using TrainingApi.Common.Security;
using TrainingApi.Features.Curriculum.Sections;
using TrainingApi.Features.Curriculum.Versions;
using TrainingApi.Tests.Features.SelfAssessment.Recommendations;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.Curriculum.Sections;

public sealed class TagSectionMaturityAreasTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient team = api.ClientAs(Roles.ProgrammeTeam);
    private CurriculumSteps Steps => new(team);

    [Fact]
    public async Task Tags_a_draft_section_once_each_in_the_framework_order_and_a_get_shows_them()
    {
        var version = await Steps.DraftAsync();
        await Steps.SectionAsync(version.Id, "modul-1");
        var (before, etag) = await Steps.ReadSectionAsync(version.Id, "modul-1");
        Assert.Empty(before.MaturityAreas);

        var response = await Tag(version.Id, "modul-1", ["cyberbezpieczenstwo", "strategia", "cyberbezpieczenstwo"], etag);

        var tagged = await response.ShouldBeAsync<SectionView>(HttpStatusCode.OK);
        Assert.Equal(["strategia", "cyberbezpieczenstwo"], tagged.MaturityAreas);
        Assert.NotEqual(etag, response.Headers.ETag);
        var (read, readETag) = await Steps.ReadSectionAsync(version.Id, "modul-1");
        Assert.Equal(["strategia", "cyberbezpieczenstwo"], read.MaturityAreas);
        Assert.Equal(response.Headers.ETag, readETag);
        Assert.Equal(before.Markdown, read.Markdown);

        var page = await (await team.GetAsync($"/api/v1/versions/{version.Id}/sections")).ShouldBeAsync<Page<SectionView>>(HttpStatusCode.OK);
        Assert.Equal(["strategia", "cyberbezpieczenstwo"], page.Items.Single().MaturityAreas);
    }

    [Fact]
    public async Task An_empty_list_clears_the_tags_and_the_change_is_in_the_audit_log()
    {
        var version = await Steps.DraftAsync();
        await Steps.SectionAsync(version.Id, "modul-1");
        (await Tag(version.Id, "modul-1", ["dane"], EntityTagHeaderValue.Any)).EnsureSuccessStatusCode();
        var (_, etag) = await Steps.ReadSectionAsync(version.Id, "modul-1");

        var cleared = await (await Tag(version.Id, "modul-1", [], etag)).ShouldBeAsync<SectionView>(HttpStatusCode.OK);

        Assert.Empty(cleared.MaturityAreas);
        Guid sectionId;
        await using (var db = api.Db())
        {
            sectionId = await db.Context.Set<Section>().Where(s => s.VersionId == version.Id && s.Anchor == "modul-1").Select(s => s.Id).SingleAsync();
        }

        var audit = await (await team.GetAsync($"/api/v1/audit-entries?entityType=Section&entityId={sectionId}"))
            .ShouldBeAsync<Page<AuditEntryView>>(HttpStatusCode.OK);
        Assert.Equal(2, audit.Items.Count(e => e.Action == "TagSectionMaturityAreas"));
    }

    [Fact]
    public async Task An_unknown_area_is_a_400_naming_it_and_nothing_is_stored()
    {
        var version = await Steps.DraftAsync();
        await Steps.SectionAsync(version.Id, "modul-1");
        var (_, etag) = await Steps.ReadSectionAsync(version.Id, "modul-1");

        var response = await Tag(version.Id, "modul-1", ["strategia", "robotyka", "ai"], etag);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        var error = Assert.Single(problem.ErrorsFor("maturityAreas"));
        Assert.Contains("'robotyka'", error, StringComparison.Ordinal);
        Assert.Contains("'ai'", error, StringComparison.Ordinal);
        var (after, afterETag) = await Steps.ReadSectionAsync(version.Id, "modul-1");
        Assert.Empty(after.MaturityAreas);
        Assert.Equal(etag, afterETag);
    }

    [Fact]
    public async Task Leaving_the_list_out_is_a_400()
    {
        var version = await Steps.DraftAsync();
        await Steps.SectionAsync(version.Id, "modul-1");

        var response = await RecommendationSteps.TagRequestAsync(team, version.Id, "modul-1", new { }, EntityTagHeaderValue.Any);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
    }

    [Fact]
    public async Task A_version_past_draft_is_frozen_409_as_for_a_change_of_its_content()
    {
        var version = await Steps.DraftAsync();
        await Steps.SectionAsync(version.Id, "modul-1");
        await Steps.MoveAlongAsync(version.Id, VersionStatus.InReview);

        var response = await Tag(version.Id, "modul-1", ["strategia"], EntityTagHeaderValue.Any);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict");
        Assert.Equal("version-frozen", problem.GetProperty("code").GetString());
        Assert.Empty((await Steps.ReadSectionAsync(version.Id, "modul-1")).Section.MaturityAreas);
    }

    [Fact]
    public async Task An_expert_may_not_tag_403()
    {
        var version = await Steps.DraftAsync();
        await Steps.SectionAsync(version.Id, "modul-1");

        var response = await RecommendationSteps.TagRequestAsync(api.ClientAs(Roles.Expert), version.Id, "modul-1",
            new { maturityAreas = new[] { "strategia" } }, EntityTagHeaderValue.Any);

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Empty((await Steps.ReadSectionAsync(version.Id, "modul-1")).Section.MaturityAreas);
    }

    [Fact]
    public async Task Without_if_match_428_and_with_a_stale_etag_412()
    {
        var version = await Steps.DraftAsync();
        await Steps.SectionAsync(version.Id, "modul-1");
        var (_, etag) = await Steps.ReadSectionAsync(version.Id, "modul-1");
        (await Tag(version.Id, "modul-1", ["strategia"], etag)).EnsureSuccessStatusCode();

        var missing = await Tag(version.Id, "modul-1", ["dane"], null);
        var stale = await Tag(version.Id, "modul-1", ["dane"], etag);

        await missing.ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired, "precondition-required");
        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "precondition-failed");
        Assert.Equal(["strategia"], (await Steps.ReadSectionAsync(version.Id, "modul-1")).Section.MaturityAreas);
    }

    [Fact]
    public async Task A_new_draft_made_from_a_version_carries_its_tags()
    {
        var version = await Steps.DraftAsync();
        await Steps.SectionAsync(version.Id, "modul-1");
        await Steps.SectionAsync(version.Id, "modul-1-1", "unit", "modul-1", hours: 2);
        (await Tag(version.Id, "modul-1-1", ["kompetencje", "wspolpraca"], EntityTagHeaderValue.Any)).EnsureSuccessStatusCode();
        await Steps.MoveAlongAsync(version.Id, VersionStatus.InReview);

        var draft = await Steps.VersionAsync(version.ProgrammeId, "1.1", version.Id);

        Assert.Equal(["kompetencje", "wspolpraca"], (await Steps.ReadSectionAsync(draft.Id, "modul-1-1")).Section.MaturityAreas);
        Assert.Empty((await Steps.ReadSectionAsync(draft.Id, "modul-1")).Section.MaturityAreas);
    }

    [Fact]
    public async Task A_section_read_with_get_and_put_back_keeps_its_tags_and_patch_refuses_them()
    {
        var version = await Steps.DraftAsync();
        await Steps.SectionAsync(version.Id, "modul-1");
        (await Tag(version.Id, "modul-1", ["finansowanie"], EntityTagHeaderValue.Any)).EnsureSuccessStatusCode();
        var read = await team.GetAsync($"/api/v1/versions/{version.Id}/sections/modul-1");
        var body = JsonNode.Parse(await read.Content.ReadAsStringAsync())!.AsObject();
        // A client that edits the tags in the body it sends back changes nothing: they are read-only here.
        body["maturityAreas"] = new JsonArray("dane");
        body["title"] = "Nowy tytuł";

        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/versions/{version.Id}/sections/modul-1") { Content = HttpExtensions.JsonBody(body.ToJsonString()) };
        put.Headers.IfMatch.Add(read.Headers.ETag!);
        var response = await team.SendAsync(put);

        var updated = await response.ShouldBeAsync<SectionView>(HttpStatusCode.OK);
        Assert.Equal("Nowy tytuł", updated.Title);
        Assert.Equal(["finansowanie"], updated.MaturityAreas);

        var patch = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/versions/{version.Id}/sections/modul-1")
        {
            Content = new StringContent("""{"maturityAreas":["dane"]}""", System.Text.Encoding.UTF8, "application/merge-patch+json"),
        };
        patch.Headers.IfMatch.Add(EntityTagHeaderValue.Any);
        var patched = await team.SendAsync(patch);
        var problem = await patched.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.NotEmpty(problem.ErrorsFor("maturityAreas"));

        var retitle = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/versions/{version.Id}/sections/modul-1")
        {
            Content = new StringContent("""{"title":"Tytuł po łatce"}""", System.Text.Encoding.UTF8, "application/merge-patch+json"),
        };
        retitle.Headers.IfMatch.Add(EntityTagHeaderValue.Any);
        Assert.Equal(["finansowanie"], (await (await team.SendAsync(retitle)).ShouldBeAsync<SectionView>(HttpStatusCode.OK)).MaturityAreas);
    }

    [Fact]
    public async Task An_unknown_anchor_is_a_404()
    {
        var version = await Steps.DraftAsync();

        var response = await Tag(version.Id, "nie-ma", ["strategia"], EntityTagHeaderValue.Any);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    private Task<HttpResponseMessage> Tag(Guid versionId, string anchor, string[] areas, EntityTagHeaderValue? etag) =>
        RecommendationSteps.TagRequestAsync(team, versionId, anchor, new { maturityAreas = areas }, etag);
}
