using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;
using TrainingApi.Common.Security;

namespace TrainingApi.Benchmarks;

/// <summary>
/// Builds a release of a programme with 5 modules and 40 units (plus guidelines) and times each export as the API
/// builds it (the draft preview builds on every request), then publishes it and times the public read of the latest
/// release's files, which are served as stored. Started by scripts/bench-release.sh.
/// </summary>
internal static class ReleaseExportBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        string? Get(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var url = Get("--url") ?? "http://127.0.0.1:5090";
        var key = new SymmetricSecurityKey(Convert.FromBase64String(Get("--signing-key") ?? ""));
        var runs = int.Parse(Get("--runs") ?? "10", CultureInfo.InvariantCulture);
        var team = new AuthenticationHeaderValue("Bearer",
            DevelopmentTokens.Create(key, "trainingapi", Roles.ProgrammeTeam, "bench-team", null, TimeSpan.FromHours(2), DateTimeOffset.UtcNow));
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(120) };

        async Task<JsonElement> SendAsync(HttpMethod method, string path, object? body)
        {
            using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
            request.Headers.Authorization = team;
            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            return response.IsSuccessStatusCode ? JsonDocument.Parse(text).RootElement.Clone() : throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {text}");
        }

        var programme = (await SendAsync(HttpMethod.Post, "/api/v1/programmes", new { title = "Program — test wydania" })).GetProperty("id").GetString();
        var version = (await SendAsync(HttpMethod.Post, $"/api/v1/programmes/{programme}/versions", new { label = "2.0" })).GetProperty("id").GetString();
        var paragraph = string.Join(' ', Enumerable.Repeat("Samorząd planuje zakupy sprzętu i szkolenia nauczycieli razem z dyrektorami szkół.", 12));
        for (var m = 1; m <= 5; m++)
        {
            await SendAsync(HttpMethod.Post, $"/api/v1/versions/{version}/sections", new { anchor = $"modul-{m}", kind = "module", title = $"Moduł {m}", markdown = paragraph });
            for (var u = 1; u <= 8; u++)
            {
                await SendAsync(HttpMethod.Post, $"/api/v1/versions/{version}/sections", new
                {
                    anchor = $"modul-{m}-{u}", parentAnchor = $"modul-{m}", kind = "unit", title = $"Jednostka {m}.{u}", hours = 2,
                    markdown = $"#### Cele\n\n{paragraph}\n\n#### Ćwiczenie\n\n{paragraph}\n\n![Schemat sieci szkolnej](https://www.ore.edu.pl/schemat.png)",
                    learningOutcomes = new { knowledge = new[] { "zna zadania JST" }, skills = new[] { "planuje zakupy" }, socialCompetences = new[] { "współpracuje ze szkołami" } },
                });
            }
        }

        await SendAsync(HttpMethod.Post, $"/api/v1/versions/{version}/sections", new { anchor = "wytyczne", kind = "advisory-guideline", title = "Wytyczne", markdown = paragraph });
        foreach (var to in new[] { "in-review", "accessible", "in-consultation", "revised", "in-pilot" })
        {
            await SendAsync(HttpMethod.Post, $"/api/v1/versions/{version}/transitions", new { to, reason = "Test wydania." });
        }

        await BenchPilot.RunAsync(http, key, SendAsync, version!, 5);
        await SendAsync(HttpMethod.Post, $"/api/v1/versions/{version}/transitions", new { to = "tested", reason = "Test wydania." });

        var clock = Stopwatch.StartNew();
        var release = (await SendAsync(HttpMethod.Post, "/api/v1/releases", new
        {
            versionId = version, semanticVersion = "2.0.0", title = "Wydanie testowe", reasons = new[] { "pilot-findings" }, notes = "Test wydajności eksportu.",
        })).GetProperty("id").GetString();
        var built = clock.Elapsed;

        async Task<(double Ms, long Bytes)> FetchAsync(string path, bool authorised)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (authorised)
            {
                request.Headers.Authorization = team;
            }

            var started = Stopwatch.GetTimestamp();
            using var response = await http.SendAsync(request);
            var bytes = await response.EnsureSuccessStatusCode().Content.ReadAsByteArrayAsync();
            return (Stopwatch.GetElapsedTime(started).TotalMilliseconds, bytes.LongLength);
        }

        async Task<(double Median, double Max, long Bytes)> TimeAsync(string path, bool authorised)
        {
            await FetchAsync(path, authorised); // warm-up
            var samples = new List<(double Ms, long Bytes)>();
            for (var i = 0; i < runs; i++)
            {
                samples.Add(await FetchAsync(path, authorised));
            }

            var sorted = samples.Select(s => s.Ms).Order().ToList();
            return (sorted[sorted.Count / 2], sorted[^1], samples[0].Bytes);
        }

        var lines = new List<string>();
        foreach (var format in new[] { "json", "zip", "imscc" })
        {
            var (median, max, bytes) = await TimeAsync($"/api/v1/releases/{release}/files/{format}", authorised: true);
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"build {format,-6} (draft preview, built per request)  median {median,7:0.0} ms  max {max,7:0.0} ms  size {bytes / 1024.0,8:0.0} KiB"));
        }

        clock.Restart();
        await SendAsync(HttpMethod.Post, $"/api/v1/releases/{release}/publication", null);
        var published = clock.Elapsed;
        foreach (var format in new[] { "json", "zip", "imscc" })
        {
            var (median, max, bytes) = await TimeAsync($"/api/v1/catalogue/releases/{release}/files/{format}", authorised: false);
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"public {format,-6} (stored at publication)          median {median,7:0.0} ms  max {max,7:0.0} ms  size {bytes / 1024.0,8:0.0} KiB"));
        }

        var latest = await TimeAsync("/api/v1/catalogue/releases/latest", authorised: false);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            programme              5 modules, 40 units, 1 guideline section (~{paragraph.Length * 2 / 1000.0:0.0} k characters per unit)
            release built (draft)  {built.TotalMilliseconds:0} ms (snapshot of content, accessibility check, consultation, pilot)
            published              {published.TotalMilliseconds:0} ms (all three exports built once and stored)
            {string.Join("\n", lines)}
            public latest (JSON)   median {latest.Median:0.0} ms
            runs per figure        {runs} after one warm-up; times are as the client sees them (HTTP on loopback included)
            """));
        return 0;
    }
}
