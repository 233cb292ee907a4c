using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;
using TrainingApi.Common.Security;

namespace TrainingApi.Benchmarks;

/// <summary>
/// What the mixed load needs, made through the API as the team and a partner would: a published release (catalogue reads
/// and its ZIP) whose consultation round holds 200 comments (the report export), a draft release (its ZIP is built on every
/// request), a round open for ZMP's ingest with ZMP's API key, and a version recruitments can name.
/// </summary>
internal sealed record MixedLoadFixtures(
    string PublishedRelease, string DraftRelease, string ReportRound, string IngestRound, string PartnerKey, string RecruitmentVersion)
{
    private const string Zmp = "0190a0b0-0000-7000-8000-000000000001";

    public static async Task<MixedLoadFixtures> CreateAsync(HttpClient http, SecurityKey key, AuthenticationHeaderValue team)
    {
        async Task<JsonElement> SendAsync(HttpMethod method, string path, object? body, string? apiKey = null)
        {
            using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
            if (apiKey is null)
            {
                request.Headers.Authorization = team;
            }
            else
            {
                request.Headers.Add("X-Api-Key", apiKey);
                request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            }

            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            return response.IsSuccessStatusCode ? JsonDocument.Parse(text).RootElement.Clone() : throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {text}");
        }

        Task<JsonElement> Team(HttpMethod method, string path, object? body) => SendAsync(method, path, body);
        string Id(JsonElement element) => element.GetProperty("id").GetString()!;

        var partnerKey = (await SendAsync(HttpMethod.Post, $"/api/v1/organisations/{Zmp}/api-keys", new { name = "mixed load" })).GetProperty("secret").GetString()!;

        // A version with 3 modules of 4 units, as the reads benchmark publishes; `consultation` also gives it a round of 200 comments.
        async Task<(string Version, string? Round)> VersionAsync(string title, bool consultation)
        {
            var programme = Id(await Team(HttpMethod.Post, "/api/v1/programmes", new { title }));
            var version = Id(await Team(HttpMethod.Post, $"/api/v1/programmes/{programme}/versions", new { label = "1.0" }));
            var paragraph = string.Join(' ', Enumerable.Repeat("Samorząd planuje zakupy sprzętu i szkolenia nauczycieli razem z dyrektorami szkół.", 6));
            for (var m = 1; m <= 3; m++)
            {
                await Team(HttpMethod.Post, $"/api/v1/versions/{version}/sections", new { anchor = $"modul-{m}", kind = "module", title = $"Moduł {m}", markdown = paragraph });
                for (var u = 1; u <= 4; u++)
                {
                    await Team(HttpMethod.Post, $"/api/v1/versions/{version}/sections", new
                    {
                        anchor = $"modul-{m}-{u}", parentAnchor = $"modul-{m}", kind = "unit", title = $"Jednostka {m}.{u}", hours = 2, markdown = paragraph,
                    });
                }
            }

            await Team(HttpMethod.Post, $"/api/v1/versions/{version}/sections", new { anchor = "wytyczne", kind = "advisory-guideline", title = "Wytyczne", markdown = paragraph });
            foreach (var to in new[] { "in-review", "accessible", "in-consultation" })
            {
                await Team(HttpMethod.Post, $"/api/v1/versions/{version}/transitions", new { to, reason = "Obciążenie mieszane." });
            }

            string? round = null;
            if (consultation)
            {
                round = Id(await Team(HttpMethod.Post, "/api/v1/consultation-rounds", new
                {
                    versionId = version, title = "Konsultacje — zestawienie", opensAt = DateTimeOffset.UtcNow.AddMinutes(-1), closesAt = DateTimeOffset.UtcNow.AddHours(1),
                }));
                for (var batch = 0; batch < 4; batch++)
                {
                    await SendAsync(HttpMethod.Post, $"/api/v1/consultation-rounds/{round}/submissions", MixedLoadBodies.Comments($"ZMP/MIXED/{round[^12..]}/{batch}", 50), partnerKey);
                }
            }

            foreach (var to in new[] { "revised", "in-pilot" })
            {
                await Team(HttpMethod.Post, $"/api/v1/versions/{version}/transitions", new { to, reason = "Obciążenie mieszane." });
            }

            await BenchPilot.RunAsync(http, key, Team, version, 3);
            await Team(HttpMethod.Post, $"/api/v1/versions/{version}/transitions", new { to = "tested", reason = "Obciążenie mieszane." });
            return (version, round);
        }

        async Task<string> ReleaseAsync(string version, string semanticVersion) => Id(await Team(HttpMethod.Post, "/api/v1/releases", new
        {
            versionId = version, semanticVersion, title = "Wydanie — obciążenie mieszane", reasons = new[] { "initial" }, notes = "Obciążenie mieszane.",
        }));

        var (publishedVersion, reportRound) = await VersionAsync("Program — obciążenie mieszane", consultation: true);
        var published = await ReleaseAsync(publishedVersion, "1.0.0");
        await Team(HttpMethod.Post, $"/api/v1/releases/{published}/publication", null);
        var (draftVersion, _) = await VersionAsync("Program — wydanie robocze", consultation: false);
        var draft = await ReleaseAsync(draftVersion, "1.0.0");

        // The ingest's round stays open for the whole run (a version in consultation).
        var ingestProgramme = Id(await Team(HttpMethod.Post, "/api/v1/programmes", new { title = "Program — uwagi partnera" }));
        var ingestVersion = Id(await Team(HttpMethod.Post, $"/api/v1/programmes/{ingestProgramme}/versions", new { label = "1.0" }));
        foreach (var anchor in MixedLoadBodies.Anchors)
        {
            await Team(HttpMethod.Post, $"/api/v1/versions/{ingestVersion}/sections", new
            {
                anchor, parentAnchor = anchor == "modul-2-1" ? "modul-2" : null, kind = anchor == "modul-2-1" ? "unit" : "module",
                title = "Sekcja " + anchor, hours = 2m, markdown = "Treść sekcji w prostym języku. Opisuje zadania JST.",
            });
        }

        foreach (var to in new[] { "in-review", "accessible", "in-consultation" })
        {
            await Team(HttpMethod.Post, $"/api/v1/versions/{ingestVersion}/transitions", new { to, reason = "Obciążenie mieszane." });
        }

        var ingestRound = Id(await Team(HttpMethod.Post, "/api/v1/consultation-rounds", new
        {
            versionId = ingestVersion, title = "Konsultacje — uwagi partnera", opensAt = DateTimeOffset.UtcNow.AddMinutes(-1), closesAt = DateTimeOffset.UtcNow.AddHours(12),
        }));

        var recruitmentVersion = await BenchPilot.PilotableVersionAsync(Team, "Program — nabory obciążenia mieszanego");
        return new MixedLoadFixtures(published, draft, reportRound!, ingestRound, partnerKey, recruitmentVersion);
    }
}

