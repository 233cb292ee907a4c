using System.Net;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Features.Consultations.Organisations;
using TrainingApi.Features.Consultations.Submissions;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.Consultations.Submissions;

/// <summary>The same text on the same anchor from the same organisation is flagged as a duplicate, never dropped.</summary>
public sealed class DuplicateCommentsTests(ConsultationsFactory api) : IClassFixture<ConsultationsFactory>
{
    private readonly ConsultationSteps steps = new(api);

    [Fact]
    public async Task A_comment_sent_again_in_a_later_batch_is_stored_and_points_to_the_first()
    {
        var round = await steps.OpenRoundAsync();
        var first = await steps.TeamSubmitsAsync(round.Id, SeededOrganisations.Zmp, ConsultationSteps.Comment(content: "Brakuje opisu ról w JST."));

        var again = await steps.TeamSubmitsAsync(round.Id, SeededOrganisations.Zmp,
            ConsultationSteps.Comment(content: "  brakuje opisu RÓL w JST ", justification: "Inne uzasadnienie."), ConsultationSteps.Comment(content: "Nowa uwaga."));

        Assert.Equal(1, again.DuplicateCount);
        Assert.Equal(first.Comments[0].Id, again.Comments[0].DuplicateOf);
        Assert.Null(again.Comments[1].DuplicateOf);
        Assert.Equal(3, await CountAsync(round.Id));
    }

    [Fact]
    public async Task Twins_within_one_batch_are_flagged_after_the_first()
    {
        var round = await steps.OpenRoundAsync();

        var submission = await steps.TeamSubmitsAsync(round.Id, SeededOrganisations.Zpp,
            ConsultationSteps.Comment(), ConsultationSteps.Comment(), ConsultationSteps.Comment(anchor: "modul-1"));

        Assert.Equal([null, submission.Comments[0].Id, null], submission.Comments.Select(c => c.DuplicateOf));
    }

    [Fact]
    public async Task The_same_text_from_another_organisation_or_on_another_anchor_is_no_duplicate()
    {
        var round = await steps.OpenRoundAsync();
        await steps.TeamSubmitsAsync(round.Id, SeededOrganisations.Zmp, ConsultationSteps.Comment());

        var otherOrganisation = await steps.TeamSubmitsAsync(round.Id, SeededOrganisations.Zgwrp, ConsultationSteps.Comment());
        var otherAnchor = await steps.TeamSubmitsAsync(round.Id, SeededOrganisations.Zmp, ConsultationSteps.Comment(anchor: "wytyczne"));

        Assert.Equal(0, otherOrganisation.DuplicateCount + otherAnchor.DuplicateCount);
    }

    [Fact]
    public async Task Two_batches_racing_with_the_same_comment_leave_one_original_and_one_duplicate()
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var round = await steps.OpenRoundAsync();
            var zmp = await api.PartnerClientAsync(SeededOrganisations.Zmp);

            var responses = await Task.WhenAll(Enumerable.Range(0, 2).Select(i => zmp.SendAsync(ConsultationSteps.Submission(round.Id,
                new { externalReference = $"ZMP/race/{attempt}/{i}", comments = new[] { ConsultationSteps.Comment(content: "Ta sama uwaga.") } }, $"race-{attempt}-{i}"))));

            Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
            await using var db = api.Db();
            var stored = await db.Context.Set<Comment>().Where(c => c.RoundId == round.Id).ToListAsync();
            Assert.Equal(2, stored.Count);
            Assert.Single(stored, c => c.DuplicateOfId is null);
            Assert.Single(stored, c => c.DuplicateOfId == stored.Single(o => o.DuplicateOfId is null).Id);
        }
    }

    private async Task<int> CountAsync(Guid roundId)
    {
        await using var db = api.Db();
        return await db.Context.Set<Comment>().CountAsync(c => c.RoundId == roundId);
    }
}
