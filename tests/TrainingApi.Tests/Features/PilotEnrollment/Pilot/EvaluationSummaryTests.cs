using System.Net;
using TrainingApi.Common.Security;
using TrainingApi.Features.PilotEnrollment.Pilot;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.PilotEnrollment.Pilot;

/// <summary>RecordEvaluations and GetEvaluationSummary, checked against values computed by hand.</summary>
public sealed class EvaluationSummaryTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient team = api.ClientAs(Roles.ProgrammeTeam);

    [Fact]
    public async Task The_summary_per_module_has_counts_means_the_pre_post_change_and_satisfaction()
    {
        var recruitment = await EnrollmentSteps.OpenAsync(api, capacity: 2);
        var recruitmentId = recruitment.Id;
        var cohorts = new List<CreateCohort.CohortView>();
        foreach (var teryt in EnrollmentSteps.Gminas(2, skip: 800))
        {
            var application = await (await EnrollmentSteps.ApplyAsync(api, recruitmentId, teryt)).ShouldBeAsync<TrainingApi.Features.PilotEnrollment.Applications.ApplicationView>(HttpStatusCode.Created);
            cohorts.Add(await (await team.PostJsonAsync($"/api/v1/recruitments/{recruitmentId}/cohorts", new { name = "Grupa " + teryt, applicationIds = new[] { application.Id } }))
                .ShouldBeAsync<CreateCohort.CohortView>(HttpStatusCode.Created));
        }

        var (first, second) = (cohorts[0], cohorts[1]);
        (await team.PostJsonAsync($"/api/v1/cohorts/{first.Id}/evaluations", new
        {
            responses = new object[]
            {
                new { moduleAnchor = "modul-1", preScore = 40, postScore = 80, satisfaction = 5, comment = "Bardzo praktyczne." },
                new { moduleAnchor = "modul-1", preScore = 50, postScore = 70, satisfaction = 4 },
                new { moduleAnchor = "modul-2", satisfaction = 3 },
            },
        })).EnsureSuccessStatusCode();
        (await team.PostJsonAsync($"/api/v1/cohorts/{second.Id}/evaluations", new
        {
            responses = new object[]
            {
                new { moduleAnchor = "modul-1", preScore = 60, postScore = 66, satisfaction = 4, comment = "Za mało czasu." },
                new { moduleAnchor = "modul-1", postScore = 90 },
            },
        })).EnsureSuccessStatusCode();

        var summary = await (await api.ClientAs(Roles.Ministry).GetAsync($"/api/v1/recruitments/{recruitmentId}/evaluation-summary"))
            .ShouldBeAsync<GetEvaluationSummary.Summary>(HttpStatusCode.OK);

        Assert.Equal(5, summary.Responses);
        var m1 = summary.Modules.Single(m => m.ModuleAnchor == "modul-1");
        // pre: 40, 50, 60 → 50; post: 80, 70, 66, 90 → 76.5; change over the three pairs: 40, 20, 6 → 22; satisfaction 5, 4, 4 → 4.33.
        Assert.Equal((4, 50.0, 76.5, 22.0, 3, 4.33), (m1.Responses, m1.MeanPre!.Value, m1.MeanPost!.Value, m1.MeanChange!.Value, m1.PairedScores, m1.MeanSatisfaction!.Value));
        Assert.Equal([0, 0, 0, 2, 1], m1.SatisfactionCounts);
        Assert.Equal(["Bardzo praktyczne.", "Za mało czasu."], m1.Comments);
        var m2 = summary.Modules.Single(m => m.ModuleAnchor == "modul-2");
        Assert.Equal((1, (double?)null, (double?)null, 3.0), (m2.Responses, m2.MeanPre, m2.MeanChange, m2.MeanSatisfaction!.Value));
    }

    [Theory]
    [InlineData("""{"responses":[{"moduleAnchor":"modul-1","preScore":101}]}""")]
    [InlineData("""{"responses":[{"moduleAnchor":"modul-1","satisfaction":6}]}""")]
    [InlineData("""{"responses":[{"moduleAnchor":"modul-1"}]}""")]
    [InlineData("""{"responses":[]}""")]
    public async Task Invalid_responses_are_400_and_nothing_is_stored(string body)
    {
        var (recruitmentId, cohort, _) = await PilotSteps.CohortAsync(api, jst: 1, participantsEach: 1, skip: 820 + body.Length);

        await (await team.PostAsync($"/api/v1/cohorts/{cohort.Id}/evaluations", HttpExtensions.JsonBody(body))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");

        var summary = await (await team.GetAsync($"/api/v1/recruitments/{recruitmentId}/evaluation-summary")).ShouldBeAsync<GetEvaluationSummary.Summary>(HttpStatusCode.OK);
        Assert.Equal(0, summary.Responses);
    }
}
