using System.Net;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Features.SelfAssessment.Responding;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.SelfAssessment.Responding;

public sealed class SaveAnswersTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly SelfAssessmentSteps steps = new(api);

    [Fact]
    public async Task A_draft_saves_and_changes_until_submitted_and_then_never_again()
    {
        var (round, coordinator) = await steps.StartAsync();
        var token = (await SelfAssessmentSteps.InviteAsync(coordinator, round.Id, "school-head")).Invitations[0].Token;
        var respondent = steps.Respondent();
        var url = $"/api/v1/self-assessment-links/{token}";

        var first = await (await respondent.PutJsonAsync($"{url}/answers", new { answers = new Dictionary<string, int?> { ["strategia-1"] = 2, ["dane-1"] = null } }))
            .ShouldBeAsync<DraftSaved>(HttpStatusCode.OK);
        (await respondent.PutJsonAsync($"{url}/answers", new { answers = new Dictionary<string, int?> { ["strategia-1"] = 4 } })).EnsureSuccessStatusCode();
        var reopened = await (await respondent.GetAsync(url)).ShouldBeAsync<QuestionnaireView>(HttpStatusCode.OK);
        (await steps.SubmitAsync(token, SelfAssessmentSteps.Answers(3))).EnsureSuccessStatusCode();
        var after = await (await respondent.PutJsonAsync($"{url}/answers", new { answers = new Dictionary<string, int?> { ["strategia-1"] = 1 } }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict");

        Assert.Equal((2, 29), (first.Answered, first.Statements));
        Assert.Equal(new Dictionary<string, int?> { ["strategia-1"] = 4 }, reopened.Answers);
        Assert.Equal("answers-submitted", after.GetProperty("code").GetString());
        await (await respondent.GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Answers_outside_the_scale_or_the_framework_are_400s_naming_them_and_nothing_is_stored()
    {
        var (round, coordinator) = await steps.StartAsync();
        var links = await SelfAssessmentSteps.InviteAsync(coordinator, round.Id, "it");
        var url = $"/api/v1/self-assessment-links/{links.Invitations[0].Token}/answers";

        var outOfScale = await (await steps.Respondent().PutJsonAsync(url, new { answers = new Dictionary<string, int?> { ["strategia-1"] = 6, ["strategia-2"] = 0 } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        var unknown = await (await steps.Respondent().PutJsonAsync(url, new { answers = new Dictionary<string, int?> { ["strategia-99"] = 3 } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        var missing = await (await steps.Respondent().PutJsonAsync(url, new { })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        var text = await steps.Respondent().PutAsync(url, HttpExtensions.JsonBody("""{"answers":{"strategia-1":"tak"}}"""));

        Assert.NotEmpty(outOfScale.ErrorsFor("answers.strategia-1"));
        Assert.NotEmpty(outOfScale.ErrorsFor("answers.strategia-2"));
        Assert.Contains("strategia-99", unknown.ErrorsFor("answers.strategia-99")[0]);
        Assert.NotEmpty(missing.ErrorsFor("answers"));
        Assert.Equal(HttpStatusCode.BadRequest, text.StatusCode);
        await using var db = api.Db();
        Assert.False(await db.Context.Set<AnswerDraft>().AnyAsync(d => d.InvitationId == links.Invitations[0].Id));
    }
}
