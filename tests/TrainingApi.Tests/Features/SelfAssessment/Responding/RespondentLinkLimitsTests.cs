using System.Net;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.SelfAssessment.Responding;

public sealed class RespondentLinkLimitsTests(RespondentLinkLimitsTests.Factory api) : IClassFixture<RespondentLinkLimitsTests.Factory>
{
    public sealed class Factory : ApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["SelfAssessment:LinkRequestsPerMinute"] = "3" };
    }

    private readonly SelfAssessmentSteps steps = new(api);

    [Fact]
    public async Task One_link_hammered_gets_429_with_Retry_After_and_another_link_is_unaffected()
    {
        var (round, coordinator) = await steps.StartAsync();
        var links = await SelfAssessmentSteps.InviteAsync(coordinator, round.Id, "it", "it");
        var respondent = steps.Respondent();

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add(await respondent.GetAsync($"/api/v1/self-assessment-links/{links.Invitations[0].Token}"));
        }

        var other = await respondent.GetAsync($"/api/v1/self-assessment-links/{links.Invitations[1].Token}");

        Assert.All(answers.Take(3), a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var limited = await answers[3].ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "too-many-requests");
        Assert.NotNull(answers[3].Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.False(string.IsNullOrEmpty(limited.GetProperty("detail").GetString()));
    }
}
