using System.Net;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Security;
using TrainingApi.Features.Consultations.Organisations;
using TrainingApi.Features.Consultations.Submissions;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.Consultations.Submissions;

public sealed class SubmitCommentsTests(ConsultationsFactory api) : IClassFixture<ConsultationsFactory>
{
    private readonly ConsultationSteps steps = new(api);

    [Fact]
    public async Task A_partner_batch_of_500_is_stored_whole_with_its_reference()
    {
        var round = await steps.OpenRoundAsync();
        var zmp = await api.PartnerClientAsync(SeededOrganisations.Zmp);

        var submission = await ConsultationSteps.SubmitAsync(zmp, round.Id, new { externalReference = "ZMP/2024/001", comments = ConsultationSteps.Comments(500) });

        Assert.Equal((500, 0, SubmissionSource.PartnerSystem, "ZMP/2024/001"), (submission.CommentCount, submission.DuplicateCount, submission.Source, submission.ExternalReference));
        Assert.Equal(Enumerable.Range(1, 500), submission.Comments.Select(c => c.Position));
        Assert.All(submission.Comments, c => Assert.Equal(CommentStatus.AwaitingDisposition, c.Status));
        await using var db = api.Db();
        var stored = await db.Context.Set<Comment>().Where(c => c.SubmissionId == submission.Id).OrderBy(c => c.Position).ToListAsync();
        Assert.Equal(500, stored.Count);
        Assert.All(stored, c => Assert.Equal((round.Id, SeededOrganisations.Zmp), (c.RoundId, c.OrganisationId)));
        Assert.Equal("Uwaga 7: treść do rozważenia.", stored[6].Content);
        Assert.Null(stored[4].Anchor);
        Assert.True(await db.Context.Set<TrainingApi.Common.Audit.AuditEntry>().AnyAsync(a => a.EntityType == "Submission" && a.EntityId == submission.Id.ToString()));
    }

