using System.Net;
using TrainingApi.Common.Http;
using TrainingApi.Features.Consultations.Organisations;
using TrainingApi.Features.Consultations.Submissions;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.Consultations.Submissions;

/// <summary>`updatedSince` on the comment and submission lists: a partner polls only what changed.</summary>
public sealed class SyncChangedSinceTests(ConsultationsFactory api) : IClassFixture<ConsultationsFactory>
{
    private readonly ConsultationSteps steps = new(api);

    private static string Since(DateTimeOffset at) => Uri.EscapeDataString(at.ToString("O"));

    [Fact]
    public async Task Updated_since_returns_exactly_the_comments_and_submissions_that_changed_in_the_order_they_changed()
    {
        // Whole microseconds, as the database keeps them, so the times read back equal these.
        var start = api.Clock.Now = api.Clock.Now.AddTicks(-(api.Clock.Now.Ticks % 10));
        var round = await steps.OpenRoundAsync();
        var zmp = await api.PartnerClientAsync(SeededOrganisations.Zmp);
        var first = await ConsultationSteps.SubmitAsync(zmp, round.Id, new { externalReference = $"ZMP/sync/{Guid.NewGuid():N}", comments = ConsultationSteps.Comments(4) });
        var second = await ConsultationSteps.SubmitAsync(zmp, round.Id, new { externalReference = $"ZMP/sync/{Guid.NewGuid():N}", comments = ConsultationSteps.Comments(3, "Druga") });
        var synced = start.AddMinutes(10);
        api.Clock.Now = synced;
        (await steps.DisposeAsync(first.Comments[2].Id, "rejected", "Nie.")).EnsureSuccessStatusCode();
        api.Clock.Now = synced.AddMinutes(1);
        (await steps.DisposeAsync(first.Comments[0].Id, "accepted", "Tak.")).EnsureSuccessStatusCode();
        api.Clock.Now = start;

        var comments = await (await zmp.GetAsync($"/api/v1/consultation-rounds/{round.Id}/comments?updatedSince={Since(synced)}"))
            .ShouldBeAsync<Page<CommentView>>(HttpStatusCode.OK);
        var submissions = await (await zmp.GetAsync($"/api/v1/consultation-rounds/{round.Id}/submissions?updatedSince={Since(synced)}"))
            .ShouldBeAsync<Page<SubmissionSummary>>(HttpStatusCode.OK);
        var everything = await (await zmp.GetAsync($"/api/v1/consultation-rounds/{round.Id}/comments?updatedSince={Since(start.AddHours(-2))}&limit=3"))
            .ShouldBeAsync<Page<CommentView>>(HttpStatusCode.OK);

        Assert.Equal([first.Comments[2].Id, first.Comments[0].Id], comments.Items.Select(c => c.Id));
        Assert.Equal(synced.AddMinutes(1), comments.Items[1].UpdatedAt);
        Assert.Equal([first.Id], submissions.Items.Select(s => s.Id));
        Assert.Equal(synced.AddMinutes(1), submissions.Items[0].UpdatedAt);
        Assert.DoesNotContain(submissions.Items, s => s.Id == second.Id);
        // Paged by cursor in (updatedAt, id) order: the two changed ones come last, after the five unchanged.
        var all = new List<CommentView>(everything.Items);
        var cursor = everything.NextCursor;
        while (cursor is not null)
        {
            var next = await (await zmp.GetAsync($"/api/v1/consultation-rounds/{round.Id}/comments?updatedSince={Since(start.AddHours(-2))}&limit=3&cursor={cursor}"))
                .ShouldBeAsync<Page<CommentView>>(HttpStatusCode.OK);
            all.AddRange(next.Items);
            cursor = next.NextCursor;
        }

        Assert.Equal(7, all.Select(c => c.Id).Distinct().Count());
        Assert.Equal([first.Comments[2].Id, first.Comments[0].Id], all.TakeLast(2).Select(c => c.Id));
    }

    [Fact]
    public async Task An_updated_since_that_is_no_time_is_a_400_and_a_time_without_offset_is_warsaw_time()
    {
        var round = await steps.OpenRoundAsync();

        var bad = await steps.Team.GetAsync($"/api/v1/consultation-rounds/{round.Id}/comments?updatedSince=wczoraj");
        var badSubmissions = await steps.Team.GetAsync($"/api/v1/consultation-rounds/{round.Id}/submissions?updatedSince=2024-13-01");
        var warsaw = await steps.Team.GetAsync($"/api/v1/consultation-rounds/{round.Id}/comments?updatedSince=2024-04-02T10:00");
        var edge = await steps.Team.GetAsync($"/api/v1/consultation-rounds/{round.Id}/comments?updatedSince=0001-01-01T00:00");
        var unencodedPlus = await steps.Team.GetAsync($"/api/v1/consultation-rounds/{round.Id}/comments?updatedSince=2024-04-02T10:00:00+02:00");

        Assert.NotEmpty((await bad.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed")).ErrorsFor("updatedSince"));
        await badSubmissions.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await edge.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.Equal(HttpStatusCode.OK, warsaw.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unencodedPlus.StatusCode);
    }

    [Fact]
    public async Task The_work_left_on_one_section_is_the_awaiting_comments_on_its_anchor()
    {
        var round = await steps.OpenRoundAsync();
        var submission = await steps.TeamSubmitsAsync(round.Id, SeededOrganisations.Zpp,
            ConsultationSteps.Comment(anchor: "modul-2", content: "A"), ConsultationSteps.Comment(anchor: "modul-2", content: "B"),
            ConsultationSteps.Comment(anchor: "modul-1", content: "C"));
        (await steps.DisposeAsync(submission.Comments[0].Id, "noted", "Przyjęto.")).EnsureSuccessStatusCode();

        var left = await (await steps.Expert.GetAsync($"/api/v1/consultation-rounds/{round.Id}/comments?status=awaiting-disposition&anchor=modul-2"))
            .ShouldBeAsync<Page<CommentView>>(HttpStatusCode.OK);

        Assert.Equal([submission.Comments[1].Id], left.Items.Select(c => c.Id));
    }
}
