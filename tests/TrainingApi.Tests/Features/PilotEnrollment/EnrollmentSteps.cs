using System.Net;
using System.Runtime.CompilerServices;
using TrainingApi.Common.Security;
using TrainingApi.Features.Curriculum.Versions;
using TrainingApi.Features.PilotEnrollment.Applications;
using TrainingApi.Features.PilotEnrollment.Recruitments;
using TrainingApi.Features.PilotEnrollment.Register;
using TrainingApi.Tests.Features.Curriculum;
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
        DateTimeOffset? opensAt = null, DateTimeOffset? closesAt = null, Guid? versionId = null) =>
        await (await api.ClientAs(Roles.ProgrammeTeam).PostJsonAsync("/api/v1/recruitments", new
        {
            title = "Nabór testowy", opensAt = opensAt ?? DateTimeOffset.UtcNow.AddHours(-1), closesAt = closesAt ?? DateTimeOffset.UtcNow.AddDays(7),
            capacity, maxParticipantsPerJst = maxParticipants, rodoClauseVersion = Rodo,
            eligibleKinds = kinds ?? ["gmina-miejska", "gmina-wiejska", "gmina-miejsko-wiejska", "miasto-na-prawach-powiatu"],
            programmeVersionId = versionId ?? await PilotVersionAsync(api),
        })).ShouldBeAsync<RecruitmentView>(HttpStatusCode.Created);

    private static readonly ConditionalWeakTable<ApiFactory, Task<Guid>> PilotVersions = [];

    /// <summary>
    /// The version the test pilots test, one per test class's database: modules modul-1 … modul-10 (a unit modul-1-1),
    /// past draft so its anchors are frozen.
    /// </summary>
    public static Task<Guid> PilotVersionAsync(ApiFactory api) => PilotVersions.GetValue(api, async factory =>
    {
        var curriculum = new CurriculumSteps(factory.ClientAs(Roles.ProgrammeTeam));
        var version = await curriculum.DraftAsync();
        for (var m = 1; m <= 10; m++)
        {
            await curriculum.SectionAsync(version.Id, $"modul-{m}", title: $"Moduł {m}");
        }

        await curriculum.SectionAsync(version.Id, "modul-1-1", kind: "unit", parent: "modul-1", title: "Jednostka 1.1");
        await curriculum.MoveAlongAsync(version.Id, VersionStatus.InReview);
        return version.Id;
    });

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
