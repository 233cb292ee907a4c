using System.Net;
using TrainingApi.Common.Security;
using TrainingApi.Features.PilotEnrollment.Applications;
using TrainingApi.Features.PilotEnrollment.Recruitments;
using TrainingApi.Features.PilotEnrollment.Register;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Features.PilotEnrollment;

public static class EnrollmentSteps
{
    public const string Rodo = "RODO-2024-04";

    /// <summary>Gminas of every kind, in register order: plenty of distinct, eligible JST for the tests.</summary>
    public static IReadOnlyList<string> Gminas(int count, int skip = 0) =>
        [.. JstRegister.All.Where(j => j.Kind is JstKind.GminaWiejska or JstKind.GminaMiejskoWiejska or JstKind.GminaMiejska && j.SameJstAs is null)
            .OrderBy(j => j.Teryt, StringComparer.Ordinal).Skip(skip).Take(count).Select(j => j.Teryt)];

    public static async Task<RecruitmentView> OpenAsync(ApiFactory api, int capacity = 50, int maxParticipants = 3, string[]? kinds = null,
        DateTimeOffset? opensAt = null, DateTimeOffset? closesAt = null) =>
        await (await api.ClientAs(Roles.ProgrammeTeam).PostJsonAsync("/api/v1/recruitments", new
        {
            title = "Nabór testowy", opensAt = opensAt ?? DateTimeOffset.UtcNow.AddHours(-1), closesAt = closesAt ?? DateTimeOffset.UtcNow.AddDays(7),
            capacity, maxParticipantsPerJst = maxParticipants, rodoClauseVersion = Rodo,
            eligibleKinds = kinds ?? ["gmina-miejska", "gmina-wiejska", "gmina-miejsko-wiejska", "miasto-na-prawach-powiatu"],
        })).ShouldBeAsync<RecruitmentView>(HttpStatusCode.Created);

    public static object Body(int participants = 1, string? teryt = null, string rodo = Rodo) => new
    {
        teryt,
        rodoClauseVersion = rodo,
        participants = Enumerable.Range(1, participants).Select(i => new { name = $"Uczestnik {i}", position = "naczelnik wydziału", email = $"osoba{i}@urzad.example.pl", phone = "+48 22 000 00 0" + i }),
        questionnaire = new { schoolsRun = 12, hasDigitalStrategy = false, motivation = "Chcemy uporządkować cyfryzację szkół." },
    };

    public static Task<HttpResponseMessage> ApplyAsync(ApiFactory api, Guid recruitmentId, string teryt, int participants = 1) =>
        api.ClientAs(Roles.JstCoordinator, teryt: teryt).PostJsonAsync($"/api/v1/recruitments/{recruitmentId}/applications", Body(participants));
}
