using System.Net;
using System.Text;
using MiniExcelLibs;
using TrainingApi.Common.Security;
using TrainingApi.Features.Advisory.Engagements;
using TrainingApi.Features.Advisory.Reports;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.Advisory.Reports;

public sealed class AdvisoryReportsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly AdvisorySteps steps = new(api);

    /// <summary>
    /// By hand: JST 1 goes from 3 to 4 everywhere (+1). JST 2 from 2 to 4, strategia to 5 (+3, others +2).
    /// Mean change: strategia (1 + 3) / 2 = 2.00, other areas (1 + 2) / 2 = 1.50. Overall: JST 1 +1.00; JST 2 closing
    /// (5 + 7 × 4) / 8 = 4.125 → 4.13, so +2.13; mean (1.00 + 2.13) / 2 = 1.565 → 1.57.
    /// </summary>
    [Fact]
    public async Task The_pilot_report_shows_the_mean_change_per_area_hours_and_stages()
    {
        var (recruitment, jst) = await steps.PilotAsync(3, 0);
        var advisorView = await steps.AdvisorAsync();
        var advisor = api.ClientAs(Roles.Advisor, subject: advisorView.Subject);
        var engagements = new List<EngagementView>();
        foreach (var teryt in jst)
        {
            engagements.Add(await (await steps.AssignAsync(recruitment.Id, teryt, advisorView.Id, hoursBudget: 10)).ShouldBeAsync<EngagementView>(HttpStatusCode.Created));
        }

        await CloseAsync(advisor, engagements[0].Id, initial: 3, closing: AdvisorySteps.Answers(4));
        await CloseAsync(advisor, engagements[1].Id, initial: 2,
            closing: AdvisorySteps.Answers(4, new() { ["strategia-1"] = 5, ["strategia-2"] = 5, ["strategia-3"] = 5, ["strategia-4"] = 5 }));

        var report = await (await steps.Team.GetAsync($"/api/v1/recruitments/{recruitment.Id}/advisory-report")).ShouldBeAsync<PilotAdvisoryReport>(HttpStatusCode.OK);
        var csv = await api.ClientAs(Roles.Ministry).GetAsync($"/api/v1/recruitments/{recruitment.Id}/advisory-report?format=csv");

        Assert.Equal((3, 2), (report.Engagements, report.EngagementsCompared));
        Assert.Equal((2, 1), (report.ByStage.Single(s => s.Stage == EngagementStage.Closure).Engagements, report.ByStage.Single(s => s.Stage == EngagementStage.Diagnosis).Engagements));
        var strategia = report.Areas.Single(a => a.Area == "strategia");
        Assert.Equal((2, 2.50m, 4.50m, 2.00m), (strategia.Engagements, strategia.MeanInitial!.Value, strategia.MeanClosing!.Value, strategia.MeanChange!.Value));
        Assert.All(report.Areas.Where(a => a.Area != "strategia"), a => Assert.Equal(1.50m, a.MeanChange));
        Assert.Equal(1.57m, report.MeanOverallChange);
        Assert.Equal((30m, 0m, 4m, 26m), (report.Hours.Budget, report.Hours.ExtraApproved, report.Hours.Used, report.Hours.Available));
        var rows = new MemoryStream(await csv.Content.ReadAsByteArrayAsync()).Query(useHeaderRow: true, excelType: ExcelType.CSV).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(8, rows.Count);
        Assert.Equal(("strategia", "2"), ((string)rows[0]["Kod obszaru"], (string)rows[0]["Średnia zmiana"]));
    }

    [Fact]
    public async Task The_engagement_report_gathers_diagnoses_plan_sessions_and_hours_as_json_and_csv()
    {
        var (engagement, advisor, teryt) = await steps.EngagementAsync(skip: 5, hoursBudget: 12);
        await AdvisorySteps.ToSupportAsync(advisor, engagement.Id, deadline: "2024-02-01");
        (await AdvisorySteps.SessionAsync(advisor, engagement.Id, 2.5m)).EnsureSuccessStatusCode();

        var report = await (await api.ClientAs(Roles.JstCoordinator, teryt: teryt).GetAsync($"/api/v1/engagements/{engagement.Id}/report"))
            .ShouldBeAsync<EngagementReport>(HttpStatusCode.OK);
        var csv = await advisor.GetAsync($"/api/v1/engagements/{engagement.Id}/report?format=csv");

        Assert.Equal(EngagementStage.Support, report.Engagement.Stage);
        Assert.Single(report.Diagnoses);
        Assert.Null(report.Comparison);
        Assert.Equal((1, 1, 1), (report.Plan.Goals, report.Plan.Actions, report.Plan.Overdue));
        Assert.Equal((1, 2.5m), (report.Sessions.Sessions, report.Sessions.Hours));
        Assert.Equal((12m, 2.5m, 9.5m), (report.Hours.Budget, report.Hours.Used, report.Hours.Available));
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("\uFEFFJST,TERYT,Kod obszaru,Obszar,Wynik początkowy,Wynik końcowy,Zmiana", text);
        await (await api.ClientAs(Roles.JstCoordinator, teryt: "1061").GetAsync($"/api/v1/engagements/{engagement.Id}/report")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await steps.Team.GetAsync($"/api/v1/recruitments/{Guid.NewGuid()}/advisory-report")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    private static async Task CloseAsync(HttpClient advisor, Guid engagementId, int initial, Dictionary<string, int?> closing)
    {
        (await advisor.PostJsonAsync($"/api/v1/engagements/{engagementId}/diagnoses", AdvisorySteps.Diagnosis("initial", ("it", AdvisorySteps.Answers(initial))))).EnsureSuccessStatusCode();
        (await AdvisorySteps.MoveAsync(advisor, engagementId, "plan")).EnsureSuccessStatusCode();
        (await AdvisorySteps.GoalAsync(advisor, engagementId)).EnsureSuccessStatusCode();
        (await AdvisorySteps.MoveAsync(advisor, engagementId, "support")).EnsureSuccessStatusCode();
        (await AdvisorySteps.SessionAsync(advisor, engagementId, 2)).EnsureSuccessStatusCode();
        (await AdvisorySteps.MoveAsync(advisor, engagementId, "closure")).EnsureSuccessStatusCode();
        (await advisor.PostJsonAsync($"/api/v1/engagements/{engagementId}/diagnoses", AdvisorySteps.Diagnosis("closing", ("it", closing)))).EnsureSuccessStatusCode();
    }
}
