using System.Net;
using TrainingApi.Features.Advisory.Diagnoses;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.Advisory.Diagnoses;

public sealed class CompareDiagnosesTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly AdvisorySteps steps = new(api);

    [Fact]
    public async Task The_closing_diagnosis_is_compared_with_the_initial_one_per_area()
    {
        var (engagement, advisor, _) = await steps.EngagementAsync(skip: 0);
        await AdvisorySteps.ToSupportAsync(advisor, engagement.Id);
        var before = await (await advisor.GetAsync($"/api/v1/engagements/{engagement.Id}/diagnoses/comparison")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict");
        (await AdvisorySteps.SessionAsync(advisor, engagement.Id)).EnsureSuccessStatusCode();
        (await AdvisorySteps.MoveAsync(advisor, engagement.Id, "closure")).EnsureSuccessStatusCode();
        (await advisor.PostJsonAsync($"/api/v1/engagements/{engagement.Id}/diagnoses", AdvisorySteps.Diagnosis("closing",
            ("education-department", AdvisorySteps.Answers(4, new() { ["strategia-1"] = 5, ["strategia-2"] = 5, ["dane-1"] = null, ["dane-2"] = null, ["dane-3"] = null }))))).EnsureSuccessStatusCode();

        var comparison = await (await advisor.GetAsync($"/api/v1/engagements/{engagement.Id}/diagnoses/comparison")).ShouldBeAsync<DiagnosisComparison>(HttpStatusCode.OK);

        Assert.Equal("comparison-needs-both", before.GetProperty("code").GetString());
        // Initial: 3 everywhere. Closing: strategia (5 + 5 + 4 + 4) / 4 = 4.50; dane all n/a; the rest 4.
        Assert.Equal((3m, 4.5m, 1.5m), Change(comparison, "strategia"));
        Assert.Equal((3m, 4m, 1m), Change(comparison, "finansowanie"));
        var dane = comparison.Areas.Single(a => a.Area == "dane");
        Assert.Equal((3m, null, null), (dane.Initial, dane.Closing, dane.Change));
        // Closing overall: (4.5 + 6 × 4) / 7 = 4.0714… → 4.07; change 1.07.
        Assert.Equal((3m, 4.07m, 1.07m), (comparison.InitialOverall!.Value, comparison.ClosingOverall!.Value, comparison.OverallChange!.Value));
    }

    private static (decimal?, decimal?, decimal?) Change(DiagnosisComparison comparison, string area)
    {
        var a = comparison.Areas.Single(x => x.Area == area);
        return (a.Initial, a.Closing, a.Change);
    }
}
