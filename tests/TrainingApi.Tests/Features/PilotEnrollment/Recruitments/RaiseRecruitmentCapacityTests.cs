using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Audit;
using TrainingApi.Common.Events;
using TrainingApi.Common.Security;
using TrainingApi.Features.PilotEnrollment.Applications;
using TrainingApi.Features.PilotEnrollment.Recruitments;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.PilotEnrollment.Recruitments;

public sealed class RaiseRecruitmentCapacityTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Raising_50_to_55_with_20_waiting_promotes_exactly_positions_1_to_5_and_renumbers_the_rest()
    {
        var (recruitment, _, waiting) = await OfferSteps.FullAsync(api, capacity: 50, waiting: 20, skip: 0);
        Assert.Equal(20, waiting.Count);

        var raised = await (await OfferSteps.RaiseAsync(api, recruitment.Id, 55)).ShouldBeAsync<RecruitmentView>(HttpStatusCode.OK);

        Assert.Equal((55, 55, 15, 0), (raised.Capacity, raised.Accepted, raised.Waitlisted, raised.PlacesLeft));
        var now = (await OfferSteps.ApplicationsAsync(api, recruitment.Id)).ToDictionary(a => a.Id);
        Assert.All(waiting.Take(5), w => Assert.Equal(ApplicationStatus.Accepted, now[w.Id].Status));
        Assert.Equal(waiting.Skip(5).Select((w, i) => (w.Id, i + 1)),
            now.Values.Where(a => a.Status == ApplicationStatus.Waitlisted).OrderBy(a => a.WaitlistPosition).Select(a => (a.Id, a.WaitlistPosition!.Value)));
        await OfferSteps.AssertPlacesExactAsync(api, recruitment.Id);

        await using var db = api.Db();
        var promoted = (await db.Context.Set<OutboxEvent>().Where(e => e.Type == "application.promoted").ToListAsync())
            .Where(e => e.Payload.Contains(recruitment.Id.ToString(), StringComparison.Ordinal)).ToList();
        Assert.Equal(waiting.Take(5).Select(w => w.Id).Order(), promoted.Select(e => JsonDocument.Parse(e.Payload).RootElement.GetProperty("data").GetProperty("applicationId").GetGuid()).Order());
        var changed = JsonDocument.Parse(Assert.Single(await db.Context.Set<OutboxEvent>().Where(e => e.Type == "recruitment.changed").ToListAsync(),
            e => e.Payload.Contains(recruitment.Id.ToString(), StringComparison.Ordinal)).Payload).RootElement;
        Assert.Equal(("capacity", 55), (changed.GetProperty("data").GetProperty("change").GetString(), changed.GetProperty("data").GetProperty("capacity").GetInt32()));
        Assert.DoesNotContain("Dodatkowe", changed.GetRawText(), StringComparison.Ordinal);
        var change = Assert.Single(await db.Context.Set<RecruitmentChange>().Where(c => c.RecruitmentId == recruitment.Id).ToListAsync());
        Assert.Equal((RecruitmentChangeKind.Capacity, "Dodatkowe środki."), (change.Kind, change.Reason));
        Assert.Contains(await db.Context.Set<AuditEntry>().Where(a => a.EntityType == nameof(RecruitmentChange)).ToListAsync(),
            a => a.EntityId == change.Id.ToString() && a.Changes.Contains("Dodatkowe", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_offers_the_promoted_jst_are_offered_the_places_until_the_validity_ends()
    {
        var (recruitment, _, waiting) = await OfferSteps.FullAsync(api, capacity: 2, waiting: 3, skip: 100);
        await OfferSteps.OffersAsync(api, recruitment.Id, 48);

        var before = DateTimeOffset.UtcNow;
        (await OfferSteps.RaiseAsync(api, recruitment.Id, 4)).EnsureSuccessStatusCode();

        var now = (await OfferSteps.ApplicationsAsync(api, recruitment.Id)).ToDictionary(a => a.Id);
        Assert.All(waiting.Take(2), w =>
        {
            Assert.Equal(ApplicationStatus.Offered, now[w.Id].Status);
            Assert.InRange(now[w.Id].OfferExpiresAt!.Value, before.AddHours(48).AddSeconds(-1), DateTimeOffset.UtcNow.AddHours(48).AddSeconds(1));
        });
        Assert.Equal(1, now[waiting[2].Id].WaitlistPosition);
        await OfferSteps.AssertPlacesExactAsync(api, recruitment.Id);
    }

    [Fact]
    public async Task A_capacity_not_above_the_current_one_is_refused_and_changes_nothing()
    {
        var (recruitment, _, _) = await OfferSteps.FullAsync(api, capacity: 2, waiting: 1, skip: 200);

        var same = await OfferSteps.RaiseAsync(api, recruitment.Id, 2);
        var lower = await OfferSteps.RaiseAsync(api, recruitment.Id, 1);
        var noReason = await api.ClientAs(Roles.ProgrammeTeam).PutJsonAsync($"/api/v1/recruitments/{recruitment.Id}/capacity", new { capacity = 3, reason = "" });
        var coordinator = await api.ClientAs(Roles.JstCoordinator).PutJsonAsync($"/api/v1/recruitments/{recruitment.Id}/capacity", new { capacity = 3, reason = "Więcej." });
        var unknown = await OfferSteps.RaiseAsync(api, Guid.NewGuid(), 3);

        Assert.Equal("capacity-not-raised", (await same.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "unprocessable-content")).GetProperty("code").GetString());
        await lower.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "unprocessable-content");
        await noReason.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.Equal(HttpStatusCode.Forbidden, coordinator.StatusCode);
        await unknown.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        var view = await (await api.CreateClient().GetAsync($"/api/v1/recruitments/{recruitment.Id}")).ShouldBeAsync<RecruitmentView>(HttpStatusCode.OK);
        Assert.Equal((2, 2, 1), (view.Capacity, view.Accepted, view.Waitlisted));
    }
}
