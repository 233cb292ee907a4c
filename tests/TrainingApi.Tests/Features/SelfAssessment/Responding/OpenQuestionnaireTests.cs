using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Features.SelfAssessment.Invitations;
using TrainingApi.Features.SelfAssessment.Responding;
using TrainingApi.Features.SelfAssessment.Rounds;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.SelfAssessment.Responding;

public sealed class OpenQuestionnaireTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly SelfAssessmentSteps steps = new(api);

    [Fact]
    public async Task A_respondent_opens_the_link_without_an_account_and_reads_the_statements_in_Polish_with_help()
    {
        var (round, coordinator) = await steps.StartAsync();
        var links = await SelfAssessmentSteps.InviteAsync(coordinator, round.Id, "finance");

        var response = await steps.Respondent().GetAsync($"/api/v1/self-assessment-links/{links.Invitations[0].Token}");

        var view = await response.ShouldBeAsync<QuestionnaireView>(HttpStatusCode.OK);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal(("finance", "2024.1", 1, 5), (view.Role, view.FrameworkVersion, view.MinScore, view.MaxScore));
        Assert.Equal(29, view.Areas.Sum(a => a.Statements.Count));
        Assert.All(view.Areas.SelectMany(a => a.Statements), s => Assert.False(string.IsNullOrWhiteSpace(s.Help)));
        Assert.Equal("Strategia i przywództwo", view.Areas[0].Name);
        Assert.Empty(view.Answers);
        var progress = (await (await coordinator.GetAsync($"/api/v1/self-assessments/{round.Id}")).ShouldBeAsync<SelfAssessmentView>(HttpStatusCode.OK)).Progress;
        Assert.Equal((1, 1, 0), (progress.Invited, progress.Opened, progress.Submitted));
    }

    [Fact]
    public async Task Hostile_links_get_identical_404s_whatever_made_them_dead()
    {
        var (round, coordinator) = await steps.StartAsync();
        var links = await SelfAssessmentSteps.InviteAsync(coordinator, round.Id, "it", "it", "it", "it");
        var (expired, revoked, submitted) = (links.Invitations[0], links.Invitations[1], links.Invitations[2]);
        await using (var db = api.Db())
        {
            await db.Context.Set<Invitation>().Where(i => i.Id == expired.Id).ExecuteUpdateAsync(u => u.SetProperty(i => i.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1)));
        }

        (await coordinator.PostAsync($"/api/v1/self-assessments/{round.Id}/invitations/{revoked.Id}/revoke", null)).EnsureSuccessStatusCode();
        (await steps.SubmitAsync(submitted.Token, SelfAssessmentSteps.Answers(3))).EnsureSuccessStatusCode();
        var (closedRound, closer) = await steps.StartAsync();
        var inClosed = (await SelfAssessmentSteps.InviteAsync(closer, closedRound.Id, "it")).Invitations[0];
        await SelfAssessmentSteps.CloseAsync(closer, closedRound.Id);

        var tokens = new[]
        {
            "sa_" + new string('A', 43), // well formed, never made
            expired.Token, revoked.Token, submitted.Token, inClosed.Token,
            submitted.Token[..^1] + (submitted.Token[^1] == 'A' ? 'B' : 'A'), // one character off a real one
            "x", new string('z', 500), "%27%20OR%201%3D1--",
        };
        var bodies = new List<string>();
        foreach (var token in tokens)
        {
            var response = await steps.Respondent().GetAsync($"/api/v1/self-assessment-links/{token}");
            var problem = await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
            Assert.Equal("link-not-found", problem.GetProperty("code").GetString());
            bodies.Add(WithoutTrace(problem));
        }

        Assert.Single(bodies.Distinct());
        Assert.DoesNotContain(tokens[0], bodies[0]);
        // The live link still works.
        (await steps.Respondent().GetAsync($"/api/v1/self-assessment-links/{links.Invitations[3].Token}")).EnsureSuccessStatusCode();
    }

    /// <summary>The body without what differs by request (trace id, instance path).</summary>
    private static string WithoutTrace(JsonElement problem) =>
        string.Join(",", problem.EnumerateObject().Where(p => p.Name is not "traceId" and not "instance").Select(p => p.ToString()));
}
