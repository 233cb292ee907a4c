using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Audit;
using TrainingApi.Common.Security;
using TrainingApi.Features.SelfAssessment.Invitations;
using TrainingApi.Features.SelfAssessment.Responding;
using TrainingApi.Features.SelfAssessment.Rounds;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.SelfAssessment.Responding;

public sealed class SubmitAnswersTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly SelfAssessmentSteps steps = new(api);

    [Fact]
    public async Task Submitted_answers_are_kept_with_the_role_only_and_no_answer_is_retrievable_individually()
    {
        var (round, coordinator) = await steps.StartAsync(named: true);
        var links = await (await coordinator.PostJsonAsync($"/api/v1/self-assessments/{round.Id}/invitations",
                new { invitees = new[] { new { role = "finance", name = "Anna Nowak" }, new { role = "it", name = "Jan Kowalski" } } }))
            .ShouldBeAsync<CreateInvitations.CreatedInvitations>(HttpStatusCode.Created);
        var distinctive = SelfAssessmentSteps.Answers(2, new() { ["strategia-1"] = 5, ["dane-2"] = 1 });

        var receipt = await (await steps.SubmitAsync(links.Invitations[0].Token, distinctive)).ShouldBeAsync<SubmissionReceipt>(HttpStatusCode.OK);

        Assert.True(receipt.Submitted);
        await using var db = api.Db();
        var stored = await db.Context.Set<Submission>().SingleAsync(s => s.RoundId == round.Id);
        Assert.Equal(TrainingApi.Features.Advisory.Diagnoses.RespondentRole.Finance, stored.Role);
        Assert.DoesNotContain(links.Invitations[0].Id.ToString(), stored.AnswersJson);
        Assert.Equal(4, stored.Id.Version);
        // The name stays with the invitation; the answers were never audited beside it.
        var audited = (await db.Context.Set<AuditEntry>().ToListAsync()).Count(a => a.EntityId == stored.Id.ToString() || a.Changes.Contains("strategia-1"));
        Assert.Equal(0, audited);
        // Every read the team, the coordinator or an advisor has: round, invitations, list. None carries an answer.
        var team = api.ClientAs(Roles.ProgrammeTeam);
        foreach (var url in new[] { $"/api/v1/self-assessments/{round.Id}", $"/api/v1/self-assessments/{round.Id}/invitations", "/api/v1/self-assessments?limit=100" })
        {
            var body = await (await team.GetAsync(url)).Content.ReadAsStringAsync();
            Assert.DoesNotContain("strategia-1", body);
            Assert.DoesNotContain("answers", body);
        }

        // Even closed, one respondent's answers show nowhere: the round is too small.
        var closed = await SelfAssessmentSteps.CloseAsync(coordinator, round.Id);
        Assert.False(closed.Results!.Shown);
        Assert.Equal(HttpStatusCode.NotFound, (await steps.Respondent().GetAsync($"/api/v1/self-assessment-links/{links.Invitations[0].Token}")).StatusCode);
    }

    [Fact]
    public async Task Only_the_hash_of_a_link_is_kept()
    {
        var (round, coordinator) = await steps.StartAsync();
        var created = await SelfAssessmentSteps.InviteAsync(coordinator, round.Id, "other");
        var token = created.Invitations[0].Token;

        await using var db = api.Db();
        var invitation = await db.Context.Set<Invitation>().SingleAsync(i => i.Id == created.Invitations[0].Id);
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(token)), invitation.TokenHash);
        Assert.True(Convert.FromBase64String(token[3..].Replace('-', '+').Replace('_', '/') + "=").Length * 8 >= 128);
        Assert.EndsWith(token, created.Invitations[0].Link);
        Assert.StartsWith(ApiFactory.PublicBase, created.Invitations[0].Link);
        var audit = string.Join("\n", await db.Context.Set<AuditEntry>().Select(a => a.Changes).ToListAsync());
        Assert.DoesNotContain(token, audit);
        var list = await (await coordinator.GetAsync($"/api/v1/self-assessments/{round.Id}/invitations")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(token, list);
    }

    [Fact]
    public async Task A_gap_is_422_listing_what_is_missing_and_a_second_submission_409()
    {
        var (round, coordinator) = await steps.StartAsync();
        var token = (await SelfAssessmentSteps.InviteAsync(coordinator, round.Id, "school-head")).Invitations[0].Token;
        var partial = SelfAssessmentSteps.Answers(3);
        partial.Remove("wspolpraca-3");

        var gap = await (await steps.SubmitAsync(token, partial)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "unprocessable-content");
        var outOfScale = await (await steps.SubmitAsync(token, SelfAssessmentSteps.Answers(3, new() { ["sprzet-1"] = 9 }))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await using (var db = api.Db())
        {
            Assert.False(await db.Context.Set<Submission>().AnyAsync(s => s.RoundId == round.Id));
        }

        (await steps.SubmitAsync(token, SelfAssessmentSteps.Answers(3))).EnsureSuccessStatusCode();
        var again = await (await steps.SubmitAsync(token, SelfAssessmentSteps.Answers(4))).ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict");

        Assert.Equal("questionnaire-incomplete", gap.GetProperty("code").GetString());
        Assert.Equal(["wspolpraca-3"], gap.GetProperty("missing").EnumerateArray().Select(e => e.GetString()));
        Assert.NotEmpty(outOfScale.ErrorsFor("answers.sprzet-1"));
        Assert.Equal("answers-submitted", again.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Twenty_racing_submissions_through_one_link_store_one()
    {
        var (round, coordinator) = await steps.StartAsync();
        var token = (await SelfAssessmentSteps.InviteAsync(coordinator, round.Id, "it")).Invitations[0].Token;

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => steps.SubmitAsync(token, SelfAssessmentSteps.Answers(1 + i % 5))));

        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        await using var db = api.Db();
        Assert.Equal(1, await db.Context.Set<Submission>().CountAsync(s => s.RoundId == round.Id));
    }
}
