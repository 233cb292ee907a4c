using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;
using TrainingApi.Common.Security;

namespace TrainingApi.Benchmarks;

/// <summary>
/// `tested` rests on a completed pilot of the version, so a benchmark that needs a release runs one first: one JST (Łódź)
/// in a recruitment naming the version, a session per module attended, confirmed, completed and evaluated.
/// </summary>
internal static class BenchPilot
{
    /// <param name="send">The benchmark's call as the programme team (method, path, body → the answer's JSON; throws on failure).</param>
    public static async Task RunAsync(HttpClient http, SecurityKey key, Func<HttpMethod, string, object?, Task<JsonElement>> send, string versionId, int modules)
    {
        var recruitment = (await send(HttpMethod.Post, "/api/v1/recruitments", new
        {
            title = "Pilotaż — benchmark", opensAt = DateTimeOffset.UtcNow.AddMinutes(-1), closesAt = DateTimeOffset.UtcNow.AddHours(1), capacity = 1,
            rodoClauseVersion = "RODO-BENCH", eligibleKinds = new[] { "miasto-na-prawach-powiatu" }, programmeVersionId = versionId,
        })).GetProperty("id").GetString();
        var coordinator = new AuthenticationHeaderValue("Bearer",
            DevelopmentTokens.Create(key, "trainingapi", Roles.JstCoordinator, "bench-1061", "1061", TimeSpan.FromHours(2), DateTimeOffset.UtcNow));
        using var apply = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/recruitments/{recruitment}/applications")
        {
            Content = JsonContent.Create(new
            {
                rodoClauseVersion = "RODO-BENCH", questionnaire = new { schoolsRun = 10, hasDigitalStrategy = true },
                participants = new[] { new { name = "Uczestnik", position = "naczelnik", email = "uczestnik@bench.example.pl" } },
            }),
        };
        apply.Headers.Authorization = coordinator;
        using var applied = await http.SendAsync(apply);
        var application = JsonDocument.Parse(await applied.EnsureSuccessStatusCode().Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
        var cohort = (await send(HttpMethod.Post, $"/api/v1/recruitments/{recruitment}/cohorts", new { name = "Grupa", applicationIds = new[] { application } }))
            .GetProperty("id").GetString();
        var sessions = new List<string>();
        for (var m = 1; m <= modules; m++)
        {
            sessions.Add((await send(HttpMethod.Post, $"/api/v1/cohorts/{cohort}/sessions", new
            {
                moduleAnchor = $"modul-{m}", startsAt = DateTimeOffset.UtcNow.AddDays(m - 10), durationMinutes = 180, mode = "workshop", trainer = "Trener",
            })).GetProperty("id").GetString()!);
        }

        var participants = (await send(HttpMethod.Get, $"/api/v1/cohorts/{cohort}/completion", null)).GetProperty("participants").EnumerateArray()
            .Select(p => p.GetProperty("participantId").GetString()).ToArray();
        foreach (var session in sessions)
        {
            await send(HttpMethod.Put, $"/api/v1/sessions/{session}/attendance", new { presentParticipantIds = participants });
        }

        await send(HttpMethod.Post, $"/api/v1/applications/{application}/confirm", null);
        await send(HttpMethod.Post, $"/api/v1/applications/{application}/completion", null);
        await send(HttpMethod.Post, $"/api/v1/cohorts/{cohort}/evaluations", new
        {
            responses = Enumerable.Range(1, modules).Select(m => new { moduleAnchor = $"modul-{m}", preScore = 40, postScore = 80, satisfaction = 5 }),
        });
    }

    /// <summary>A version a pilot can name (past draft): a programme with one module, submitted for review; its id.</summary>
    public static async Task<string> PilotableVersionAsync(Func<HttpMethod, string, object?, Task<JsonElement>> send, string title)
    {
        var programme = (await send(HttpMethod.Post, "/api/v1/programmes", new { title })).GetProperty("id").GetString();
        var version = (await send(HttpMethod.Post, $"/api/v1/programmes/{programme}/versions", new { label = "1.0" })).GetProperty("id").GetString()!;
        await send(HttpMethod.Post, $"/api/v1/versions/{version}/sections", new { anchor = "modul-1", kind = "module", title = "Moduł 1", markdown = "Samorząd planuje cyfryzację szkół." });
        await send(HttpMethod.Post, $"/api/v1/versions/{version}/transitions", new { to = "in-review", reason = "Benchmark." });
        return version;
    }
}
