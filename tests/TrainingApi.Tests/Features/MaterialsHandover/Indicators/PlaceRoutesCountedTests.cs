using System.Net;
using System.Text.Json;
using TrainingApi.Common.Security;
using TrainingApi.Features.MaterialsHandover.Indicators;
using TrainingApi.Features.PilotEnrollment.Applications;
using TrainingApi.Features.PilotEnrollment.Pilot;
using TrainingApi.Features.PilotEnrollment.Recruitments;
using TrainingApi.Tests.Features.PilotEnrollment;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.MaterialsHandover.Indicators;

/// <summary>
/// Every way a JST gets a place — first come, ranked allocation, promotion on a withdrawal, a waiting-list offer it
/// confirms, a raised capacity — is a place in the indicator report and in the recruitment's own counts, from the place
/// through confirmation to completion. Each test counts the report's change, since the tests of a class share one database.
/// </summary>
public sealed class PlaceRoutesCountedTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const int Officials = 2;

    private readonly HttpClient team = api.ClientAs(Roles.ProgrammeTeam);

    [Fact]
    public async Task A_first_come_place_is_counted()
    {
        var (before, jst) = (await ReportAsync(), EnrollmentSteps.Gminas(1, skip: 0)[0]);
        var recruitment = await EnrollmentSteps.OpenAsync(api, capacity: 1);
        var application = await ApplyAsync(recruitment.Id, jst);
        Assert.Equal(ApplicationStatus.Accepted, application.Status);

        await CompleteAsync(recruitment.Id, application);

        await AssertCountedAsync(before, recruitment.Id, application, recruited: 1, withdrawn: 0);
    }

    [Fact]
    public async Task A_place_allocated_by_rank_is_counted()
    {
        var (before, jst) = (await ReportAsync(), EnrollmentSteps.Gminas(1, skip: 10)[0]);
        var recruitment = await (await team.PostJsonAsync("/api/v1/recruitments", new
        {
            title = "Nabór rankingowy", opensAt = DateTimeOffset.UtcNow.AddHours(-1), closesAt = DateTimeOffset.UtcNow.AddDays(7), capacity = 1,
            maxParticipantsPerJst = 3, rodoClauseVersion = EnrollmentSteps.Rodo, selectionMode = "ranked",
            programmeVersionId = await EnrollmentSteps.PilotVersionAsync(api), eligibleKinds = new[] { "gmina-miejska", "gmina-wiejska", "gmina-miejsko-wiejska" },
        })).ShouldBeAsync<RecruitmentView>(HttpStatusCode.Created);
        var submitted = await ApplyAsync(recruitment.Id, jst);
        (await team.PutAsync($"/api/v1/applications/{submitted.Id}/score", HttpExtensions.JsonBody("""{"score":80,"note":"ocena testowa"}"""))).EnsureSuccessStatusCode();
        await CloseAsync(recruitment.Id);
        var allocation = await (await team.PostAsync($"/api/v1/recruitments/{recruitment.Id}/allocation?preview=false", null)).ShouldBeAsync<AllocatePlaces.Result>(HttpStatusCode.OK);
        Assert.True(Assert.Single(allocation.Ranking).Accepted);

        await CompleteAsync(recruitment.Id, submitted);

        await AssertCountedAsync(before, recruitment.Id, submitted, recruited: 1, withdrawn: 0);
    }

    [Fact]
    public async Task A_place_freed_by_a_withdrawal_and_given_to_the_waiting_list_is_counted()
    {
        var (before, jst) = (await ReportAsync(), EnrollmentSteps.Gminas(2, skip: 20));
        var recruitment = await EnrollmentSteps.OpenAsync(api, capacity: 1);
        var first = await ApplyAsync(recruitment.Id, jst[0]);
        var waiting = await ApplyAsync(recruitment.Id, jst[1]);
        Assert.Equal(ApplicationStatus.Waitlisted, waiting.Status);

        await WithdrawAsync(first);
        Assert.Equal(ApplicationStatus.Accepted, (await GetAsync(waiting)).Status);
        await CompleteAsync(recruitment.Id, waiting);

        // The JST that withdrew had taken a place too: recruited counts both.
        await AssertCountedAsync(before, recruitment.Id, waiting, recruited: 2, withdrawn: 1);
    }

    [Fact]
    public async Task A_place_offered_from_the_waiting_list_and_confirmed_is_counted()
    {
        var (before, jst) = (await ReportAsync(), EnrollmentSteps.Gminas(2, skip: 30));
        var recruitment = await EnrollmentSteps.OpenAsync(api, capacity: 1);
        await OfferSteps.OffersAsync(api, recruitment.Id, 24);
        var first = await ApplyAsync(recruitment.Id, jst[0]);
        var waiting = await ApplyAsync(recruitment.Id, jst[1]);

        await WithdrawAsync(first);
        Assert.Equal(ApplicationStatus.Offered, (await GetAsync(waiting)).Status);
        var taken = await (await api.ClientAs(Roles.JstCoordinator, teryt: waiting.JstTeryt).PostAsync($"/api/v1/applications/{waiting.Id}/offer/confirmation", null))
            .ShouldBeAsync<ApplicationView>(HttpStatusCode.OK);
        Assert.Equal(ApplicationStatus.Accepted, taken.Status);
        await CompleteAsync(recruitment.Id, waiting);

        await AssertCountedAsync(before, recruitment.Id, waiting, recruited: 2, withdrawn: 1);
    }

    [Fact]
    public async Task A_place_added_by_raising_the_capacity_is_counted()
    {
        var (before, jst) = (await ReportAsync(), EnrollmentSteps.Gminas(2, skip: 40));
        var recruitment = await EnrollmentSteps.OpenAsync(api, capacity: 1);
        await ApplyAsync(recruitment.Id, jst[0]);
        var waiting = await ApplyAsync(recruitment.Id, jst[1]);

        (await OfferSteps.RaiseAsync(api, recruitment.Id, 2)).EnsureSuccessStatusCode();
        Assert.Equal(ApplicationStatus.Accepted, (await GetAsync(waiting)).Status);
        await CompleteAsync(recruitment.Id, waiting);

        await AssertCountedAsync(before, recruitment.Id, waiting, recruited: 2, withdrawn: 0);
    }

    /// <summary>
    /// The JST completed, so it is recruited, confirmed and completed in the report with its officials, and the recruitment's
    /// own view, statistics and public list hold its place.
    /// </summary>
    private async Task AssertCountedAsync(IndicatorReport before, Guid recruitmentId, ApplicationView completed, int recruited, int withdrawn)
    {
        var after = await ReportAsync();
        Assert.Equal(
            [("pilot-jst-recruited", recruited), ("pilot-jst-confirmed", 1), ("pilot-jst-completed", 1), ("officials-trained", Officials)],
            Changes(before, after));

        var recruitment = await (await team.GetAsync($"/api/v1/recruitments/{recruitmentId}")).ShouldBeAsync<RecruitmentView>(HttpStatusCode.OK);
        Assert.Equal((recruitment.Capacity, 0, 0), (recruitment.Accepted, recruitment.Waitlisted, recruitment.PlacesLeft));
        var statistics = await (await team.GetAsync($"/api/v1/recruitments/{recruitmentId}/statistics"))
            .ShouldBeAsync<GetRecruitmentStatistics.Statistics>(HttpStatusCode.OK);
        Assert.Equal((recruitment.Capacity - 1, 0, 1, withdrawn, recruitment.Capacity * Officials),
            (statistics.Accepted, statistics.Confirmed, statistics.Completed, statistics.Withdrawn, statistics.Participants));

        if (recruitment.IsOpen)
        {
            await CloseAsync(recruitmentId);
        }

        (await team.PostAsync($"/api/v1/recruitments/{recruitmentId}/accepted-list/publication", null)).EnsureSuccessStatusCode();
        var list = await (await api.CreateClient().GetAsync($"/api/v1/recruitments/{recruitmentId}/accepted-jst")).ShouldBeAsync<GetAcceptedJst.AcceptedList>(HttpStatusCode.OK);
        Assert.Contains(list.Jst, j => j.Teryt == completed.JstTeryt && j.Status == ApplicationStatus.Completed);
        await OfferSteps.AssertPlacesExactAsync(api, recruitmentId);
    }

    private static List<(string Code, int Change)> Changes(IndicatorReport before, IndicatorReport after) =>
    [
        .. after.Indicators.Where(i => i.Code.StartsWith("pilot-", StringComparison.Ordinal) || i.Code == "officials-trained")
            .Select(i => (i.Code, i.Actual - before.Indicators.Single(b => b.Code == i.Code).Actual)),
    ];

    private async Task<IndicatorReport> ReportAsync() =>
        await (await api.CreateClient().GetAsync("/api/v1/catalogue/indicators")).ShouldBeAsync<IndicatorReport>(HttpStatusCode.OK);

    private async Task<ApplicationView> ApplyAsync(Guid recruitmentId, string teryt) =>
        await (await EnrollmentSteps.ApplyAsync(api, recruitmentId, teryt, participants: Officials)).ShouldBeAsync<ApplicationView>(HttpStatusCode.Created);

    private async Task<ApplicationView> GetAsync(ApplicationView application) =>
        await (await team.GetAsync($"/api/v1/applications/{application.Id}")).ShouldBeAsync<ApplicationView>(HttpStatusCode.OK);

    private async Task WithdrawAsync(ApplicationView application) =>
        (await team.PostJsonAsync($"/api/v1/applications/{application.Id}/withdraw", new { reason = "Rezygnacja." })).EnsureSuccessStatusCode();

    private async Task CloseAsync(Guid recruitmentId) =>
        (await team.PostJsonAsync($"/api/v1/recruitments/{recruitmentId}/closure", new { reason = "Koniec naboru." })).EnsureSuccessStatusCode();

    /// <summary>A cohort of the JST, one session of the pilot's module attended by all its officials, confirmed, completed.</summary>
    private async Task CompleteAsync(Guid recruitmentId, ApplicationView application)
    {
        var cohort = await (await team.PostJsonAsync($"/api/v1/recruitments/{recruitmentId}/cohorts",
            new { name = $"Grupa {application.JstTeryt}", applicationIds = new[] { application.Id } })).ShouldBeAsync<CreateCohort.CohortView>(HttpStatusCode.Created);
        var session = await (await team.PostJsonAsync($"/api/v1/cohorts/{cohort.Id}/sessions", new
        {
            moduleAnchor = "modul-1", startsAt = DateTimeOffset.UtcNow.AddDays(-7), durationMinutes = 180, mode = "workshop", trainer = "dr Anna Nowak",
        })).ShouldBeAsync<ScheduleSession.SessionView>(HttpStatusCode.Created);
        (await team.PutAsync($"/api/v1/sessions/{session.Id}/attendance",
            HttpExtensions.JsonBody(JsonSerializer.Serialize(new { presentParticipantIds = application.Participants.Select(p => p.Id) })))).EnsureSuccessStatusCode();
        (await team.PostAsync($"/api/v1/applications/{application.Id}/confirm", null)).EnsureSuccessStatusCode();
        (await team.PostAsync($"/api/v1/applications/{application.Id}/completion", null)).EnsureSuccessStatusCode();
    }
}
