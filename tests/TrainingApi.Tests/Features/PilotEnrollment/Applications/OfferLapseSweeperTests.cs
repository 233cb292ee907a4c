using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingApi.Common.Audit;
using TrainingApi.Common.Events;
using TrainingApi.Common.Security;
using TrainingApi.Features.PilotEnrollment.Applications;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.PilotEnrollment.Applications;

public sealed class OfferLapseSweeperTests(OfferLapseSweeperTests.MovableClockFactory api) : IClassFixture<OfferLapseSweeperTests.MovableClockFactory>
{
    [Fact]
    public async Task An_unconfirmed_offer_lapses_and_the_next_in_line_is_offered_the_place_once()
    {
        api.Clock.Now = OfferSteps.Now();
        var (recruitment, _, waiting) = await OfferSteps.FullAsync(api, capacity: 2, waiting: 3, skip: 0,
            opensAt: api.Clock.Now.AddDays(-1), closesAt: api.Clock.Now.AddDays(30));
        await OfferSteps.OffersAsync(api, recruitment.Id, 24);
        (await OfferSteps.RaiseAsync(api, recruitment.Id, 3)).EnsureSuccessStatusCode();

        api.Clock.Now = api.Clock.Now.AddHours(25);
        var sweeper = OfferSteps.Sweeper(api);
        var lapsed = await sweeper.SweepAsync(CancellationToken.None);
        var again = await sweeper.SweepAsync(CancellationToken.None);

        Assert.Equal((1, 0), (lapsed, again));
        var now = (await OfferSteps.ApplicationsAsync(api, recruitment.Id)).ToDictionary(a => a.Id);
        Assert.Equal((ApplicationStatus.Withdrawn, Application.OfferLapsedReason), (now[waiting[0].Id].Status, now[waiting[0].Id].WithdrawalReason));
        Assert.Equal(ApplicationStatus.Offered, now[waiting[1].Id].Status);
        Assert.Equal(api.Clock.Now.AddHours(24), now[waiting[1].Id].OfferExpiresAt);
        Assert.Equal(1, now[waiting[2].Id].WaitlistPosition);
        await OfferSteps.AssertPlacesExactAsync(api, recruitment.Id);
        await using var db = api.Db();
        Assert.Single(await db.Context.Set<OutboxEvent>().Where(e => e.Type == "application.offer-lapsed").ToListAsync());
        var audit = await db.Context.Set<AuditEntry>().Where(a => a.EntityId == waiting[0].Id.ToString() && a.Action == OfferLapseSweeper.Action).ToListAsync();
        Assert.Equal("system", Assert.Single(audit).ActorSubject);
    }

    /// <summary>
    /// Offers made at two times, so that when the clock passes the first ones' expiry some offers have lapsed and some
    /// have not: their JST confirm all at once while several instances' sweeps run. Whatever the interleaving, every
    /// place is held once, the quota never exceeds capacity, the waiting list stays gapless and each offer lapses at most once.
    /// </summary>
    [Fact]
    public async Task Concurrent_confirmations_and_lapses_never_exceed_capacity()
    {
        for (var round = 0; round < 3; round++)
        {
            api.Clock.Now = OfferSteps.Now();
            var start = api.Clock.Now;
            var (recruitment, _, waiting) = await OfferSteps.FullAsync(api, capacity: 5, waiting: 15, skip: 100 + (round * 40),
                opensAt: start.AddDays(-1), closesAt: start.AddDays(30));
            await OfferSteps.OffersAsync(api, recruitment.Id, 24);
            (await OfferSteps.RaiseAsync(api, recruitment.Id, 8)).EnsureSuccessStatusCode();
            api.Clock.Now = start.AddHours(12);
            (await OfferSteps.RaiseAsync(api, recruitment.Id, 10)).EnsureSuccessStatusCode();
            api.Clock.Now = start.AddHours(24).AddMinutes(1);
            var offered = (await OfferSteps.ApplicationsAsync(api, recruitment.Id)).Where(a => a.Status == ApplicationStatus.Offered).ToList();
            Assert.Equal(5, offered.Count);

            var sweeper = OfferSteps.Sweeper(api);
            var confirmations = offered.Select(a => api.ClientAs(Roles.JstCoordinator, teryt: a.JstTeryt).PostAsync($"/api/v1/applications/{a.Id}/offer/confirmation", null)).ToList();
            var sweeps = Enumerable.Range(0, 3).Select(_ => Task.Run(() => sweeper.SweepAsync(CancellationToken.None))).ToList();
            var answers = await Task.WhenAll(confirmations);
            var lapsed = (await Task.WhenAll(sweeps)).Sum();

            var rows = (await OfferSteps.ApplicationsAsync(api, recruitment.Id)).ToDictionary(a => a.Id);
            var late = offered.Where(a => a.OfferExpiresAt <= api.Clock.Now).Select(a => a.Id).ToHashSet();
            Assert.Equal(3, late.Count);
            Assert.Equal(3, lapsed);
            Assert.All(offered.Zip(answers), pair => Assert.Equal(late.Contains(pair.First.Id) ? HttpStatusCode.Conflict : HttpStatusCode.OK, pair.Second.StatusCode));
            Assert.All(late, id => Assert.Equal(ApplicationStatus.Withdrawn, rows[id].Status));
            Assert.All(offered.Where(a => !late.Contains(a.Id)), a => Assert.Equal(ApplicationStatus.Accepted, rows[a.Id].Status));
            Assert.Equal(3, rows.Values.Count(a => a.Status == ApplicationStatus.Offered));
            await OfferSteps.AssertPlacesExactAsync(api, recruitment.Id);
            Assert.Equal(10, rows.Values.Count(a => a.Status is ApplicationStatus.Accepted or ApplicationStatus.Offered));
            Assert.Equal(waiting.Count - 8, rows.Values.Count(a => a.Status == ApplicationStatus.Waitlisted));
        }
    }

    public sealed class MovableClockFactory : ApiFactory
    {
        public FixedClock Clock { get; } = new(OfferSteps.Now());

        protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
    }
}
