using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Http;
using TrainingApi.Features.Consultations.Meetings;
using TrainingApi.Features.Consultations.Organisations;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.Consultations.Meetings;

/// <summary>Scheduling a meeting, recording what happened at it, and listing a round's meetings.</summary>
public sealed class ConsultationMeetingTests(ConsultationsFactory api) : IClassFixture<ConsultationsFactory>
{
    private readonly ConsultationSteps steps = new(api);

    [Fact]
    public async Task A_meeting_is_scheduled_then_its_minutes_and_attendance_recorded()
    {
        var round = await steps.OpenRoundAsync();
        var created = await (await ScheduleAsync(round.Id, Meeting(api.Clock.Now.AddDays(2)))).ShouldBeAsync<MeetingView>(HttpStatusCode.Created);
        var read = await steps.Team.GetAsync($"/api/v1/consultation-meetings/{created.Id}");

        var recorded = await PutAsync(created.Id, Meeting(api.Clock.Now.AddDays(2), minutes: "Zebrano 3 uwagi.", attendees: 27,
            present: [SeededOrganisations.Zmp, SeededOrganisations.Zpp]), read.Headers.ETag!.Tag);

        var meeting = await recorded.ShouldBeAsync<MeetingView>(HttpStatusCode.OK);
        Assert.Equal((27, "Zebrano 3 uwagi."), (meeting.AttendeeCount, meeting.Minutes));
        Assert.Equal([SeededOrganisations.Zmp, SeededOrganisations.Zpp], meeting.OrganisationsPresent);
        await ConsultationSteps.SubmitAsync(steps.Team, round.Id, new { organisationId = SeededOrganisations.Zpp, meetingId = meeting.Id, comments = ConsultationSteps.Comments(3) });
        var listed = await (await steps.Expert.GetAsync($"/api/v1/consultation-rounds/{round.Id}/meetings")).ShouldBeAsync<Page<MeetingView>>(HttpStatusCode.OK);
        Assert.Equal(3, Assert.Single(listed.Items).CommentsGathered);
    }

    [Fact]
    public async Task A_meeting_outside_the_window_is_a_422_naming_it()
    {
        var round = await steps.OpenRoundAsync(days: 7);

        var response = await ScheduleAsync(round.Id, Meeting(api.Clock.Now.AddDays(8)));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "unprocessable-content");
        Assert.Equal("meeting-outside-round", problem.GetProperty("code").GetString());
        Assert.Contains("Europe/Warsaw", problem.GetProperty("detail").GetString());
        await AssertNoMeetingAsync(round.Id);
    }

    [Fact]
    public async Task A_meeting_needs_a_place_or_an_https_link()
    {
        var round = await steps.OpenRoundAsync();

        var nowhere = await ScheduleAsync(round.Id, Meeting(api.Clock.Now.AddDays(1), place: null));
        var plainHttp = await ScheduleAsync(round.Id, Meeting(api.Clock.Now.AddDays(1), place: null, link: "http://spotkanie.example.pl"));

        Assert.NotEmpty((await nowhere.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed")).ErrorsFor("place"));
        Assert.NotEmpty((await plainHttp.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed")).ErrorsFor("onlineLink"));
        await AssertNoMeetingAsync(round.Id);
    }

    [Fact]
    public async Task Organisations_present_must_be_registered()
    {
        var round = await steps.OpenRoundAsync();

        var response = await ScheduleAsync(round.Id, Meeting(api.Clock.Now.AddDays(1), present: [Guid.NewGuid()]));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "unprocessable-content");
        Assert.Equal("unknown-organisation", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Recording_needs_the_current_etag_and_an_unknown_meeting_is_a_404()
    {
        var round = await steps.OpenRoundAsync();
        var created = await (await ScheduleAsync(round.Id, Meeting(api.Clock.Now.AddDays(2)))).ShouldBeAsync<MeetingView>(HttpStatusCode.Created);

        await (await PutAsync(created.Id, Meeting(api.Clock.Now.AddDays(2), minutes: "x"), null)).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired, "precondition-required");
        await (await PutAsync(created.Id, Meeting(api.Clock.Now.AddDays(2), minutes: "x"), "\"7\"")).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "precondition-failed");
        await (await PutAsync(Guid.NewGuid(), Meeting(api.Clock.Now.AddDays(2)), "\"7\"")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await ScheduleAsync(Guid.NewGuid(), Meeting(api.Clock.Now.AddDays(2)))).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    private static object Meeting(DateTimeOffset startsAt, string? place = "Warszawa, ORE", string? link = null, string? minutes = null, int? attendees = null,
        Guid[]? present = null) =>
        new { startsAt, durationMinutes = 120, place, onlineLink = link, organiser = "ORE i ZMP", organisationsPresent = present ?? [], attendeeCount = attendees, minutes };

    private Task<HttpResponseMessage> ScheduleAsync(Guid roundId, object body) => steps.Team.PostJsonAsync($"/api/v1/consultation-rounds/{roundId}/meetings", body);

    private Task<HttpResponseMessage> PutAsync(Guid meetingId, object body, string? etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/consultation-meetings/{meetingId}")
        {
            Content = HttpExtensions.JsonBody(JsonSerializer.Serialize(body, HttpExtensions.Json)),
        };
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        }

        return steps.Team.SendAsync(request);
    }

    private async Task AssertNoMeetingAsync(Guid roundId)
    {
        await using var db = api.Db();
        Assert.False(await db.Context.Set<ConsultationMeeting>().AnyAsync(m => m.RoundId == roundId));
    }
}
