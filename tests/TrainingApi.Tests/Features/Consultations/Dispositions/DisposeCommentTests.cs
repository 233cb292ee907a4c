using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Audit;
using TrainingApi.Common.Events;
using TrainingApi.Common.Security;
using TrainingApi.Features.Consultations.Dispositions;
using TrainingApi.Features.Consultations.Organisations;
using TrainingApi.Features.Consultations.Submissions;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.Consultations.Dispositions;

public sealed class DisposeCommentTests(ConsultationsFactory api) : IClassFixture<ConsultationsFactory>
{
    private readonly ConsultationSteps steps = new(api);

    [Fact]
    public async Task An_expert_disposes_a_comment_which_is_audited_and_told_to_its_organisation()
    {
        var round = await steps.OpenRoundAsync();
        var zmp = await api.PartnerClientAsync(SeededOrganisations.Zmp);
        var submission = await ConsultationSteps.SubmitAsync(zmp, round.Id, new { externalReference = "ZMP/disp/1", comments = ConsultationSteps.Comments(2) });
        var commentId = submission.Comments[1].Id;

        var response = await steps.DisposeAsync(commentId, "partly-accepted", "Dodano akapit w jednostce 2.1.");

        var disposed = await response.ShouldBeAsync<CommentView>(HttpStatusCode.OK);
        Assert.Equal((CommentStatus.Disposed, Disposition.PartlyAccepted, "Dodano akapit w jednostce 2.1."), (disposed.Status, disposed.Disposition, disposed.Response));
        var seenByPartner = (await steps.ReadCommentAsync(commentId, zmp)).Comment;
        Assert.Equal(Disposition.PartlyAccepted, seenByPartner.Disposition);
        await using var db = api.Db();
        var audit = await db.Context.Set<AuditEntry>().SingleAsync(a => a.EntityType == "Comment" && a.EntityId == commentId.ToString());
        Assert.Equal((Roles.Expert, "updated"), (audit.ActorRole, audit.Operation));
        Assert.Contains("partly-accepted", audit.Changes, StringComparison.OrdinalIgnoreCase);
        var @event = (await db.Context.Set<OutboxEvent>().Where(e => e.Type == "comment.disposed").ToListAsync()).Single(e => e.Payload.Contains(commentId.ToString()));
        Assert.Equal(SeededOrganisations.Zmp, @event.AudienceOrganisationId);
        var data = JsonDocument.Parse(@event.Payload).RootElement.GetProperty("data");
        Assert.Equal(("ZMP/disp/1", 2, "partly-accepted"), (data.GetProperty("externalReference").GetString(), data.GetProperty("position").GetInt32(), data.GetProperty("disposition").GetString()));
    }

    [Fact]
    public async Task A_disposition_can_be_revised_until_the_report_is_published()
    {
        var round = await steps.OpenRoundAsync(days: 2);
        var submission = await steps.TeamSubmitsAsync(round.Id, SeededOrganisations.Zpp, ConsultationSteps.Comment());
        var commentId = submission.Comments[0].Id;
        (await steps.DisposeAsync(commentId, "rejected", "Nie.")).EnsureSuccessStatusCode();

        var revised = await (await steps.DisposeAsync(commentId, "accepted", "Jednak tak.")).ShouldBeAsync<CommentView>(HttpStatusCode.OK);
        await steps.CloseAndPublishAsync(round);
        var afterPublication = await steps.DisposeAsync(commentId, "noted", "Za późno.", steps.Team);

        Assert.Equal(Disposition.Accepted, revised.Disposition);
        var problem = await afterPublication.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict");
        Assert.Equal("report-published", problem.GetProperty("code").GetString());
        Assert.Equal(Disposition.Accepted, (await steps.ReadCommentAsync(commentId)).Comment.Disposition);
    }

