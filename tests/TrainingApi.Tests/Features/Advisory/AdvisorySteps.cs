using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using TrainingApi.Common.Security;
using TrainingApi.Features.Advisory.Advisors;
using TrainingApi.Features.Advisory.Diagnoses;
using TrainingApi.Features.Advisory.Engagements;
using TrainingApi.Features.Advisory.Maturity;
using TrainingApi.Features.PilotEnrollment.Recruitments;
using TrainingApi.Tests.Features.PilotEnrollment;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.Advisory;

/// <summary>The calls advisory tests make to set the scene, over HTTP: a pilot with accepted JST, advisors, engagements.</summary>
public sealed class AdvisorySteps(ApiFactory api)
{
    public HttpClient Team { get; } = api.ClientAs(Roles.ProgrammeTeam);

    /// <summary>A first-come recruitment in which the given gminas applied and were accepted.</summary>
    public async Task<(RecruitmentView Recruitment, IReadOnlyList<string> Jst)> PilotAsync(int jst, int skip)
    {
        var recruitment = await EnrollmentSteps.OpenAsync(api);
        var teryts = EnrollmentSteps.Gminas(jst, skip);
        foreach (var teryt in teryts)
        {
            (await EnrollmentSteps.ApplyAsync(api, recruitment.Id, teryt)).EnsureSuccessStatusCode();
        }

        return (recruitment, teryts);
    }

    public async Task<AdvisorView> AdvisorAsync(string? subject = null, int capacity = 5) =>
        await (await Team.PostJsonAsync("/api/v1/advisors", new
        {
            subject = subject ?? "doradca-" + Guid.NewGuid().ToString("N")[..8], name = "Doradca Testowy", email = "doradca@example.pl",
            specialisations = new[] { "cyberbezpieczenstwo" }, capacity,
        })).ShouldBeAsync<AdvisorView>(HttpStatusCode.Created);

    public Task<HttpResponseMessage> AssignAsync(Guid recruitmentId, string teryt, Guid advisorId, decimal? hoursBudget = null, Guid? guidelinesVersionId = null) =>
        Team.PostJsonAsync("/api/v1/engagements", new { recruitmentId, teryt, advisorId, hoursBudget, guidelinesVersionId });

    /// <summary>A pilot JST with an engagement; the advisor's client acts as that advisor.</summary>
    public async Task<(EngagementView Engagement, HttpClient Advisor, string Teryt)> EngagementAsync(int skip, decimal? hoursBudget = null, Guid? guidelinesVersionId = null)
    {
        var (recruitment, jst) = await PilotAsync(1, skip);
        var advisor = await AdvisorAsync();
        var engagement = await (await AssignAsync(recruitment.Id, jst[0], advisor.Id, hoursBudget, guidelinesVersionId)).ShouldBeAsync<EngagementView>(HttpStatusCode.Created);
        return (engagement, api.ClientAs(Roles.Advisor, subject: advisor.Subject), jst[0]);
    }

    /// <summary>Every statement answered with <paramref name="value"/>, except those given.</summary>
    public static Dictionary<string, int?> Answers(int? value, Dictionary<string, int?>? except = null) =>
        MaturityFramework.Current.Statements.ToDictionary(s => s.Id, s => except is not null && except.TryGetValue(s.Id, out var v) ? v : value);

    public static object Diagnosis(string kind, params (string Role, Dictionary<string, int?> Answers)[] respondents) => new
    {
        kind, conductedOn = "2024-06-14", respondents = respondents.Select(r => new { role = r.Role, label = r.Role, answers = r.Answers }),
    };

    public static async Task<DiagnosisView> DiagnoseAsync(HttpClient client, Guid engagementId, string kind = "initial") =>
        await (await client.PostJsonAsync($"/api/v1/engagements/{engagementId}/diagnoses", Diagnosis(kind, ("education-department", Answers(3)))))
            .ShouldBeAsync<DiagnosisView>(HttpStatusCode.Created);

    public static Task<HttpResponseMessage> MoveAsync(HttpClient client, Guid engagementId, string to) =>
        client.PostJsonAsync($"/api/v1/engagements/{engagementId}/stage", new { to });

    public static Task<HttpResponseMessage> GoalAsync(HttpClient client, Guid engagementId, string deadline = "2099-12-31", bool coordinator = false, string[]? anchors = null) =>
        client.PostJsonAsync($"/api/v1/engagements/{engagementId}/plan/goals", new
        {
            title = "Kopie zapasowe w szkołach", areas = new[] { "cyberbezpieczenstwo" }, guidelineAnchors = anchors,
            actions = new[] { new { title = "Przyjąć politykę kopii", owner = "Wydział Edukacji", ownedByCoordinator = coordinator, deadline } },
        });

    public static Task<HttpResponseMessage> SessionAsync(HttpClient client, Guid engagementId, decimal hours = 2, string heldOn = "2024-09-12") =>
        client.PostJsonAsync($"/api/v1/engagements/{engagementId}/sessions", new
        {
            heldOn, hours, mode = "in-person", attendees = new[] { "naczelnik wydziału" }, topics = new[] { "kopie zapasowe" }, notes = "Notatka.", followUps = new[] { "Projekt polityki." },
        });

    /// <summary>Takes an engagement from diagnosis to support: initial diagnosis, plan with a goal and an action.</summary>
    public static async Task ToSupportAsync(HttpClient advisor, Guid engagementId, bool coordinatorAction = false, string deadline = "2099-12-31")
    {
        await DiagnoseAsync(advisor, engagementId);
        (await MoveAsync(advisor, engagementId, "plan")).EnsureSuccessStatusCode();
        (await GoalAsync(advisor, engagementId, deadline, coordinatorAction)).EnsureSuccessStatusCode();
        (await MoveAsync(advisor, engagementId, "support")).EnsureSuccessStatusCode();
    }

    public static HttpRequestMessage WithIfMatch(HttpMethod method, string url, object body, EntityTagHeaderValue? etag)
    {
        var request = new HttpRequestMessage(method, url) { Content = HttpExtensions.JsonBody(JsonSerializer.Serialize(body, HttpExtensions.Json)) };
        if (etag is not null)
        {
            request.Headers.IfMatch.Add(etag);
        }

        return request;
    }
}
