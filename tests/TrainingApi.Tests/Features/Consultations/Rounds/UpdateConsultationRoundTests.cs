using System.Net;
using System.Text.Json;
using TrainingApi.Features.Consultations.Organisations;
using TrainingApi.Features.Consultations.Rounds;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.Consultations.Rounds;

public sealed class UpdateConsultationRoundTests(ConsultationsFactory api) : IClassFixture<ConsultationsFactory>
{
    private readonly ConsultationSteps steps = new(api);

    [Fact]
    public async Task The_team_extends_the_window_with_the_etag_it_read()
    {
        var round = await steps.OpenRoundAsync(days: 7);
        var etag = (await steps.Team.GetAsync($"/api/v1/consultation-rounds/{round.Id}")).Headers.ETag!;

        var response = await PutAsync(round.Id, new { title = "Przedłużone", opensAt = round.OpensAt, closesAt = round.ClosesAt.AddDays(7) }, etag.Tag);

        var updated = await response.ShouldBeAsync<RoundView>(HttpStatusCode.OK);
        Assert.Equal(round.ClosesAt.AddDays(7), updated.ClosesAt);
        Assert.Equal("Przedłużone", updated.Title);
        Assert.NotEqual(etag.Tag, response.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task Without_if_match_it_is_428_and_with_a_stale_etag_412()
    {
        var round = await steps.OpenRoundAsync(days: 7);
        var body = new { title = "Zmiana", opensAt = round.OpensAt, closesAt = round.ClosesAt.AddDays(1) };

        await (await PutAsync(round.Id, body, null)).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired, "precondition-required");
        await (await PutAsync(round.Id, body, "\"1\"")).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "precondition-failed");
        var read = await (await steps.Team.GetAsync($"/api/v1/consultation-rounds/{round.Id}")).ShouldBeAsync<RoundView>(HttpStatusCode.OK);
        Assert.Equal(round.ClosesAt, read.ClosesAt);
    }

    [Fact]
    public async Task Once_comments_arrived_the_opening_time_stays()
    {
        var round = await steps.OpenRoundAsync(days: 7);
        await steps.TeamSubmitsAsync(round.Id, SeededOrganisations.Zpp, ConsultationSteps.Comment());
        var etag = (await steps.Team.GetAsync($"/api/v1/consultation-rounds/{round.Id}")).Headers.ETag!;

        var response = await PutAsync(round.Id, new { title = round.Title, opensAt = round.OpensAt.AddHours(-5), closesAt = round.ClosesAt }, etag.Tag);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict");
        Assert.Equal("round-has-comments", problem.GetProperty("code").GetString());
    }

    private Task<HttpResponseMessage> PutAsync(Guid roundId, object body, string? etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/consultation-rounds/{roundId}")
        {
            Content = HttpExtensions.JsonBody(JsonSerializer.Serialize(body, HttpExtensions.Json)),
        };
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        }

        return steps.Team.SendAsync(request);
    }
}