    [Fact]
    public async Task The_same_batch_sent_twice_with_one_idempotency_key_is_stored_once()
    {
        var round = await steps.OpenRoundAsync();
        var zmp = await api.PartnerClientAsync(SeededOrganisations.Zmp);
        var body = new { externalReference = "ZMP/2024/002", comments = ConsultationSteps.Comments(20) };

        var first = await zmp.SendAsync(ConsultationSteps.Submission(round.Id, body, "klucz-002"));
        var again = await zmp.SendAsync(ConsultationSteps.Submission(round.Id, body, "klucz-002"));

        var a = await first.ShouldBeAsync<SubmissionView>(HttpStatusCode.Created);
        var b = await again.ShouldBeAsync<SubmissionView>(HttpStatusCode.Created);
        Assert.Equal(a.Id, b.Id);
        Assert.True(again.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(20, await CountAsync(round.Id));
    }

    [Fact]
    public async Task A_partner_must_send_an_idempotency_key_and_its_own_reference()
    {
        var round = await steps.OpenRoundAsync();
        var zmp = await api.PartnerClientAsync(SeededOrganisations.Zmp);

        var noKey = await zmp.SendAsync(ConsultationSteps.Submission(round.Id, new { externalReference = "ZMP/1", comments = ConsultationSteps.Comments(1) }));
        var noReference = await zmp.SendAsync(ConsultationSteps.Submission(round.Id, new { comments = ConsultationSteps.Comments(1) }, "k-no-ref"));

        await noKey.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.NotEmpty((await noReference.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed")).ErrorsFor("externalReference"));
        Assert.Equal(0, await CountAsync(round.Id));
    }

    [Fact]
    public async Task A_reference_used_before_is_a_409_naming_the_first_submission()
    {
        var round = await steps.OpenRoundAsync();
        var zmp = await api.PartnerClientAsync(SeededOrganisations.Zmp);
        var first = await ConsultationSteps.SubmitAsync(zmp, round.Id, new { externalReference = "ZMP/2024/003", comments = ConsultationSteps.Comments(2) });

        var response = await zmp.SendAsync(ConsultationSteps.Submission(round.Id, new { externalReference = "ZMP/2024/003", comments = ConsultationSteps.Comments(3, "Inna") }, "inny-klucz"));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict");
        Assert.Equal(("external-reference-used", first.Id.ToString()), (problem.GetProperty("code").GetString(), problem.GetProperty("submissionId").GetString()));
        Assert.Equal(2, await CountAsync(round.Id));
    }

    [Fact]
    public async Task More_than_500_comments_or_none_is_a_400()
    {
        var round = await steps.OpenRoundAsync();

        var tooMany = await steps.Team.SendAsync(ConsultationSteps.Submission(round.Id, new { organisationId = SeededOrganisations.Zmp, comments = ConsultationSteps.Comments(501) }));
        var none = await steps.Team.SendAsync(ConsultationSteps.Submission(round.Id, new { organisationId = SeededOrganisations.Zmp, comments = Array.Empty<object>() }));

        Assert.NotEmpty((await tooMany.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed")).ErrorsFor("comments"));
        Assert.NotEmpty((await none.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed")).ErrorsFor("comments"));
        Assert.Equal(0, await CountAsync(round.Id));
    }

    [Fact]
    public async Task A_missing_comments_list_is_a_400_not_a_500()
    {
        var round = await steps.OpenRoundAsync();

        var response = await steps.Team.SendAsync(ConsultationSteps.Submission(round.Id, new { organisationId = SeededOrganisations.Zmp }));

        Assert.NotEmpty((await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed")).ErrorsFor("comments"));
    }

    [Fact]
    public async Task A_null_in_the_comments_list_is_a_400_not_a_500()
    {
        var round = await steps.OpenRoundAsync();

        var response = await steps.Team.SendAsync(ConsultationSteps.Submission(round.Id,
            new { organisationId = SeededOrganisations.Zmp, comments = new object?[] { ConsultationSteps.Comment(), null } }));

        Assert.NotEmpty((await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed")).ErrorsFor("comments[1]"));
    }

    [Fact]
    public async Task A_comment_without_content_is_named_by_its_index_and_nothing_is_stored()
    {
        var round = await steps.OpenRoundAsync();
        object[] comments = [ConsultationSteps.Comment(), ConsultationSteps.Comment(content: " "), ConsultationSteps.Comment(memberJst: "12x")];

        var response = await steps.Team.SendAsync(ConsultationSteps.Submission(round.Id, new { organisationId = SeededOrganisations.Zmp, comments }));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.NotEmpty(problem.ErrorsFor("comments[1].content"));
        Assert.NotEmpty(problem.ErrorsFor("comments[2].memberJst"));
        Assert.Equal(0, await CountAsync(round.Id));
    }

    [Fact]
    public async Task An_anchor_the_version_lacks_is_a_422_naming_the_comment_and_the_anchor_and_nothing_is_stored()
    {
        var round = await steps.OpenRoundAsync();
        var zmp = await api.PartnerClientAsync(SeededOrganisations.Zmp);
        object[] comments = [.. ConsultationSteps.Comments(10), ConsultationSteps.Comment(anchor: "modul-9")];

        var response = await zmp.SendAsync(ConsultationSteps.Submission(round.Id, new { externalReference = "ZMP/9", comments }, "k-anchor"));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "unprocessable-content");
        Assert.Equal("unknown-anchor", problem.GetProperty("code").GetString());
        Assert.Contains("comments[10]", problem.GetProperty("detail").GetString());
        Assert.Contains("modul-9", problem.GetProperty("detail").GetString());
        var unknown = Assert.Single(problem.GetProperty("unknownAnchors").EnumerateArray());
        Assert.Equal(("comments[10]", "modul-9"), (unknown.GetProperty("comment").GetString(), unknown.GetProperty("anchor").GetString()));
        Assert.Equal(0, await CountAsync(round.Id));
    }

    [Fact]
    public async Task A_member_jst_outside_the_register_is_a_422()
    {
        var round = await steps.OpenRoundAsync();

        var response = await steps.Team.SendAsync(ConsultationSteps.Submission(round.Id, new
        {
            organisationId = SeededOrganisations.Zmp, comments = new[] { ConsultationSteps.Comment(memberJst: "1465011"), ConsultationSteps.Comment(memberJst: "9999999") },
        }));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "unprocessable-content");
        Assert.Equal("unknown-teryt", problem.GetProperty("code").GetString());
        Assert.Contains("comments[1]", problem.GetProperty("detail").GetString());
        Assert.Equal(0, await CountAsync(round.Id));
    }

    [Fact]
    public async Task The_member_jst_is_stored_with_its_name_from_the_register()
    {
        var round = await steps.OpenRoundAsync();

        var submission = await steps.TeamSubmitsAsync(round.Id, SeededOrganisations.Zmp, ConsultationSteps.Comment(memberJst: "1061011"));

        await using var db = api.Db();
        var comment = await db.Context.Set<Comment>().SingleAsync(c => c.SubmissionId == submission.Id);
        Assert.Equal(("1061", "Łódź"), (comment.MemberJstTeryt, comment.MemberJstName));
    }

    [Fact]
    public async Task Before_the_window_and_after_it_the_problem_names_the_window()
    {
        var round = await steps.OpenRoundAsync(days: 3);
        var zmp = await api.PartnerClientAsync(SeededOrganisations.Zmp);
        var opened = api.Clock.Now;

        api.Clock.Now = round.ClosesAt.AddSeconds(1);
        var late = await zmp.SendAsync(ConsultationSteps.Submission(round.Id, new { externalReference = "ZMP/late", comments = ConsultationSteps.Comments(1) }, "k-late"));
        api.Clock.Now = round.OpensAt.AddSeconds(-1);
        var early = await zmp.SendAsync(ConsultationSteps.Submission(round.Id, new { externalReference = "ZMP/early", comments = ConsultationSteps.Comments(1) }, "k-early"));
        api.Clock.Now = opened;

        foreach (var response in new[] { late, early })
        {
            var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict");
            Assert.Equal("round-not-open", problem.GetProperty("code").GetString());
            Assert.Equal(round.ClosesAtWarsaw, problem.GetProperty("closesAtWarsaw").GetString());
            Assert.Contains(round.OpensAtWarsaw, problem.GetProperty("detail").GetString());
        }

        Assert.Equal(0, await CountAsync(round.Id));
    }

    [Fact]
    public async Task The_team_enters_comments_from_a_meeting_after_the_close_but_not_without_one()
    {
        var round = await steps.OpenRoundAsync(days: 3);
        var meeting = await (await steps.Team.PostJsonAsync($"/api/v1/consultation-rounds/{round.Id}/meetings", new
        {
            startsAt = api.Clock.Now.AddDays(1), place = "Łódź", organiser = "ORE",
        })).ShouldBeAsync<TrainingApi.Features.Consultations.Meetings.MeetingView>(HttpStatusCode.Created);
        api.Clock.Now = round.ClosesAt.AddDays(2);

        var fromMeeting = await ConsultationSteps.SubmitAsync(steps.Team, round.Id, new { organisationId = SeededOrganisations.Umip, meetingId = meeting.Id, comments = ConsultationSteps.Comments(2) });
        var withoutMeeting = await steps.Team.SendAsync(ConsultationSteps.Submission(round.Id, new { organisationId = SeededOrganisations.Umip, comments = ConsultationSteps.Comments(1, "Bez") }));

        Assert.Equal((SubmissionSource.ProgrammeTeam, meeting.Id), (fromMeeting.Source, fromMeeting.MeetingId));
        await withoutMeeting.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict");
        Assert.Equal(2, await CountAsync(round.Id));
    }

    [Fact]
    public async Task The_team_names_the_organisation_and_others_may_not()
    {
        var round = await steps.OpenRoundAsync();
        var zmp = await api.PartnerClientAsync(SeededOrganisations.Zmp);

        var teamWithout = await steps.Team.SendAsync(ConsultationSteps.Submission(round.Id, new { comments = ConsultationSteps.Comments(1) }));
        var teamUnknown = await steps.Team.SendAsync(ConsultationSteps.Submission(round.Id, new { organisationId = Guid.NewGuid(), comments = ConsultationSteps.Comments(1) }));
        var partnerOnBehalf = await zmp.SendAsync(ConsultationSteps.Submission(round.Id,
            new { externalReference = "ZMP/x", organisationId = SeededOrganisations.Zpp, comments = ConsultationSteps.Comments(1) }, "k-behalf"));

        Assert.NotEmpty((await teamWithout.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed")).ErrorsFor("organisationId"));
        await teamUnknown.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "unprocessable-content");
        Assert.NotEmpty((await partnerOnBehalf.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed")).ErrorsFor("organisationId"));
        Assert.Equal(0, await CountAsync(round.Id));
    }

    [Fact]
    public async Task A_coordinator_comments_as_its_jst_which_is_registered_once()
    {
        var round = await steps.OpenRoundAsync();
        var coordinator = api.ClientAs(Roles.JstCoordinator, teryt: "1465011");

        var first = await ConsultationSteps.SubmitAsync(coordinator, round.Id, new { comments = ConsultationSteps.Comments(1) });
        var second = await ConsultationSteps.SubmitAsync(coordinator, round.Id, new { comments = ConsultationSteps.Comments(1, "Druga") });

        Assert.Equal(SubmissionSource.JstCoordinator, first.Source);
        Assert.Equal(first.OrganisationId, second.OrganisationId);
        await using var db = api.Db();
        var organisation = await db.Context.Set<Organisation>().SingleAsync(o => o.Id == first.OrganisationId);
        Assert.Equal((OrganisationKind.Jst, "1465"), (organisation.Kind, organisation.Teryt));
    }

    [Fact]
    public async Task An_unknown_round_is_a_404()
    {
        var response = await steps.Team.SendAsync(ConsultationSteps.Submission(Guid.NewGuid(), new { organisationId = SeededOrganisations.Zmp, comments = ConsultationSteps.Comments(1) }));

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    private async Task<int> CountAsync(Guid roundId)
    {
        await using var db = api.Db();
        return await db.Context.Set<Comment>().CountAsync(c => c.RoundId == roundId);
    }
}
