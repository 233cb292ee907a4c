using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Events;
using TrainingApi.Common.Security;
using TrainingApi.Features.MaterialsHandover.Releases;
using TrainingApi.Tests.Features.Curriculum;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.MaterialsHandover.Releases;

/// <summary>Building a release from a tested version, publishing it, and what can no longer change.</summary>
public sealed class ReleaseLifecycleTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HandoverSteps steps = new(api);

    [Fact]
    public async Task A_release_is_built_from_a_tested_version_only()
    {
        var draft = await new CurriculumSteps(steps.Team).DraftAsync();

        var response = await steps.CreateAsync(draft.Id);

        Assert.Equal("version-not-tested", (await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict")).GetProperty("code").GetString());
        await (await steps.CreateAsync(Guid.NewGuid())).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        var withoutVersion = await steps.Team.PostJsonAsync("/api/v1/releases", new { semanticVersion = "1.0.0", title = "Bez wersji", reasons = new[] { "pilot-findings" }, notes = "…" });
        Assert.NotEmpty((await withoutVersion.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed")).ErrorsFor("versionId"));
        await using var db = api.Db();
        Assert.False(await db.Context.Set<Release>().AnyAsync(r => r.VersionId == draft.Id));
    }

    [Fact]
    public async Task A_draft_carries_the_snapshot_and_its_semantic_version_must_rise()
    {
        var (version, _, citation) = await steps.TestedVersionAsync();

        var draft = await steps.DraftAsync(version.Id, "1.0.0");
        var same = await steps.CreateAsync(version.Id, "1.0.0");
        var lower = await steps.CreateAsync(version.Id, "0.9.0");
        var malformed = await steps.CreateAsync(version.Id, "v2");
        var noReasons = await steps.CreateAsync(version.Id, "2.0.0", reasons: null);

        Assert.Equal((ReleaseStatus.Draft, "CC-BY-4.0", "pl", "0.9"), (draft.Status, draft.Licence, draft.Language, draft.VersionLabel));
        Assert.Equal("semantic-version-not-higher", (await same.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict")).GetProperty("code").GetString());
        await lower.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict");
        Assert.NotEmpty((await malformed.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed")).ErrorsFor("semanticVersion"));
        Assert.NotEmpty((await noReasons.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed")).ErrorsFor("reasons"));
        var json = JsonDocument.Parse(await (await steps.Team.GetAsync($"/api/v1/releases/{draft.Id}/files/json")).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(7, json.GetProperty("sections").GetArrayLength());
        Assert.Equal(citation, json.GetProperty("legalActs")[0].GetProperty("citation").GetString());
        Assert.Contains("WCAG 2.1", json.GetProperty("accessibility").GetProperty("statement").GetString());
    }

    [Fact]
    public async Task Once_published_a_release_cannot_change_and_the_next_one_supersedes_it()
    {
        var (version, _, _) = await steps.TestedVersionAsync();
        var first = await steps.PublishAsync((await steps.DraftAsync(version.Id, "1.0.0")).Id);
        var read = await steps.Team.GetAsync($"/api/v1/releases/{first.Id}");

        var edit = await steps.Team.SendAsync(new HttpRequestMessage(HttpMethod.Put, $"/api/v1/releases/{first.Id}")
        {
            Content = HttpExtensions.JsonBody("""{"title":"Inny","reasons":["initial"],"notes":"Zmiana."}"""),
        }.WithHeader("If-Match", read.Headers.ETag!.Tag));
        var again = await steps.Team.PostAsync($"/api/v1/releases/{first.Id}/publication", null);
        var second = await steps.PublishAsync((await steps.DraftAsync(version.Id, "1.1.0")).Id);

        Assert.Equal(ReleaseStatus.Published, first.Status);
        Assert.Equal(["docx", "imscc", "json", "zip"], first.Files.Select(f => f.Format));
        Assert.All(first.Files, f => Assert.Equal(64, f.Sha256.Length));
        Assert.Equal("release-published", (await edit.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict")).GetProperty("code").GetString());
        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict");
        var old = await (await steps.Team.GetAsync($"/api/v1/releases/{first.Id}")).ShouldBeAsync<ReleaseView>(HttpStatusCode.OK);
        Assert.Equal((ReleaseStatus.Superseded, second.Id), (old.Status, old.SupersededById));
        Assert.Equal(first.Files.Select(f => f.Sha256), old.Files.Select(f => f.Sha256));
        await using var db = api.Db();
        var types = await db.Context.Set<OutboxEvent>().Select(e => e.Type).ToListAsync();
        Assert.Equal(2, types.Count(t => t == "release.published"));
        Assert.Equal(1, types.Count(t => t == "release.superseded"));
    }

    [Fact]
    public async Task Racing_publications_of_one_programme_leave_one_latest_and_the_other_superseded()
    {
        // Without the per-programme lock this fails about one time in three; three rounds make a miss unlikely.
        for (var round = 0; round < 3; round++)
        {
            var (version, _, _) = await steps.TestedVersionAsync();
            var drafts = new[] { await steps.DraftAsync(version.Id, "1.0.0"), await steps.DraftAsync(version.Id, "1.1.0") };

            var responses = await Task.WhenAll(drafts.Select(d => steps.Team.PostAsync($"/api/v1/releases/{d.Id}/publication", null)));
            var racing = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => steps.CreateAsync(version.Id, "2.0.0")));

            Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
            await using var db = api.Db();
            var statuses = await db.Context.Set<Release>().Where(r => r.ProgrammeId == version.ProgrammeId && r.Status != ReleaseStatus.Draft).Select(r => r.Status).ToListAsync();
            Assert.Equal([ReleaseStatus.Published, ReleaseStatus.Superseded], statuses.Order());
            Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], racing.Select(r => r.StatusCode).Order());
        }
    }

    [Fact]
    public async Task A_draft_can_be_described_again_with_its_etag()
    {
        var (version, _, _) = await steps.TestedVersionAsync();
        var draft = await steps.DraftAsync(version.Id);
        var read = await steps.Team.GetAsync($"/api/v1/releases/{draft.Id}");

        var changed = await steps.Team.SendAsync(new HttpRequestMessage(HttpMethod.Put, $"/api/v1/releases/{draft.Id}")
        {
            Content = HttpExtensions.JsonBody("""{"title":"Wydanie po zmianie prawa","reasons":["change-in-law"],"notes":"Nowe rozporządzenie."}"""),
        }.WithHeader("If-Match", read.Headers.ETag!.Tag));
        var json = JsonDocument.Parse(await (await steps.Team.GetAsync($"/api/v1/releases/{draft.Id}/files/json")).Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(["change-in-law"], (await changed.ShouldBeAsync<ReleaseView>(HttpStatusCode.OK)).Reasons);
        Assert.Equal("Nowe rozporządzenie.", json.GetProperty("notes").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await api.ClientAs(Roles.Expert).PostAsync($"/api/v1/releases/{draft.Id}/publication", null)).StatusCode);
    }
}
