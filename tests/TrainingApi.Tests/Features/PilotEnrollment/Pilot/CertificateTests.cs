using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TrainingApi.Common.Security;
using TrainingApi.Features.PilotEnrollment.Pilot;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.PilotEnrollment.Pilot;

/// <summary>IssueCertificate, GetCertificate and VerifyCertificate.</summary>
public sealed class CertificateTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient team = api.ClientAs(Roles.ProgrammeTeam);

    [Fact]
    public async Task A_completed_participant_gets_a_certificate_anyone_can_verify_revealing_only_name_programme_and_date()
    {
        var (_, applications, members, sessions) = await AttendanceSteps.CohortWithSessionsAsync(api, team, sessions: 2, skip: 0);
        (await team.PutJsonAsync($"/api/v1/sessions/{sessions[0]}/attendance", new { presentParticipantIds = new[] { members[0] } })).EnsureSuccessStatusCode();
        (await team.PutJsonAsync($"/api/v1/sessions/{sessions[1]}/attendance", new { presentParticipantIds = Array.Empty<Guid>(), lateParticipantIds = new[] { members[0] } })).EnsureSuccessStatusCode();

        var issued = await (await team.PostAsync($"/api/v1/participants/{members[0]}/certificate", null)).ShouldBeAsync<CertificateView>(HttpStatusCode.Created);
        var again = await (await team.PostAsync($"/api/v1/participants/{members[0]}/certificate", null)).ShouldBeAsync<CertificateView>(HttpStatusCode.OK);
        var typed = issued.Code.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal);
        var check = await api.CreateClient().GetAsync($"/api/v1/certificate-verifications/{Uri.EscapeDataString(typed)}");
        var page = await api.ClientAs(Roles.JstCoordinator, teryt: applications[0].JstTeryt).GetAsync($"/api/v1/certificates/{issued.Id}");

        Assert.Equal(issued.Id, again.Id);
        Assert.Matches("^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}$", issued.Code);
        Assert.StartsWith(ApiFactory.PublicBase + "/api/v1/certificate-verifications/", issued.VerificationUrl, StringComparison.Ordinal);
        Assert.Equal(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddDays(2), TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw")).DateTime), issued.CompletedOn);
        var body = JsonDocument.Parse(await check.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        Assert.Equal(["code", "completedOn", "name", "programme", "valid"], body.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(("Uczestnik 1", "Nabór testowy", true), (body.GetProperty("name").GetString(), body.GetProperty("programme").GetString(), body.GetProperty("valid").GetBoolean()));
        Assert.DoesNotContain("@", body.GetRawText(), StringComparison.Ordinal);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"pl\">", html, StringComparison.Ordinal);
        Assert.Contains("<h1>Zaświadczenie o ukończeniu szkolenia</h1>", html, StringComparison.Ordinal);
        Assert.Contains(issued.Code, html, StringComparison.Ordinal);
        Assert.Contains(CertificateDocument.PolishDate(issued.CompletedOn), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_the_participant_is_erased_the_certificate_no_longer_verifies()
    {
        var (_, _, members, sessions) = await AttendanceSteps.CohortWithSessionsAsync(api, team, sessions: 1, skip: 20);
        (await team.PutJsonAsync($"/api/v1/sessions/{sessions[0]}/attendance", new { presentParticipantIds = new[] { members[0] } })).EnsureSuccessStatusCode();
        var issued = await (await team.PostAsync($"/api/v1/participants/{members[0]}/certificate", null)).ShouldBeAsync<CertificateView>(HttpStatusCode.Created);
        string email;
        await using (var db = api.Db())
        {
            email = await db.Context.Set<TrainingApi.Features.PilotEnrollment.Applications.Participant>().Where(p => p.Id == members[0]).Select(p => p.Email).SingleAsync();
        }

        var export = await (await team.PostJsonAsync("/api/v1/personal-data/exports", new { email })).ShouldBeAsync<TrainingApi.Common.PersonalData.PersonalDataExport>(HttpStatusCode.OK);
        Assert.Equal(issued.Code, Assert.Single(export.Held, h => h.Record == "certificate").Data["verificationCode"]);
        (await team.PostJsonAsync("/api/v1/personal-data/erasures", new { email })).EnsureSuccessStatusCode();
        var check = await api.CreateClient().GetAsync($"/api/v1/certificate-verifications/{issued.Code}");
        var page = await team.GetAsync($"/api/v1/certificates/{issued.Id}");

        Assert.Equal("certificate-not-found", (await check.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found")).GetProperty("code").GetString());
        await page.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task No_certificate_without_completion_and_unknown_codes_reveal_nothing()
    {
        var (_, applications, members, _) = await AttendanceSteps.CohortWithSessionsAsync(api, team, sessions: 1, skip: 40);

        var notCompleted = await team.PostAsync($"/api/v1/participants/{members[0]}/certificate", null);
        var unknownParticipant = await team.PostAsync($"/api/v1/participants/{Guid.NewGuid()}/certificate", null);
        var coordinator = await api.ClientAs(Roles.JstCoordinator, teryt: applications[0].JstTeryt).PostAsync($"/api/v1/participants/{members[0]}/certificate", null);
        var unknownCode = await api.CreateClient().GetAsync("/api/v1/certificate-verifications/AAAAA-BBBBB-CCCCC-DDDDD");
        var junk = await api.CreateClient().GetAsync("/api/v1/certificate-verifications/x");

        Assert.Equal("not-completed", (await notCompleted.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict")).GetProperty("code").GetString());
        await unknownParticipant.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        Assert.Equal(HttpStatusCode.Forbidden, coordinator.StatusCode);
        await unknownCode.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await junk.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await using var db = api.Db();
        Assert.False(await db.Context.Set<Certificate>().AnyAsync(c => c.ParticipantId == members[0]));
    }
}
