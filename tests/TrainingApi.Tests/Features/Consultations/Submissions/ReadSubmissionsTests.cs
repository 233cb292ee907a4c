using System.Net;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Common.Security;
using TrainingApi.Features.Consultations.Organisations;
using TrainingApi.Features.Consultations.Submissions;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.Consultations.Submissions;

/// <summary>Listing and reading submissions and comments: each organisation sees only its own.</summary>
public sealed class ReadSubmissionsTests(ConsultationsFactory api) : IClassFixture<ConsultationsFactory>
{
    private readonly ConsultationSteps steps = new(api);

    [Fact]
    public async Task A_partner_lists_and_reads_only_its_organisations_submissions_and_comments()
    {
        var round = await steps.OpenRoundAsync();
        var zmp = await api.PartnerClientAsync(SeededOrganisations.Zmp);
        var own = await ConsultationSteps.SubmitAsync(zmp, round.Id, new { externalReference = "ZMP/list/1", comments = ConsultationSteps.Comments(3) });
        var others = await steps.TeamSubmitsAsync(round.Id, SeededOrganisations.Zpp, ConsultationSteps.Comment());

        var submissions = await (await zmp.GetAsync($"/api/v1/consultation-rounds/{round.Id}/submissions")).ShouldBeAsync<Page<SubmissionSummary>>(HttpStatusCode.OK);
        var comments = await (await zmp.GetAsync($"/api/v1/consultation-rounds/{round.Id}/comments?limit=100")).ShouldBeAsync<Page<CommentView>>(HttpStatusCode.OK);
        var byReference = await (await zmp.GetAsync($"/api/v1/consultation-rounds/{round.Id}/submissions?externalReference=ZMP%2Flist%2F1")).ShouldBeAsync<Page<SubmissionSummary>>(HttpStatusCode.OK);

        Assert.Equal(own.Id, Assert.Single(submissions.Items).Id);
        Assert.Equal(own.Id, Assert.Single(byReference.Items).Id);
        Assert.Equal(3, comments.Items.Count);
        Assert.All(comments.Items, c => Assert.Equal(SeededOrganisations.Zmp, c.OrganisationId));
        await (await zmp.GetAsync($"/api/v1/consultation-submissions/{others.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await zmp.GetAsync($"/api/v1/consultation-comments/{others.Comments[0].Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        var read = await (await zmp.GetAsync($"/api/v1/consultation-submissions/{own.Id}")).ShouldBeAsync<SubmissionView>(HttpStatusCode.OK);
        Assert.Equal(own.Comments.Select(c => c.Id), read.Comments.Select(c => c.Id));
    }

    [Fact]
    public async Task A_coordinator_sees_only_what_its_jst_sent()
    {
        var round = await steps.OpenRoundAsync();
        var lodz = api.ClientAs(Roles.JstCoordinator, teryt: "1061011");
        var own = await ConsultationSteps.SubmitAsync(lodz, round.Id, new { comments = ConsultationSteps.Comments(2) });
        var zpp = await steps.TeamSubmitsAsync(round.Id, SeededOrganisations.Zpp, ConsultationSteps.Comment());
        var krakow = api.ClientAs(Roles.JstCoordinator, teryt: "1261011");

        var listed = await (await lodz.GetAsync($"/api/v1/consultation-rounds/{round.Id}/submissions")).ShouldBeAsync<Page<SubmissionSummary>>(HttpStatusCode.OK);
        var strangers = await (await krakow.GetAsync($"/api/v1/consultation-rounds/{round.Id}/comments")).ShouldBeAsync<Page<CommentView>>(HttpStatusCode.OK);

        Assert.Equal(own.Id, Assert.Single(listed.Items).Id);
        Assert.Empty(strangers.Items);
        await (await lodz.GetAsync($"/api/v1/consultation-submissions/{zpp.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await krakow.GetAsync($"/api/v1/consultation-submissions/{own.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task The_team_filters_comments_by_organisation_anchor_status_and_duplicate_and_pages_them()
    {
        var round = await steps.OpenRoundAsync();
        await steps.TeamSubmitsAsync(round.Id, SeededOrganisations.Zmp, ConsultationSteps.Comments(10));
        var zpp = await steps.TeamSubmitsAsync(round.Id, SeededOrganisations.Zpp, ConsultationSteps.Comment(anchor: null), ConsultationSteps.Comment(anchor: null));
        (await steps.DisposeAsync(zpp.Comments[0].Id, "rejected", "Poza zakresem projektu.")).EnsureSuccessStatusCode();

        async Task<IReadOnlyList<CommentView>> ListAsync(string query) =>
            (await (await steps.Expert.GetAsync($"/api/v1/consultation-rounds/{round.Id}/comments?{query}")).ShouldBeAsync<Page<CommentView>>(HttpStatusCode.OK)).Items;

        Assert.Equal(2, (await ListAsync($"organisationId={SeededOrganisations.Zpp}")).Count);
        Assert.Equal(4, (await ListAsync("anchor=general")).Count);
        Assert.Equal(2, (await ListAsync("anchor=modul-2")).Count);
        Assert.Equal(zpp.Comments[0].Id, Assert.Single(await ListAsync("disposition=rejected")).Id);
        Assert.Equal(11, (await ListAsync("status=awaiting-disposition")).Count);
        Assert.Equal(zpp.Comments[1].Id, Assert.Single(await ListAsync("duplicate=true")).Id);
        await (await steps.Expert.GetAsync($"/api/v1/consultation-rounds/{round.Id}/comments?disposition=maybe")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");

        var page1 = await (await steps.Expert.GetAsync($"/api/v1/consultation-rounds/{round.Id}/comments?limit=5")).ShouldBeAsync<Page<CommentView>>(HttpStatusCode.OK);
        var rest = new List<CommentView>(page1.Items);
        for (var cursor = page1.NextCursor; cursor is not null;)
        {
            var page = await (await steps.Expert.GetAsync($"/api/v1/consultation-rounds/{round.Id}/comments?limit=5&cursor={cursor}")).ShouldBeAsync<Page<CommentView>>(HttpStatusCode.OK);
            rest.AddRange(page.Items);
            cursor = page.NextCursor;
        }

        Assert.Equal(12, rest.Select(c => c.Id).Distinct().Count());
    }

    [Fact]
    public async Task The_whole_round_page_gives_the_same_rows_order_and_cursors_as_a_filtered_page_that_selects_them_all()
    {
        // The unfiltered page of the team runs as a compiled query; `duplicate=false` selects the same comments (none is a
        // duplicate) through the general filtered query. Comments of one submission share their time: ids break the tie.
        var round = await steps.OpenRoundAsync();
        await steps.TeamSubmitsAsync(round.Id, SeededOrganisations.Zmp, ConsultationSteps.Comments(6));
        await steps.TeamSubmitsAsync(round.Id, SeededOrganisations.Zpp, ConsultationSteps.Comments(5));

        async Task<List<(List<Guid> Ids, string? Next)>> PagesAsync(string filter)
        {
            var pages = new List<(List<Guid>, string?)>();
            string? cursor = null;
            do
            {
                var page = await (await steps.Team.GetAsync($"/api/v1/consultation-rounds/{round.Id}/comments?limit=4{filter}{(cursor is null ? "" : $"&cursor={cursor}")}"))
                    .ShouldBeAsync<Page<CommentView>>(HttpStatusCode.OK);
                pages.Add((page.Items.Select(c => c.Id).ToList(), page.NextCursor));
                cursor = page.NextCursor;
            }
            while (cursor is not null);
            return pages;
        }

        var whole = await PagesAsync("");
        var filtered = await PagesAsync("&duplicate=false");

        Assert.Equal([4, 4, 3], whole.Select(p => p.Ids.Count));
        Assert.Equal(filtered.Select(p => string.Join(',', p.Ids) + "|" + p.Next), whole.Select(p => string.Join(',', p.Ids) + "|" + p.Next));
        await using var db = api.Db();
        var inOrder = await db.Context.Set<Comment>().Where(c => c.RoundId == round.Id).OrderBy(c => c.SubmittedAt).ThenBy(c => c.Id).Select(c => c.Id).ToListAsync();
        Assert.Equal(inOrder, whole.SelectMany(p => p.Ids));
        await (await steps.Team.GetAsync($"/api/v1/consultation-rounds/{Guid.NewGuid()}/comments")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task An_unchanged_comment_answers_304()
    {
        var round = await steps.OpenRoundAsync();
        var submission = await steps.TeamSubmitsAsync(round.Id, SeededOrganisations.Zmp, ConsultationSteps.Comment());
        var first = await steps.Team.GetAsync($"/api/v1/consultation-comments/{submission.Comments[0].Id}");

        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/consultation-comments/{submission.Comments[0].Id}");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var again = await steps.Team.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
    }
}