/// <summary>The bodies the mixed load sends: a partner's comments, a coordinator's application.</summary>
internal static class MixedLoadBodies
{
    public static readonly string[] Anchors = ["modul-1", "modul-2", "modul-2-1", "modul-3"];

    public static object Comments(string externalReference, int count) => new
    {
        externalReference,
        comments = Enumerable.Range(0, count).Select(i => new
        {
            anchor = i % 7 == 0 ? null : Anchors[i % Anchors.Length],
            quote = "Samorząd opracowuje politykę bezpieczeństwa informacji dla wszystkich prowadzonych szkół.",
            content = $"Uwaga {externalReference}-{i}: moduł nie wskazuje, kto w jednostce samorządu odpowiada za cyberbezpieczeństwo szkół i jak dzielić zadania z dyrektorami.",
            proposedChange = "Dodać jednostkę o podziale ról między JST, centrum usług wspólnych i dyrektorów szkół, z przykładem dla małej gminy.",
            justification = "W małych gminach szkoły nie mają własnych informatyków, a zadania są rozproszone między urząd i placówki.",
            memberJst = i % 3 == 0 ? "1465011" : null,
        }),
    };

    public static readonly string Application = JsonSerializer.Serialize(new
    {
        rodoClauseVersion = "RODO-BENCH",
        participants = new[] { new { name = "Uczestnik", position = "naczelnik", email = "uczestnik@example.pl", phone = (string?)null } },
        questionnaire = new { schoolsRun = 10, hasDigitalStrategy = true, motivation = "Test obciążeniowy." },
    });
}
