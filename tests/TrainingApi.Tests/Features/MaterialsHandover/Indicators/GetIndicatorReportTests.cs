using System.Net;
using TrainingApi.Common.Security;
using TrainingApi.Features.Advisory.Engagements;
using TrainingApi.Features.Curriculum.Versions;
using TrainingApi.Features.MaterialsHandover.Indicators;
using TrainingApi.Tests.Features.Advisory;
using TrainingApi.Tests.Features.Curriculum;
using TrainingApi.Tests.Features.PilotEnrollment;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.MaterialsHandover.Indicators;

/// <summary>The indicator report on a seeded scenario, against numbers counted by hand.</summary>
public sealed class GetIndicatorReportTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HandoverSteps steps = new(api);

    [Fact]
    public async Task The_report_equals_the_hand_counted_numbers_by_voivodeship_and_kind_and_as_of_an_earlier_day()
    {
        // Pilot A: Bolesławiec (gmina miejska, dolnośląskie 02) and Drużbice (gmina wiejska, łódzkie 10), two officials each, both completed.
        var curriculum = new CurriculumSteps(steps.Team);
        var version = await curriculum.DraftAsync();
        await curriculum.SectionAsync(version.Id, "modul-1", hours: 2);
        await curriculum.MoveAlongAsync(version.Id, VersionStatus.InReview, VersionStatus.Accessible, VersionStatus.InConsultation, VersionStatus.Revised, VersionStatus.InPilot);
        var pilotA = await PilotEvidenceSteps.CompletedPilotAsync(api, version.Id, ["modul-1"], teryts: ["0201011", "1001032"]);
        // Pilot B: Warszawa (mazowieckie 14) accepted only, Łódź (łódzkie 10) confirmed; one official each.
        var pilotB = await EnrollmentSteps.OpenAsync(api, capacity: 5, versionId: version.Id);
        (await EnrollmentSteps.ApplyAsync(api, pilotB.Id, "1465")).EnsureSuccessStatusCode();
        var lodz = await (await EnrollmentSteps.ApplyAsync(api, pilotB.Id, "1061")).ShouldBeAsync<TrainingApi.Features.PilotEnrollment.Applications.ApplicationView>(HttpStatusCode.Created);
        (await steps.Team.PostAsync($"/api/v1/applications/{lodz.Id}/confirm", null)).EnsureSuccessStatusCode();
        // Advisory: Bolesławiec closed with a higher maturity (2 → 4), Drużbice closed without (3 → 3).
        var advisory = new AdvisorySteps(api);
        await CloseEngagementAsync(advisory, pilotA.RecruitmentId, "0201011", 2, 4);
        await CloseEngagementAsync(advisory, pilotA.RecruitmentId, "1001032", 3, 3);
        // Reach: the release of the tested version adopted by Warszawa (call 2025) and Bolesławiec (call 2026).
        await curriculum.MoveAlongAsync(version.Id, VersionStatus.Tested);
        var release = await steps.PublishAsync((await steps.DraftAsync(version.Id)).Id);
        await AdoptAsync("1465", release.Id, "Konkurs MEN 2025");
        await AdoptAsync("0201011", release.Id, "Konkurs MEN 2026");

        var report = await (await api.CreateClient().GetAsync("/api/v1/catalogue/indicators")).ShouldBeAsync<IndicatorReport>(HttpStatusCode.OK);
        var before = await (await api.CreateClient().GetAsync("/api/v1/catalogue/indicators?asOf=2025-01-01")).ShouldBeAsync<IndicatorReport>(HttpStatusCode.OK);

        Assert.Equal(
        [
            ("pilot-jst-recruited", 50, 4, 8.0m), ("pilot-jst-confirmed", 50, 3, 6.0m), ("pilot-jst-completed", 50, 2, 4.0m),
            ("officials-trained", 150, 4, 2.7m), ("advisory-closed-improved", (int?)null, 1, (decimal?)null), ("jst-reached", 300, 2, 0.7m),
        ], report.Indicators.Select(i => (i.Code, i.Target, i.Actual, i.Progress)));
        Assert.Equal(
        [
            ("02", 1, 1, 1, 2, 1, 1), ("10", 2, 2, 1, 2, 0, 0), ("14", 1, 0, 0, 0, 0, 1),
        ], report.ByVoivodeship.Select(b => (b.Key, b.Recruited, b.Confirmed, b.Completed, b.OfficialsTrained, b.AdvisoryImproved, b.JstReached)));
        Assert.Equal(
        [
            ("gmina-miejska", 1, 1, 1, 2, 1, 1), ("gmina-wiejska", 1, 1, 1, 2, 0, 0), ("miasto-na-prawach-powiatu", 2, 1, 0, 0, 0, 1),
        ], report.ByKind.Select(b => (b.Key, b.Recruited, b.Confirmed, b.Completed, b.OfficialsTrained, b.AdvisoryImproved, b.JstReached)));
        Assert.Equal([("Konkurs MEN 2025", 1), ("Konkurs MEN 2026", 1)], report.ReachByCall.Select(c => (c.Call, c.Jst)));
        Assert.Equal(new DateOnly(2025, 1, 1), before.AsOf);
        Assert.All(before.Indicators, i => Assert.Equal(0, i.Actual));
        Assert.Empty(before.ByVoivodeship);
    }

    [Fact]
    public async Task The_report_is_served_as_csv_and_xlsx_and_a_bad_format_or_date_is_a_400()
    {
        var csv = await api.CreateClient().GetAsync("/api/v1/catalogue/indicators?format=csv&asOf=2026-06-30");
        var xlsx = await api.CreateClient().GetAsync("/api/v1/catalogue/indicators?format=xlsx");
        var badFormat = await api.CreateClient().GetAsync("/api/v1/catalogue/indicators?format=pdf");
        var badDate = await api.CreateClient().GetAsync("/api/v1/catalogue/indicators?asOf=1999-01-01");

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Stan na dzień", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("2026-06-30,cel,", StringComparison.Ordinal) && l.Contains(",50,50,50,150,0,300", StringComparison.Ordinal));
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        Assert.Equal((byte)'P', (await xlsx.Content.ReadAsByteArrayAsync())[0]);
        await badFormat.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
        await badDate.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation-failed");
    }

    private async Task CloseEngagementAsync(AdvisorySteps advisory, Guid recruitmentId, string teryt, int initial, int closing)
    {
        var advisor = await advisory.AdvisorAsync();
        var engagement = await (await advisory.AssignAsync(recruitmentId, teryt, advisor.Id)).ShouldBeAsync<EngagementView>(HttpStatusCode.Created);
        var client = api.ClientAs(Roles.Advisor, subject: advisor.Subject);
        (await client.PostJsonAsync($"/api/v1/engagements/{engagement.Id}/diagnoses",
            AdvisorySteps.Diagnosis("initial", ("education-department", AdvisorySteps.Answers(initial))))).EnsureSuccessStatusCode();
        (await AdvisorySteps.MoveAsync(client, engagement.Id, "plan")).EnsureSuccessStatusCode();
        (await AdvisorySteps.GoalAsync(client, engagement.Id)).EnsureSuccessStatusCode();
        (await AdvisorySteps.MoveAsync(client, engagement.Id, "support")).EnsureSuccessStatusCode();
        (await AdvisorySteps.SessionAsync(client, engagement.Id)).EnsureSuccessStatusCode();
        (await AdvisorySteps.MoveAsync(client, engagement.Id, "closure")).EnsureSuccessStatusCode();
        (await client.PostJsonAsync($"/api/v1/engagements/{engagement.Id}/diagnoses",
            AdvisorySteps.Diagnosis("closing", ("education-department", AdvisorySteps.Answers(closing))))).EnsureSuccessStatusCode();
        (await AdvisorySteps.MoveAsync(client, engagement.Id, "closed")).EnsureSuccessStatusCode();
    }

    private async Task AdoptAsync(string teryt, Guid releaseId, string call) =>
        (await api.ClientAs(Roles.JstCoordinator, teryt: teryt).PostJsonAsync($"/api/v1/releases/{releaseId}/adoptions", new
        {
            project = "Cyfrowa szkoła", call, contact = new { name = "Anna Nowak", email = "kontakt@urzad.example.pl" },
        })).EnsureSuccessStatusCode();
}
