using System.Net;
using TrainingApi.Common.Http;
using TrainingApi.Features.Consultations.Meetings;
using TrainingApi.Features.Consultations.Organisations;
using TrainingApi.Features.Consultations.Public;
using TrainingApi.Features.Consultations.Registrations;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.Consultations.Registrations;

/// <summary>The attendance record is ticked off the sign-up list.</summary>
public sealed class RecordMeetingAttendanceTests(ConsultationsFactory api) : IClassFixture<ConsultationsFactory>
{
    private readonly ConsultationSteps steps = new(api);

    private async Task<HttpResponseMessage> RecordAsync(Guid meetingId, params Guid[] present)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/consultation-meetings/{meetingId}/attendance")
        {
            Content = HttpExtensions.JsonBody(System.Text.Json.JsonSerializer.Serialize(new { present }, HttpExtensions.Json)),
        };
        request.Headers.IfMatch.Add((await steps.Team.GetAsync($"/api/v1/consultation-meetings/{meetingId}")).Headers.ETag!);
        return await steps.Team.SendAsync(request);
    }

    [Fact]
    public async Task Ticking_off_the_list_records_who_came_the_count_and_the_organisations_present()
    {
        var round = await steps.OpenRoundAsync();
        var meeting = await (await steps.Team.PostJsonAsync($"/api/v1/consultation-rounds/{round.Id}/meetings", new
        {
            startsAt = api.Clock.Now.AddDays(1), place = "Poznań", organiser = "ORE",
        })).ShouldBeAsync<MeetingView>(HttpStatusCode.Created);
        var etag = (await steps.Team.GetAsync($"/api/v1/consultation-meetings/{meeting.Id}")).Headers.ETag!;
        var open = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/consultation-meetings/{meeting.Id}/registration") { Content = HttpExtensions.JsonBody("""{"capacity":10}""") };
        open.Headers.IfMatch.Add(etag);
        (await steps.Team.SendAsync(open)).EnsureSuccessStatusCode();
        var zmp = await (await steps.Team.SendAsync(RegisterForMeetingTests.Register(meeting.Id, SeededOrganisations.Zmp,
            new { name = "Adam A", email = "a@zmp.example.pl" }, new { name = "Beata B", email = "b@zmp.example.pl" }))).ShouldBeAsync<RegistrationView>(HttpStatusCode.Created);
        var zpp = await (await steps.Team.SendAsync(RegisterForMeetingTests.Register(meeting.Id, SeededOrganisations.Zpp,
            new { name = "Cezary C", email = "c@zpp.example.pl" }))).ShouldBeAsync<RegistrationView>(HttpStatusCode.Created);

        var early = await RecordAsync(meeting.Id, zmp.Representatives[0].Id);
        api.Clock.Now = meeting.StartsAt.AddHours(3);
        var stranger = await RecordAsync(meeting.Id, Guid.NewGuid());
        var recorded = await RecordAsync(meeting.Id, zmp.Representatives[0].Id);
        api.Clock.Now = DateTimeOffset.UtcNow;

        Assert.Equal("meeting-not-started", (await early.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict")).GetProperty("code").GetString());
        Assert.Equal("unknown-representatives", (await stranger.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "unprocessable-content")).GetProperty("code").GetString());
        var view = await recorded.ShouldBeAsync<MeetingView>(HttpStatusCode.OK);
        Assert.Equal(1, view.AttendeeCount);
        Assert.Equal([SeededOrganisations.Zmp], view.OrganisationsPresent);
        var list = await (await steps.Team.GetAsync($"/api/v1/consultation-meetings/{meeting.Id}/registrations")).ShouldBeAsync<Page<RegistrationView>>(HttpStatusCode.OK);
        var attended = list.Items.SelectMany(r => r.Representatives).ToDictionary(p => p.Id, p => p.Attended);
        Assert.Equal((true, false, false), (attended[zmp.Representatives[0].Id], attended[zmp.Representatives[1].Id], attended[zpp.Representatives[0].Id]));
        var shown = await (await api.CreateClient().GetAsync($"/api/v1/public/consultation-meetings/{meeting.Id}")).ShouldBeAsync<PublicMeetingView>(HttpStatusCode.OK);
        Assert.Equal(["Związek Miast Polskich"], shown.OrganisationsPresent.Select(o => o.Name));
    }
}