    [Fact]
    public async Task A_disposition_needs_a_response_a_known_value_and_the_current_etag()
    {
        var round = await steps.OpenRoundAsync();
        var submission = await steps.TeamSubmitsAsync(round.Id, SeededOrganisations.Zpp, ConsultationSteps.Comment());
        var commentId = submission.Comments[0].Id;

        var noResponse = await steps.DisposeAsync(commentId, "accepted", " ");
        var unknown = await steps.DisposeAsync(commentId, "maybe", "Może.");
        var noEtag = await steps.Expert.PutAsync($"/api/v1/consultation-comments/{commentId}/disposition",
            HttpExtensions.JsonBody("""{"disposition":"accepted","response":"Tak."}"""));
        var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/consultation-comments/{commentId}/disposition")
        {
            Content = HttpExtensions.JsonBody("""{"disposition":"accepted","response":"Tak."}"""),
        }.WithHeader("If-Match", "\"12345\"");

        Assert.NotEmpty((await noResponse.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed")).ErrorsFor("response"));
        await unknown.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "malformed-request");
        await noEtag.ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired, "precondition-required");
        await (await steps.Expert.SendAsync(stale)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "precondition-failed");
        Assert.Equal(CommentStatus.AwaitingDisposition, (await steps.ReadCommentAsync(commentId)).Comment.Status);
    }

    [Fact]
    public async Task Concurrent_dispositions_with_if_match_star_all_land_the_last_writer_wins_and_each_is_audited()
    {
        var round = await steps.OpenRoundAsync();
        var submission = await steps.TeamSubmitsAsync(round.Id, SeededOrganisations.Zpp, ConsultationSteps.Comment());
        var commentId = submission.Comments[0].Id;
        var answers = Enumerable.Range(0, 16).Select(i => $"Odpowiedź {i}").ToList();

        var responses = await Task.WhenAll(answers.Select(answer => steps.Expert.SendAsync(new HttpRequestMessage(HttpMethod.Put, $"/api/v1/consultation-comments/{commentId}/disposition")
        {
            Content = HttpExtensions.JsonBody(JsonSerializer.Serialize(new { disposition = "noted", response = answer }, HttpExtensions.Json)),
        }.WithHeader("If-Match", "*"))));

        foreach (var response in responses)
        {
            await response.ShouldBeAsync<CommentView>(HttpStatusCode.OK);
        }

        var final = (await steps.ReadCommentAsync(commentId)).Comment;
        Assert.Contains(final.Response, answers);
        await using var db = api.Db();
        var audited = await db.Context.Set<AuditEntry>().Where(a => a.EntityType == "Comment" && a.EntityId == commentId.ToString() && a.Operation == "updated").ToListAsync();
        var changes = audited.Select(a => JsonDocument.Parse(a.Changes).RootElement.GetProperty("response"))
            .Select(r => (From: r.GetProperty("from").GetString(), To: r.GetProperty("to").GetString())).ToList();
        Assert.Equal(answers.Order(StringComparer.Ordinal), changes.Select(c => c.To).Order(StringComparer.Ordinal));
        // One after another, each over the one before (none wrote over a state it had not read), ending in the state that stayed.
        string? reached = null;
        foreach (var _ in changes)
        {
            reached = Assert.Single(changes, c => c.From == reached).To;
        }

        Assert.Equal(final.Response, reached);
        var events = (await db.Context.Set<OutboxEvent>().Where(e => e.Type == "comment.disposed").ToListAsync()).Count(e => e.Payload.Contains(commentId.ToString()));
        Assert.Equal(answers.Count, events);
    }

    [Fact]
    public async Task An_unknown_comment_is_a_404()
    {
        var response = await steps.Expert.SendAsync(new HttpRequestMessage(HttpMethod.Put, $"/api/v1/consultation-comments/{Guid.NewGuid()}/disposition")
        {
            Content = HttpExtensions.JsonBody("""{"disposition":"accepted","response":"Tak."}"""),
        }.WithHeader("If-Match", "\"1\""));

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }
}
