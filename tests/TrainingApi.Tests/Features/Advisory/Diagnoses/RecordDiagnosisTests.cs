using System.Net;
using TrainingApi.Common.Security;
using TrainingApi.Features.Advisory.Diagnoses;
using TrainingApi.Features.Advisory.Maturity;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.Advisory.Diagnoses;

public sealed class RecordDiagnosisTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly AdvisorySteps steps = new(api);

    /// <summary>
    /// Computed by hand. A: strategia 5, 4, n/a, 3 → 4.00; infrastruktura all n/a → none; the six other areas 3.
    /// B: strategia 2, 2, 2, 2 → 2.00; infrastruktura 1, 2, n/a → 1.50; the others 4.
    /// JST: strategia (4 + 2) / 2 = 3.00 (min 2, max 4, sd 1.00); infrastruktura only B: 1.50 (1 respondent, sd 0);
    /// others (3 + 4) / 2 = 3.50 (sd 0.50). Overall (3.00 + 1.50 + 6 × 3.50) / 8 = 3.1875 → 3.19.
    /// A overall (4 + 6 × 3) / 7 = 3.142… → 3.14; B overall (2 + 1.5 + 6 × 4) / 8 = 3.4375 → 3.44.
    /// </summary>
    [Fact]
    public async Task Two_respondents_with_na_answers_score_as_computed_by_hand()
    {
        var (engagement, advisor, _) = await steps.EngagementAsync(skip: 0);
        var a = AdvisorySteps.Answers(3, new()
        {
            ["strategia-1"] = 5, ["strategia-2"] = 4, ["strategia-3"] = null, ["strategia-4"] = 3,
            ["infrastruktura-1"] = null, ["infrastruktura-2"] = null, ["infrastruktura-3"] = null,
        });
        var b = AdvisorySteps.Answers(4, new()
        {
            ["strategia-1"] = 2, ["strategia-2"] = 2, ["strategia-3"] = 2, ["strategia-4"] = 2,
            ["infrastruktura-1"] = 1, ["infrastruktura-2"] = 2, ["infrastruktura-3"] = null,
        });

        var response = await advisor.PostJsonAsync($"/api/v1/engagements/{engagement.Id}/diagnoses",
            AdvisorySteps.Diagnosis("initial", ("education-department", a), ("school-head", b)));

        var diagnosis = await response.ShouldBeAsync<DiagnosisView>(HttpStatusCode.Created);
        var scores = diagnosis.Scores;
        var strategia = scores.Areas.Single(x => x.Area == "strategia");
        var infrastruktura = scores.Areas.Single(x => x.Area == "infrastruktura");
        Assert.Equal((3.00m, 2, 2.00m, 4.00m, 1.00m), (strategia.Score!.Value, strategia.Respondents, strategia.Min!.Value, strategia.Max!.Value, strategia.StandardDeviation!.Value));
        Assert.Equal((1.50m, 1, 0m), (infrastruktura.Score!.Value, infrastruktura.Respondents, infrastruktura.StandardDeviation!.Value));
        Assert.All(scores.Areas.Where(x => x.Area is not "strategia" and not "infrastruktura"), x => Assert.Equal((3.50m, 0.50m), (x.Score!.Value, x.StandardDeviation!.Value)));
        Assert.Equal(3.19m, scores.Overall);
        Assert.Equal([3.14m, 3.44m], scores.Respondents.Select(r => r.Overall!.Value));
        Assert.Null(scores.Respondents[0].Areas.Single(x => x.Area == "infrastruktura").Score);
        Assert.Equal(MaturityFramework.Current.Version, diagnosis.FrameworkVersion);
    }

    [Fact]
    public async Task Every_statement_must_be_answered_and_only_those_of_the_framework()
    {
        var (engagement, advisor, _) = await steps.EngagementAsync(skip: 1);
        var missing = AdvisorySteps.Answers(3);
        missing.Remove("dane-2");
        var extra = AdvisorySteps.Answers(3);
        extra["dane-9"] = 3;

        var gap = await advisor.PostJsonAsync($"/api/v1/engagements/{engagement.Id}/diagnoses", AdvisorySteps.Diagnosis("initial", ("it", AdvisorySteps.Answers(2)), ("finance", missing)));
        var unknown = await advisor.PostJsonAsync($"/api/v1/engagements/{engagement.Id}/diagnoses", AdvisorySteps.Diagnosis("initial", ("it", extra)));

        var problem = await gap.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "unprocessable-content");
        Assert.Equal(("answers-incomplete", "respondents[1]"), (problem.GetProperty("code").GetString(), problem.GetProperty("respondent").GetString()));
        Assert.Contains("dane-2", problem.GetProperty("detail").GetString());
        Assert.Contains("dane-9", (await unknown.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "unprocessable-content")).GetProperty("detail").GetString());
        Assert.Empty(await (await advisor.GetAsync($"/api/v1/engagements/{engagement.Id}/diagnoses")).ShouldBeAsync<List<DiagnosisView>>(HttpStatusCode.OK));
    }

    [Fact]
    public async Task Scores_outside_1_to_5_and_no_respondents_are_400()
    {
        var (engagement, advisor, _) = await steps.EngagementAsync(skip: 2);

        var six = await advisor.PostJsonAsync($"/api/v1/engagements/{engagement.Id}/diagnoses", AdvisorySteps.Diagnosis("initial", ("it", AdvisorySteps.Answers(6))));
        var nobody = await advisor.PostJsonAsync($"/api/v1/engagements/{engagement.Id}/diagnoses", AdvisorySteps.Diagnosis("initial"));

        await six.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        Assert.NotEmpty((await nobody.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed")).ErrorsFor("respondents"));
    }

    [Fact]
    public async Task A_closing_diagnosis_waits_for_the_closure_stage()
    {
        var (engagement, advisor, _) = await steps.EngagementAsync(skip: 3);

        var response = await advisor.PostJsonAsync($"/api/v1/engagements/{engagement.Id}/diagnoses", AdvisorySteps.Diagnosis("closing", ("it", AdvisorySteps.Answers(3))));

        Assert.Equal("stage-does-not-allow", (await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict")).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Another_advisor_gets_a_404_and_the_coordinator_a_403()
    {
        var (engagement, _, teryt) = await steps.EngagementAsync(skip: 4);
        var stranger = api.ClientAs(Roles.Advisor, subject: (await steps.AdvisorAsync()).Subject);
        var coordinator = api.ClientAs(Roles.JstCoordinator, teryt: teryt);
        var body = AdvisorySteps.Diagnosis("initial", ("it", AdvisorySteps.Answers(3)));

        await (await stranger.PostJsonAsync($"/api/v1/engagements/{engagement.Id}/diagnoses", body)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await coordinator.PostJsonAsync($"/api/v1/engagements/{engagement.Id}/diagnoses", body)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Empty(await (await coordinator.GetAsync($"/api/v1/engagements/{engagement.Id}/diagnoses")).ShouldBeAsync<List<DiagnosisView>>(HttpStatusCode.OK));
    }
}
