using System.Net;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Events;
using TrainingApi.Common.Http;
using TrainingApi.Features.Consultations.Dispositions;
using TrainingApi.Features.Consultations.Organisations;
using TrainingApi.Features.Consultations.Submissions;
using TrainingApi.Features.Curriculum.Diff;
using TrainingApi.Features.Curriculum.Sections;
using TrainingApi.Features.Curriculum.Versions;
using TrainingApi.Tests.Features.Curriculum;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.Consultations.Dispositions;

public sealed class RecordCommentsTakenInTests(ConsultationsFactory api) : IClassFixture<ConsultationsFactory>
{
    private readonly ConsultationSteps steps = new(api);

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, Guid roundId, Guid versionId, params CommentView[] comments) =>
        client.PostJsonAsync($"/api/v1/consultation-rounds/{roundId}/taken-into",
            new { versionId, items = comments.Select(c => new { commentId = c.Id, ifMatch = c.Etag }).ToArray() });

    [Fact]
    public async Task A_partner_reads_the_draft_its_comments_were_taken_into_and_its_diff_from_the_moment_it_is_announced()
    {
        var round = await steps.OpenRoundAsync();
        var zmp = await api.PartnerClientAsync(SeededOrganisations.Zmp);
        var zpp = await api.PartnerClientAsync(SeededOrganisations.Zpp);
        var submission = await ConsultationSteps.SubmitAsync(zmp, round.Id, new { externalReference = $"ZMP/ti/{Guid.NewGuid():N}", comments = ConsultationSteps.Comments(2) });
        var disposed = await (await DisposeCommentsTests.PostAsync(steps.Expert, round.Id,
                [.. await Task.WhenAll(submission.Comments.Select(async c => DisposeCommentsTests.Item((await steps.ReadCommentAsync(c.Id)).Comment)))]))
            .ShouldBeAsync<DisposeComments.Result>(HttpStatusCode.OK);
        var curriculum = new CurriculumSteps(steps.Team);
        var draft = await curriculum.VersionAsync(round.ProgrammeId, "1.1", round.VersionId);
        await curriculum.SectionAsync(draft.Id, "modul-3", title: "Nowy moduł po konsultacjach", hours: 2);
        var diffUrl = $"/api/v1/programmes/{round.ProgrammeId}/diff?from={round.VersionId}&to={draft.Id}";
        var beforeVersion = await zmp.GetAsync($"/api/v1/versions/{draft.Id}");
        var beforeDiff = await zmp.GetAsync(diffUrl);

        var response = await PostAsync(steps.Team, round.Id, draft.Id, [.. disposed.Comments]);

        var result = await response.ShouldBeAsync<DisposeComments.Result>(HttpStatusCode.OK);
        Assert.All(result.Comments, c => Assert.Equal((CommentStatus.TakenIn, "1.1"), (c.Status, c.TakenIntoVersion!.Label)));
        await beforeVersion.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await beforeDiff.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        var version = await (await zmp.GetAsync($"/api/v1/versions/{draft.Id}")).ShouldBeAsync<VersionView>(HttpStatusCode.OK);
        Assert.Equal(("1.1", VersionStatus.Draft), (version.Label, version.Status));
        var sections = await (await zmp.GetAsync($"/api/v1/versions/{draft.Id}/sections?limit=100")).ShouldBeAsync<Page<SectionView>>(HttpStatusCode.OK);
        Assert.Contains(sections.Items, s => s.Anchor == "modul-3");
        var diff = await (await zmp.GetAsync(diffUrl)).ShouldBeAsync<DiffVersions.Result>(HttpStatusCode.OK);
        Assert.Equal(("1.0", "1.1", 1), (diff.From, diff.To, diff.Added));
        // Another organisation, whose comments were not taken in, still gets a 404.
        await (await zpp.GetAsync($"/api/v1/versions/{draft.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await zpp.GetAsync(diffUrl)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await using var db = api.Db();
        var events = await db.Context.Set<OutboxEvent>().Where(e => e.Type == "comment.taken-in").ToListAsync();
        Assert.Equal(2, events.Count(e => submission.Comments.Any(c => e.Payload.Contains(c.Id.ToString()))));
    }

    [Fact]
    public async Task A_batch_with_a_comment_not_accepted_or_stale_changes_nothing()
    {
        var round = await steps.OpenRoundAsync();
        var submission = await steps.TeamSubmitsAsync(round.Id, SeededOrganisations.Zmp, ConsultationSteps.Comment(), ConsultationSteps.Comment(anchor: "modul-1"));
        (await steps.DisposeAsync(submission.Comments[0].Id, "accepted", "Tak.")).EnsureSuccessStatusCode();
        (await steps.DisposeAsync(submission.Comments[1].Id, "rejected", "Nie.")).EnsureSuccessStatusCode();
        var draft = await new CurriculumSteps(steps.Team).VersionAsync(round.ProgrammeId, "1.1", round.VersionId);
        var accepted = (await steps.ReadCommentAsync(submission.Comments[0].Id)).Comment;
        var rejected = (await steps.ReadCommentAsync(submission.Comments[1].Id)).Comment;

        var notAccepted = await PostAsync(steps.Team, round.Id, draft.Id, accepted, rejected);
        var stale = await PostAsync(steps.Team, round.Id, draft.Id, accepted with { Etag = "\"1\"" });
        var sameVersion = await PostAsync(steps.Team, round.Id, round.VersionId, accepted);

        var problem = await notAccepted.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict");
        Assert.Equal("comment-not-accepted", problem.GetProperty("code").GetString());
        Assert.Equal("items[1]", Assert.Single(problem.GetProperty("refusedItems").EnumerateArray()).GetProperty("item").GetString());
        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "precondition-failed");
        await sameVersion.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "unprocessable-content");
        Assert.Null((await steps.ReadCommentAsync(accepted.Id)).Comment.TakenIntoVersion);
    }
}
