using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Audit;
using TrainingApi.Common.Events;
using TrainingApi.Common.Http;
using TrainingApi.Features.Consultations.Dispositions;
using TrainingApi.Features.Consultations.Organisations;
using TrainingApi.Features.Consultations.Submissions;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.Consultations.Dispositions;

/// <summary>Bulk dispositions are all or nothing: one stale item refuses the batch and changes nothing.</summary>
public sealed class DisposeCommentsTests(ConsultationsFactory api) : IClassFixture<ConsultationsFactory>
{
    private readonly ConsultationSteps steps = new(api);

    public static object Item(CommentView c, string disposition = "accepted", string response = "Uwzględniono.", string? ifMatch = null) =>
        new { commentId = c.Id, ifMatch = ifMatch ?? c.Etag, disposition, response };

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, Guid roundId, params object[] items) =>
        client.PostJsonAsync($"/api/v1/consultation-rounds/{roundId}/dispositions", new { items });

    private async Task<(Guid RoundId, List<CommentView> Comments)> RoundWithCommentsAsync(int count, int days = 14)
    {
        var round = await steps.OpenRoundAsync(days: days);
        var zmp = await api.PartnerClientAsync(SeededOrganisations.Zmp);
        await ConsultationSteps.SubmitAsync(zmp, round.Id, new { externalReference = $"ZMP/bulk/{Guid.NewGuid():N}", comments = ConsultationSteps.Comments(count) });
        var page = await (await steps.Expert.GetAsync($"/api/v1/consultation-rounds/{round.Id}/comments?limit=100")).ShouldBeAsync<Page<CommentView>>(HttpStatusCode.OK);
        return (round.Id, [.. page.Items]);
    }

    [Fact]
    public async Task Fifty_three_comments_take_one_call_each_audited_and_announced_to_the_organisation()
    {
        var (roundId, comments) = await RoundWithCommentsAsync(53);

        var response = await PostAsync(steps.Expert, roundId, [.. comments.Select((c, i) => Item(c, i % 2 == 0 ? "accepted" : "rejected", $"Odpowiedź {i}"))]);

        var result = await response.ShouldBeAsync<DisposeComments.Result>(HttpStatusCode.OK);
        Assert.Equal(53, result.Changed);
        Assert.Equal(comments.Select(c => c.Id), result.Comments.Select(c => c.Id));
        Assert.All(result.Comments, c => Assert.Equal(CommentStatus.Disposed, c.Status));
        Assert.Equal(Disposition.Rejected, result.Comments[1].Disposition);
        Assert.All(result.Comments.Zip(comments), x => Assert.NotEqual(x.Second.Etag, x.First.Etag));
        await using var db = api.Db();
        var ids = comments.Select(c => c.Id.ToString()).ToList();
        var audited = await db.Context.Set<AuditEntry>().Where(a => a.EntityType == "Comment" && ids.Contains(a.EntityId)).ToListAsync();
        Assert.Equal(53, audited.Count);
        var events = await db.Context.Set<OutboxEvent>().Where(e => e.Type == "comment.disposed").ToListAsync();
        var ours = events.Where(e => ids.Any(id => e.Payload.Contains(id))).ToList();
        Assert.Equal(53, ours.Count);
        Assert.All(ours, e => Assert.Equal(SeededOrganisations.Zmp, e.AudienceOrganisationId));
        Assert.Equal("Odpowiedź 1", JsonDocument.Parse(ours.Single(e => e.Payload.Contains(ids[1])).Payload).RootElement.GetProperty("data").GetProperty("response").GetString());
    }

    [Fact]
    public async Task One_stale_item_refuses_the_whole_batch_with_its_current_etag_and_nothing_changes()
    {
        var (roundId, comments) = await RoundWithCommentsAsync(3);
        (await steps.DisposeAsync(comments[1].Id, "noted", "Zmienione w międzyczasie.")).EnsureSuccessStatusCode();
        var current = (await steps.ReadCommentAsync(comments[1].Id)).Comment;

        var response = await PostAsync(steps.Expert, roundId, [.. comments.Select(c => Item(c))]);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "precondition-failed");
        Assert.Equal("stale-items", problem.GetProperty("code").GetString());
        var stale = Assert.Single(problem.GetProperty("staleItems").EnumerateArray());
        Assert.Equal(("items[1]", comments[1].Id, current.Etag),
            (stale.GetProperty("item").GetString(), stale.GetProperty("commentId").GetGuid(), stale.GetProperty("etag").GetString()));
        Assert.Equal(CommentStatus.AwaitingDisposition, (await steps.ReadCommentAsync(comments[0].Id)).Comment.Status);
        Assert.Equal(CommentStatus.AwaitingDisposition, (await steps.ReadCommentAsync(comments[2].Id)).Comment.Status);
        Assert.Equal(Disposition.Noted, (await steps.ReadCommentAsync(comments[1].Id)).Comment.Disposition);

        // Resent with the ETag the problem gave, the batch goes through.
        var retried = await PostAsync(steps.Expert, roundId, Item(comments[0]), Item(comments[1], ifMatch: current.Etag), Item(comments[2]));
        Assert.Equal(3, (await retried.ShouldBeAsync<DisposeComments.Result>(HttpStatusCode.OK)).Changed);
    }

    [Fact]
    public async Task Concurrent_batches_with_if_match_star_all_land_the_last_writer_wins_and_each_change_is_audited()
    {
        var (roundId, comments) = await RoundWithCommentsAsync(3);
        var batches = Enumerable.Range(0, 12).Select(i => $"Partia {i}").ToList();

        // Every other batch names the comments in the reverse order.
        var responses = await Task.WhenAll(batches.Select((answer, i) => PostAsync(steps.Expert, roundId,
            [.. (i % 2 == 0 ? comments : Enumerable.Reverse(comments)).Select(c => Item(c, "noted", answer, ifMatch: "*"))])));

        foreach (var response in responses)
        {
            Assert.Equal(3, (await response.ShouldBeAsync<DisposeComments.Result>(HttpStatusCode.OK)).Changed);
        }

        await using var db = api.Db();
        foreach (var comment in comments)
        {
            var final = (await steps.ReadCommentAsync(comment.Id)).Comment;
            var audited = await db.Context.Set<AuditEntry>().Where(a => a.EntityType == "Comment" && a.EntityId == comment.Id.ToString() && a.Operation == "updated").ToListAsync();
            var changes = audited.Select(a => JsonDocument.Parse(a.Changes).RootElement.GetProperty("response"))
                .Select(r => (From: r.GetProperty("from").GetString(), To: r.GetProperty("to").GetString())).ToList();
            Assert.Equal(batches.Order(StringComparer.Ordinal), changes.Select(c => c.To).Order(StringComparer.Ordinal));
            // One after another, each over the one before, ending in the state that stayed.
            string? reached = null;
            foreach (var _ in changes)
            {
                reached = Assert.Single(changes, c => c.From == reached).To;
            }

            Assert.Equal(final.Response, reached);
        }
    }

    [Fact]
    public async Task A_batch_is_refused_whole_for_duplicates_size_unknown_comments_and_after_publication()
    {
        var (roundId, comments) = await RoundWithCommentsAsync(2, days: 1);
        var (otherRound, others) = await RoundWithCommentsAsync(1);

        var duplicate = await PostAsync(steps.Expert, roundId, Item(comments[0]), Item(comments[0], "rejected"));
        var tooMany = await PostAsync(steps.Expert, roundId, [.. Enumerable.Range(0, 201).Select(_ => Item(comments[0]))]);
        var empty = await PostAsync(steps.Expert, roundId);
        var badTag = await PostAsync(steps.Expert, roundId, Item(comments[0], ifMatch: "W/\"1\""));
        var nullItem = await steps.Expert.PostAsync($"/api/v1/consultation-rounds/{roundId}/dispositions", HttpExtensions.JsonBody("{\"items\":[null]}"));
        var foreign = await PostAsync(steps.Expert, roundId, Item(comments[0]), Item(others[0]));
        var partner = await PostAsync(await api.PartnerClientAsync(SeededOrganisations.Zmp), roundId, Item(comments[0]));
        var unknownRound = await PostAsync(steps.Expert, Guid.NewGuid(), Item(comments[0]));

        await duplicate.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await tooMany.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await empty.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await badTag.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.Equal(HttpStatusCode.BadRequest, nullItem.StatusCode);
        var unknown = await foreign.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "unprocessable-content");
        Assert.Equal("items[1]", Assert.Single(unknown.GetProperty("unknownItems").EnumerateArray()).GetProperty("item").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, partner.StatusCode);
        await unknownRound.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        Assert.Equal(CommentStatus.AwaitingDisposition, (await steps.ReadCommentAsync(comments[0].Id)).Comment.Status);
        Assert.Equal(CommentStatus.AwaitingDisposition, (await steps.ReadCommentAsync(others[0].Id)).Comment.Status);

        var all = await PostAsync(steps.Team, roundId, [.. comments.Select(c => Item(c))]);
        all.EnsureSuccessStatusCode();
        api.Clock.Now = api.Clock.Now.AddDays(2);
        (await steps.Team.PostAsync($"/api/v1/consultation-rounds/{roundId}/report/publication", null)).EnsureSuccessStatusCode();
        var fresh = (await all.ShouldBeAsync<DisposeComments.Result>(HttpStatusCode.OK)).Comments;
        var afterPublication = await PostAsync(steps.Team, roundId, Item(fresh[0], "rejected"));
        api.Clock.Now = DateTimeOffset.UtcNow;

        Assert.Equal("report-published", (await afterPublication.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict")).GetProperty("code").GetString());
    }
}
