using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingApi.Common.Events;
using TrainingApi.Common.Security;
using TrainingApi.Features.PilotEnrollment.Applications;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.PilotEnrollment.Applications;

public sealed class ConfirmOfferTests(ConfirmOfferTests.MovableClockFactory api) : IClassFixture<ConfirmOfferTests.MovableClockFactory>
{
    [Fact]
    public async Task A_withdrawal_offers_the_place_to_position_1_who_confirms_it_in_time()
    {
        var (recruitment, accepted, waiting) = await FullWithOffersAsync(skip: 0);

        (await api.ClientAs(Roles.ProgrammeTeam).PostJsonAsync($"/api/v1/applications/{accepted[0].Id}/withdraw", new { reason = "Rezygnacja." })).EnsureSuccessStatusCode();
        var offered = await (await api.ClientAs(Roles.JstCoordinator, teryt: waiting[0].JstTeryt).GetAsync($"/api/v1/applications/{waiting[0].Id}"))
            .ShouldBeAsync<ApplicationView>(HttpStatusCode.OK);
        api.Clock.Now = api.Clock.Now.AddHours(23);
        var confirmed = await api.ClientAs(Roles.JstCoordinator, teryt: waiting[0].JstTeryt).PostAsync($"/api/v1/applications/{waiting[0].Id}/offer/confirmation", null);

        Assert.Equal((ApplicationStatus.Offered, api.Clock.Now.AddHours(-23).AddHours(24)), (offered.Status, offered.OfferExpiresAt));
        Assert.Equal(ApplicationStatus.Accepted, (await confirmed.ShouldBeAsync<ApplicationView>(HttpStatusCode.OK)).Status);
        Assert.Equal(1, (await OfferSteps.ApplicationsAsync(api, recruitment)).Single(a => a.Id == waiting[1].Id).WaitlistPosition);
        await OfferSteps.AssertPlacesExactAsync(api, recruitment);
        await using var db = api.Db();
        var events = await db.Context.Set<OutboxEvent>().Where(e => e.Type == "application.offered" || e.Type == "application.offer-confirmed").ToListAsync();
        Assert.Single(events, e => e.Type == "application.offered" && e.Payload.Contains(waiting[0].Id.ToString(), StringComparison.Ordinal));
        Assert.Single(events, e => e.Type == "application.offer-confirmed" && e.Payload.Contains(waiting[0].Id.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_expired_offer_another_jsts_offer_and_an_application_without_one_are_refused()
    {
        var (recruitment, accepted, waiting) = await FullWithOffersAsync(skip: 50);
        (await api.ClientAs(Roles.ProgrammeTeam).PostJsonAsync($"/api/v1/applications/{accepted[0].Id}/withdraw", new { reason = "Rezygnacja." })).EnsureSuccessStatusCode();

        var stranger = await api.ClientAs(Roles.JstCoordinator, teryt: waiting[1].JstTeryt).PostAsync($"/api/v1/applications/{waiting[0].Id}/offer/confirmation", null);
        var notOffered = await api.ClientAs(Roles.JstCoordinator, teryt: waiting[1].JstTeryt).PostAsync($"/api/v1/applications/{waiting[1].Id}/offer/confirmation", null);
        api.Clock.Now = api.Clock.Now.AddHours(24);
        var expired = await api.ClientAs(Roles.JstCoordinator, teryt: waiting[0].JstTeryt).PostAsync($"/api/v1/applications/{waiting[0].Id}/offer/confirmation", null);

        await stranger.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        Assert.Equal("not-offered", (await notOffered.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict")).GetProperty("code").GetString());
        Assert.Equal("offer-lapsed", (await expired.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict")).GetProperty("code").GetString());
        Assert.Equal(ApplicationStatus.Offered, (await OfferSteps.ApplicationsAsync(api, recruitment)).Single(a => a.Id == waiting[0].Id).Status);
    }

    private async Task<(Guid Recruitment, List<Application> Accepted, List<Application> Waiting)> FullWithOffersAsync(int skip)
    {
        api.Clock.Now = OfferSteps.Now();
        var (recruitment, accepted, waiting) = await OfferSteps.FullAsync(api, capacity: 2, waiting: 3, skip: skip,
            opensAt: api.Clock.Now.AddDays(-1), closesAt: api.Clock.Now.AddDays(30));
        await OfferSteps.OffersAsync(api, recruitment.Id, 24);
        return (recruitment.Id, accepted, waiting);
    }

    public sealed class MovableClockFactory : ApiFactory
    {
        public FixedClock Clock { get; } = new(OfferSteps.Now());

        protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
    }
}
