using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Features.Consultations.Organisations;
using TrainingApi.Features.Consultations.Submissions;
using TrainingApi.Tests.Features.Curriculum;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.Consultations.Dispositions;

public sealed class RecordCommentTakenInTests(ConsultationsFactory api) : IClassFixture<ConsultationsFactory>
{
    private readonly ConsultationSteps steps = new(api);

    [Fact]
    public async Task An_accepted_comment_is_recorded_as_taken_into_the_next_version_even_after_publication()
    {
        var round = await steps.OpenRoundAsync(days: 2);
        var submission = await steps.TeamSubmitsAsync(round.Id, SeededOrganisations.Zmp, ConsultationSteps.Comment());
        var commentId = submission.Comments[0].Id;
        (await steps.DisposeAsync(commentId, "accepted", "Dodamy.")).EnsureSuccessStatusCode();
        await steps.CloseAndPublishAsync(round);
        var next = await new CurriculumSteps(steps.Team).VersionAsync(round.ProgrammeId, "1.1", round.VersionId);

        var response = await PutAsync(commentId, next.Id);

        var comment = await response.ShouldBeAsync<CommentView>(HttpStatusCode.OK);
        Assert.Equal((CommentStatus.TakenIn, "1.1"), (comment.Status, comment.TakenIntoVersion!.Label));
        await using var db = api.Db();
        var events = await db.Context.Set<TrainingApi.Common.Events.OutboxEvent>().Where(e => e.Type == "comment.taken-in").ToListAsync();
        Assert.Contains(events, e => e.Payload.Contains(commentId.ToString()));
    }

    [Fact]
    public async Task A_rejected_comment_or_the_consulted_version_itself_is_refused()
    {
        var round = await steps.OpenRoundAsync();
        var submission = await steps.TeamSubmitsAsync(round.Id, SeededOrganisations.Zmp, ConsultationSteps.Comment(), ConsultationSteps.Comment(anchor: "modul-1"));
        (await steps.DisposeAsync(submission.Comments[0].Id, "rejected", "Nie.")).EnsureSuccessStatusCode();
        (await steps.DisposeAsync(submission.Comments[1].Id, "accepted", "Tak.")).EnsureSuccessStatusCode();
        var otherProgramme = await new CurriculumSteps(steps.Team).DraftAsync();
        var next = await new CurriculumSteps(steps.Team).VersionAsync(round.ProgrammeId, "1.1", round.VersionId);

        var rejected = await PutAsync(submission.Comments[0].Id, next.Id);
        var sameVersion = await PutAsync(submission.Comments[1].Id, round.VersionId);
        var foreign = await PutAsync(submission.Comments[1].Id, otherProgramme.Id);
        var missing = await PutAsync(submission.Comments[1].Id, Guid.NewGuid());

        Assert.Equal("comment-not-accepted", (await rejected.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict")).GetProperty("code").GetString());
        Assert.Equal("not-a-later-version", (await sameVersion.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "unprocessable-content")).GetProperty("code").GetString());
        await foreign.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "unprocessable-content");
        await missing.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        Assert.Null((await steps.ReadCommentAsync(submission.Comments[1].Id)).Comment.TakenIntoVersion);
    }

    private async Task<HttpResponseMessage> PutAsync(Guid commentId, Guid versionId)
    {
        var (_, etag) = await steps.ReadCommentAsync(commentId);
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/consultation-comments/{commentId}/taken-into")
        {
            Content = HttpExtensions.JsonBody(JsonSerializer.Serialize(new { versionId }, HttpExtensions.Json)),
        };
        request.Headers.IfMatch.Add(etag);
        return await steps.Expert.SendAsync(request);
    }
}
