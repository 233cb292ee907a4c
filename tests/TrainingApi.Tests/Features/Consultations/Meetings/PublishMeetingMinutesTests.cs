using System.Net;
using TrainingApi.Features.Consultations.Meetings;
using TrainingApi.Features.Consultations.Public;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.Consultations.Meetings;

/// <summary>Minutes become public only when the team says so, and can be taken back.</summary>
public sealed class PublishMeetingMinutesTests(ConsultationsFactory api) : IClassFixture<ConsultationsFactory>
{
    private readonly ConsultationSteps steps = new(api);

    private async Task<MeetingView> MeetingAsync(string? minutes)
    {
        var round = await steps.OpenRoundAsync();
        return await (await steps.Team.PostJsonAsync($"/api/v1/consultation-rounds/{round.Id}/meetings", new
        {
            startsAt = api.Clock.Now.AddHours(2), place = "Gdańsk", organiser = "ORE", minutes,
        })).ShouldBeAsync<MeetingView>(HttpStatusCode.Created);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, Guid meetingId, HttpClient? client = null, bool ifMatch = true)
    {
        var request = new HttpRequestMessage(method, $"/api/v1/consultation-meetings/{meetingId}/minutes/publication");
        if (ifMatch)
        {
            request.Headers.IfMatch.Add((await steps.Team.GetAsync($"/api/v1/consultation-meetings/{meetingId}")).Headers.ETag!);
        }

        return await (client ?? steps.Team).SendAsync(request);
    }

    private async Task<string?> PublicMinutesAsync(Guid meetingId) =>
        (await (await api.CreateClient().GetAsync($"/api/v1/public/consultation-meetings/{meetingId}")).ShouldBeAsync<PublicMeetingView>(HttpStatusCode.OK)).Minutes;

    [Fact]
    public async Task The_team_publishes_the_minutes_and_can_take_them_back()
    {
        var meeting = await MeetingAsync("Protokół ze spotkania w Gdańsku.");
        Assert.Null(await PublicMinutesAsync(meeting.Id));

        var published = await SendAsync(HttpMethod.Post, meeting.Id);
        var view = await published.ShouldBeAsync<MeetingView>(HttpStatusCode.OK);
        Assert.NotNull(view.MinutesPublishedAt);
        Assert.NotNull(published.Headers.ETag);
        Assert.Equal("Protokół ze spotkania w Gdańsku.", await PublicMinutesAsync(meeting.Id));

        var withdrawn = await SendAsync(HttpMethod.Delete, meeting.Id);
        Assert.Null((await withdrawn.ShouldBeAsync<MeetingView>(HttpStatusCode.OK)).MinutesPublishedAt);
        Assert.Null(await PublicMinutesAsync(meeting.Id));
    }

    [Fact]
    public async Task Publishing_needs_minutes_the_current_etag_and_the_team()
    {
        var empty = await MeetingAsync(null);
        var meeting = await MeetingAsync("Protokół.");

        var none = await SendAsync(HttpMethod.Post, empty.Id);
        var noEtag = await SendAsync(HttpMethod.Post, meeting.Id, ifMatch: false);
        var expert = await SendAsync(HttpMethod.Post, meeting.Id, steps.Expert);
        var unknown = await SendAsync(HttpMethod.Post, Guid.NewGuid(), ifMatch: false);

        Assert.Equal("no-minutes", (await none.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict")).GetProperty("code").GetString());
        await noEtag.ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired, "precondition-required");
        Assert.Equal(HttpStatusCode.Forbidden, expert.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionRequired, unknown.StatusCode);
        Assert.Null(await PublicMinutesAsync(meeting.Id));
    }
}
