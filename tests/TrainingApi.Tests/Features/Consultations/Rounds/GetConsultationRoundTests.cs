using System.Net;
using System.Text.Json;
using TrainingApi.Features.Consultations.Organisations;
using TrainingApi.Features.Consultations.Rounds;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.Consultations.Rounds;

/// <summary>
/// Reading a round: the ETag answers If-None-Match and moves with what the view shows beyond the row (the comment count, the status
/// the clock gives), while If-Match for PUT still accepts it as long as the row itself is unchanged.
/// </summary>
public sealed class GetConsultationRoundTests(ConsultationsFactory api) : IClassFixture<ConsultationsFactory>
{
    private readonly ConsultationSteps steps = new(api);

    [Fact]
    public async Task A_round_answers_304_until_a_comment_arrives_or_it_closes()
    {
        var round = await steps.OpenRoundAsync(days: 7);
        var url = $"/api/v1/consultation-rounds/{round.Id}";

        var unchanged = await ConditionalGets.AssertAnswers304Async(steps.Expert, url);
        await steps.TeamSubmitsAsync(round.Id, SeededOrganisations.Zpp, ConsultationSteps.Comment());
        var commented = (await steps.Expert.GetAsync(url)).Headers.ETag!.Tag;
        api.Clock.Now = round.ClosesAt.AddMinutes(1);
        var closed = await steps.Expert.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, await ConditionalGets.GetIfNoneMatchAsync(steps.Expert, url, unchanged));
        Assert.NotEqual(unchanged, commented);
        Assert.Equal(RoundStatus.Closed, (await closed.ShouldBeAsync<RoundView>(HttpStatusCode.OK)).Status);
        Assert.NotEqual(commented, closed.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task The_tag_read_before_a_comment_still_lets_the_team_change_the_round()
    {
        var round = await steps.OpenRoundAsync(days: 7);
        var read = (await steps.Team.GetAsync($"/api/v1/consultation-rounds/{round.Id}")).Headers.ETag!.Tag;
        await steps.TeamSubmitsAsync(round.Id, SeededOrganisations.Zpp, ConsultationSteps.Comment());

        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/consultation-rounds/{round.Id}")
        {
            Content = HttpExtensions.JsonBody(JsonSerializer.Serialize(new { title = "Przedłużone", opensAt = round.OpensAt, closesAt = round.ClosesAt.AddDays(3) },
                HttpExtensions.Json)),
        }.WithHeader("If-Match", read);
        var updated = await steps.Team.SendAsync(request);

        Assert.Equal(1, (await updated.ShouldBeAsync<RoundView>(HttpStatusCode.OK)).Comments);
        Assert.Equal(HttpStatusCode.NotModified,
            await ConditionalGets.GetIfNoneMatchAsync(steps.Team, $"/api/v1/consultation-rounds/{round.Id}", updated.Headers.ETag!.Tag));
    }
}
