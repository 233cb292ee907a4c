using System.Net;
using TrainingApi.Common.Security;
using TrainingApi.Features.Advisory.Maturity;
using TrainingApi.Features.PilotEnrollment.Register;
using TrainingApi.Features.SelfAssessment.Invitations;
using TrainingApi.Features.SelfAssessment.Rounds;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.SelfAssessment;

/// <summary>Rounds, links and answers over HTTP, as a JST's coordinator and its respondents make them.</summary>
public sealed class SelfAssessmentSteps(ApiFactory api)
{
    private static int next;

    private static readonly IReadOnlyList<string> RuralGminas =
        [.. JstRegister.All.Where(j => j.Kind == JstKind.GminaWiejska).Select(j => j.Teryt).Order(StringComparer.Ordinal)];

    /// <summary>A rural gmina no other test of the run has used (none is in a pilot: each test class has its own database).</summary>
    public static string NextTeryt() => RuralGminas[300 + Interlocked.Increment(ref next)];

    public HttpClient Coordinator(string teryt) => api.ClientAs(Roles.JstCoordinator, teryt);

    /// <summary>A client without credentials: a respondent holding a link.</summary>
    public HttpClient Respondent() => api.CreateClient();

    public async Task<(SelfAssessmentView Round, HttpClient Coordinator)> StartAsync(string? teryt = null, bool named = false, DateTimeOffset? deadline = null)
    {
        var coordinator = Coordinator(teryt ?? NextTeryt());
        var round = await (await coordinator.PostJsonAsync("/api/v1/self-assessments",
                new { deadline = deadline ?? DateTimeOffset.UtcNow.AddDays(20), title = "Samoocena testowa", named }))
            .ShouldBeAsync<SelfAssessmentView>(HttpStatusCode.Created);
        return (round, coordinator);
    }

    public static async Task<CreateInvitations.CreatedInvitations> InviteAsync(HttpClient client, Guid roundId, params string[] roles) =>
        await (await client.PostJsonAsync($"/api/v1/self-assessments/{roundId}/invitations", new { invitees = roles.Select(r => new { role = r }) }))
            .ShouldBeAsync<CreateInvitations.CreatedInvitations>(HttpStatusCode.Created);

    public Task<HttpResponseMessage> SubmitAsync(string token, Dictionary<string, int?> answers) =>
        Respondent().PostJsonAsync($"/api/v1/self-assessment-links/{token}/submission", new { answers });

    public static async Task<SelfAssessmentView> CloseAsync(HttpClient client, Guid roundId) =>
        await (await client.PostAsync($"/api/v1/self-assessments/{roundId}/close", null)).ShouldBeAsync<SelfAssessmentView>(HttpStatusCode.OK);

    /// <summary>Every statement answered with <paramref name="value"/>, except those given.</summary>
    public static Dictionary<string, int?> Answers(int? value, Dictionary<string, int?>? except = null) =>
        MaturityFramework.Current.Statements.ToDictionary(s => s.Id, s => except is not null && except.TryGetValue(s.Id, out var v) ? v : value);

    /// <summary>Every statement of one area answered with <paramref name="value"/>.</summary>
    public static Dictionary<string, int?> Area(string area, int? value) =>
        MaturityFramework.Current.Areas.Single(a => a.Code == area).Statements.ToDictionary(s => s.Id, _ => value);

    /// <summary>A round with these respondents' answers submitted through their links, closed by its coordinator.</summary>
    public async Task<(SelfAssessmentView Closed, HttpClient Coordinator)> ClosedRoundAsync(string? teryt, params (string Role, Dictionary<string, int?> Answers)[] respondents)
    {
        var (round, coordinator) = await StartAsync(teryt);
        var links = await InviteAsync(coordinator, round.Id, [.. respondents.Select(r => r.Role)]);
        for (var i = 0; i < respondents.Length; i++)
        {
            (await SubmitAsync(links.Invitations[i].Token, respondents[i].Answers)).EnsureSuccessStatusCode();
        }

        return (await CloseAsync(coordinator, round.Id), coordinator);
    }
}
