using System.Net;
using TrainingApi.Features.Consultations.Meetings;
using TrainingApi.Features.Consultations.Organisations;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.Consultations.Meetings;

/// <summary>Reading a meeting: its ETag answers If-None-Match, and moves when comments are gathered at it.</summary>
public sealed class GetConsultationMeetingTests(ConsultationsFactory api) : IClassFixture<ConsultationsFactory>
{
    private readonly ConsultationSteps steps = new(api);

    [Fact]
    public async Task A_meeting_answers_304_while_unchanged_and_200_once_comments_are_gathered_at_it()
    {
        var round = await steps.OpenRoundAsync();
        var meeting = await (await steps.Team.PostJsonAsync($"/api/v1/consultation-rounds/{round.Id}/meetings", new
        {
            startsAt = api.Clock.Now.AddDays(1), durationMinutes = 120, place = "Warszawa, ORE", onlineLink = (string?)null, organiser = "ORE",
            organisationsPresent = Array.Empty<Guid>(), attendeeCount = (int?)null, minutes = (string?)null,
        })).ShouldBeAsync<MeetingView>(HttpStatusCode.Created);
        var url = $"/api/v1/consultation-meetings/{meeting.Id}";

        var tag = await ConditionalGets.AssertAnswers304Async(steps.Expert, url);
        await ConsultationSteps.SubmitAsync(steps.Team, round.Id, new { organisationId = SeededOrganisations.Zpp, meetingId = meeting.Id, comments = ConsultationSteps.Comments(2) });

        Assert.Equal(HttpStatusCode.OK, await ConditionalGets.GetIfNoneMatchAsync(steps.Expert, url, tag));
        var now = await steps.Expert.GetAsync(url);
        Assert.Equal(2, (await now.ShouldBeAsync<MeetingView>(HttpStatusCode.OK)).CommentsGathered);
        Assert.NotEqual(tag, now.Headers.ETag!.Tag);
    }
}
