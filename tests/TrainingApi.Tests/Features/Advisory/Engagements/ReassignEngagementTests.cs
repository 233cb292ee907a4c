using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Audit;
using TrainingApi.Common.Http;
using TrainingApi.Common.Security;
using TrainingApi.Features.Advisory.Engagements;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.Advisory.Engagements;

public sealed class ReassignEngagementTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly AdvisorySteps steps = new(api);

    [Fact]
    public async Task The_team_hands_an_engagement_to_another_advisor_who_alone_sees_it_from_then_on()
    {
        var (engagement, before, _) = await steps.EngagementAsync(skip: 100);
        await AdvisorySteps.DiagnoseAsync(before, engagement.Id);
        var next = await steps.AdvisorAsync();

        var response = await ReassignAsync(engagement.Id, next.Id, await ETagAsync(engagement.Id));

        var moved = await response.ShouldBeAsync<EngagementView>(HttpStatusCode.OK);
        Assert.Equal((next.Id, EngagementStage.Diagnosis), (moved.AdvisorId, moved.Stage));
        Assert.NotNull(response.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotFound, (await before.GetAsync($"/api/v1/engagements/{engagement.Id}")).StatusCode);
        var now = api.ClientAs(Roles.Advisor, subject: next.Subject);
        (await now.GetAsync($"/api/v1/engagements/{engagement.Id}")).EnsureSuccessStatusCode();
        // The work done so far stays with the engagement: the new advisor sees the initial diagnosis.
        Assert.Contains("\"initial\"", await (await now.GetAsync($"/api/v1/engagements/{engagement.Id}/diagnoses")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = api.Db();
        var change = await db.Context.Set<AdvisorChange>().SingleAsync(c => c.EngagementId == engagement.Id);
        Assert.Equal((engagement.AdvisorId, next.Id, "Doradca zmienia projekt."), (change.FromAdvisorId, change.ToAdvisorId, change.Reason));
        var audit = await (await steps.Team.GetAsync($"/api/v1/audit-entries?entityType=Engagement&entityId={engagement.Id}"))
            .ShouldBeAsync<Page<AuditEntryView>>(HttpStatusCode.OK);
        Assert.Contains(audit.Items, e => e.Action == "ReassignEngagement" && e.Changes.TryGetProperty("advisorId", out _));
    }

    [Fact]
    public async Task A_new_advisor_at_capacity_or_the_same_advisor_is_a_409_and_nothing_changes()
    {
        var (engagement, _, _) = await steps.EngagementAsync(skip: 110);
        var (recruitment, jst) = await steps.PilotAsync(1, skip: 111);
        var busy = await steps.AdvisorAsync(capacity: 1);
        (await steps.AssignAsync(recruitment.Id, jst[0], busy.Id)).EnsureSuccessStatusCode();
        var etag = await ETagAsync(engagement.Id);

        var full = await ReassignAsync(engagement.Id, busy.Id, etag);
        var same = await ReassignAsync(engagement.Id, engagement.AdvisorId, etag);
        var unknown = await ReassignAsync(engagement.Id, Guid.NewGuid(), etag);

        Assert.Equal("advisor-at-capacity", (await full.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict")).GetProperty("code").GetString());
        Assert.Equal("same-advisor", (await same.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict")).GetProperty("code").GetString());
        await unknown.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await AssertAdvisorAsync(engagement.Id, engagement.AdvisorId);
    }

    [Fact]
    public async Task Without_if_match_it_is_a_428_with_a_stale_tag_a_412_and_without_a_reason_a_400()
    {
        var (engagement, advisor, _) = await steps.EngagementAsync(skip: 120);
        var next = await steps.AdvisorAsync();
        var stale = await ETagAsync(engagement.Id);
        await AdvisorySteps.DiagnoseAsync(advisor, engagement.Id);
        (await AdvisorySteps.MoveAsync(advisor, engagement.Id, "plan")).EnsureSuccessStatusCode();

        await (await ReassignAsync(engagement.Id, next.Id, null)).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired, "precondition-required");
        await (await ReassignAsync(engagement.Id, next.Id, stale)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "precondition-failed");
        var noReason = await ReassignAsync(engagement.Id, next.Id, await ETagAsync(engagement.Id), reason: "");
        Assert.NotEmpty((await noReason.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed")).ErrorsFor("reason"));
        await AssertAdvisorAsync(engagement.Id, engagement.AdvisorId);
    }

    [Fact]
    public async Task An_advisor_cannot_hand_over_their_own_engagement()
    {
        var (engagement, advisor, _) = await steps.EngagementAsync(skip: 130);
        var next = await steps.AdvisorAsync();

        var request = AdvisorySteps.WithIfMatch(HttpMethod.Put, $"/api/v1/engagements/{engagement.Id}/advisor", new { advisorId = next.Id, reason = "Urlop." }, await ETagAsync(engagement.Id));
        var response = await advisor.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await AssertAdvisorAsync(engagement.Id, engagement.AdvisorId);
    }

    [Fact]
    public async Task Racing_handovers_to_one_advisor_never_exceed_their_capacity()
    {
        var engagements = new List<EngagementView>();
        for (var i = 0; i < 6; i++)
        {
            engagements.Add((await steps.EngagementAsync(skip: 140 + i)).Engagement);
        }

        var target = await steps.AdvisorAsync(capacity: 2);
        var tags = new List<EntityTagHeaderValue>();
        foreach (var e in engagements)
        {
            tags.Add(await ETagAsync(e.Id));
        }

        var responses = await Task.WhenAll(engagements.Select((e, i) => ReassignAsync(e.Id, target.Id, tags[i])));

        Assert.Equal(2, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(4, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        await using var db = api.Db();
        Assert.Equal(2, await db.Context.Set<Engagement>().CountAsync(e => e.AdvisorId == target.Id));
    }

    private Task<HttpResponseMessage> ReassignAsync(Guid engagementId, Guid advisorId, EntityTagHeaderValue? etag, string reason = "Doradca zmienia projekt.") =>
        steps.Team.SendAsync(AdvisorySteps.WithIfMatch(HttpMethod.Put, $"/api/v1/engagements/{engagementId}/advisor", new { advisorId, reason }, etag));

    private async Task<EntityTagHeaderValue> ETagAsync(Guid engagementId) =>
        (await steps.Team.GetAsync($"/api/v1/engagements/{engagementId}")).Headers.ETag!;

    private async Task AssertAdvisorAsync(Guid engagementId, Guid advisorId)
    {
        await using var db = api.Db();
        Assert.Equal(advisorId, (await db.Context.Set<Engagement>().SingleAsync(e => e.Id == engagementId)).AdvisorId);
        Assert.False(await db.Context.Set<AdvisorChange>().AnyAsync(c => c.EngagementId == engagementId));
    }
}
