using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;
using TrainingApi.Common.Security;

namespace TrainingApi.Benchmarks;

/// <summary>
/// ZMP's system sending comments: N comments in batches of B from one partner API key (each batch with its own
/// Idempotency-Key and reference), one batch after another as a partner system sends them, or from several
/// concurrent senders. Prints comments per second, p50/p99 per batch, the stored count (which must be exact) and
/// the API process's resident memory after each batch. Started by scripts/bench-consultations.sh.
/// </summary>
internal static class ConsultationIngestBenchmark
{
    private const string Zmp = "0190a0b0-0000-7000-8000-000000000001";
    private static readonly string[] Anchors = ["modul-1", "modul-2", "modul-2-1", "modul-3", "wytyczne"];

    public static async Task<int> RunAsync(string[] args)
    {
        var options = IngestOptions.Parse(args);
        var key = new SymmetricSecurityKey(Convert.FromBase64String(options.SigningKey));
        var team = new AuthenticationHeaderValue("Bearer",
            DevelopmentTokens.Create(key, "trainingapi", Roles.ProgrammeTeam, "bench-team", null, TimeSpan.FromHours(2), DateTimeOffset.UtcNow));
        using var http = new HttpClient { BaseAddress = new Uri(options.Url), Timeout = TimeSpan.FromSeconds(120) };

        async Task<JsonElement> SendAsync(HttpMethod method, string path, object? body, string? ifMatch = null)
        {
            using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
            request.Headers.Authorization = team;
            if (ifMatch is not null)
            {
                request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
            }

            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            return response.IsSuccessStatusCode ? JsonDocument.Parse(text).RootElement.Clone() : throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {text}");
        }

        // A programme version in consultation with five anchors, and a round open for an hour.
        var programme = (await SendAsync(HttpMethod.Post, "/api/v1/programmes", new { title = "Program — test obciążeniowy uwag" })).GetProperty("id").GetString();
        var version = (await SendAsync(HttpMethod.Post, $"/api/v1/programmes/{programme}/versions", new { label = "1.0" })).GetProperty("id").GetString();
        foreach (var anchor in Anchors)
        {
            var unit = anchor == "modul-2-1";
            await SendAsync(HttpMethod.Post, $"/api/v1/versions/{version}/sections", new
            {
                anchor, parentAnchor = unit ? "modul-2" : null, kind = anchor == "wytyczne" ? "advisory-guideline" : unit ? "unit" : "module",
                title = "Sekcja " + anchor, hours = anchor == "wytyczne" ? (decimal?)null : 2m, markdown = "Treść sekcji w prostym języku. Opisuje zadania JST.",
            });
        }

        foreach (var to in new[] { "in-review", "accessible", "in-consultation" })
        {
            await SendAsync(HttpMethod.Post, $"/api/v1/versions/{version}/transitions", new { to, reason = "Test obciążeniowy." });
        }

        var round = (await SendAsync(HttpMethod.Post, "/api/v1/consultation-rounds", new
        {
            versionId = version, title = "Konsultacje — test obciążeniowy", opensAt = DateTimeOffset.UtcNow.AddMinutes(-1), closesAt = DateTimeOffset.UtcNow.AddHours(1),
        })).GetProperty("id").GetString();
        var apiKey = (await SendAsync(HttpMethod.Post, $"/api/v1/organisations/{Zmp}/api-keys", new { name = "benchmark" })).GetProperty("secret").GetString()!;

        // Realistic comments: a few hundred characters of Polish text each, every one different.
        string Batch(int batch) => JsonSerializer.Serialize(new
        {
            externalReference = $"ZMP/BENCH/{batch:0000}",
            comments = Enumerable.Range(0, options.BatchSize).Select(i => new
            {
                anchor = i % 7 == 0 ? null : Anchors[i % Anchors.Length],
                quote = "Samorząd opracowuje politykę bezpieczeństwa informacji dla wszystkich prowadzonych szkół.",
                content = $"Uwaga {batch}-{i}: moduł nie wskazuje, kto w jednostce samorządu odpowiada za cyberbezpieczeństwo szkół i jak dzielić zadania z dyrektorami.",
                proposedChange = "Dodać jednostkę o podziale ról między JST, centrum usług wspólnych i dyrektorów szkół, z przykładem dla małej gminy.",
                justification = "W małych gminach szkoły nie mają własnych informatyków, a zadania są rozproszone między urząd i placówki.",
                memberJst = i % 3 == 0 ? "1465011" : null,
            }),
        });

        var batches = options.Comments / options.BatchSize;
        var bodies = Enumerable.Range(options.Warmup > 0 ? -options.Warmup : 0, batches + options.Warmup).ToDictionary(b => b, Batch);
        async Task<(double Milliseconds, HttpStatusCode Status)> PostAsync(int batch)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/consultation-rounds/{round}/submissions")
            {
                Content = new StringContent(bodies[batch], Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("X-Api-Key", apiKey);
            request.Headers.Add("Idempotency-Key", $"bench-{round}-{batch}");
            var started = Stopwatch.GetTimestamp();
            using var response = await http.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            return (Stopwatch.GetElapsedTime(started).TotalMilliseconds, response.StatusCode);
        }

        // Warm-up batches (JIT, EF Core's caches, connection pools) go to the same round and are not measured.
        for (var b = -options.Warmup; b < 0; b++)
        {
            var (_, status) = await PostAsync(b);
            if (status != HttpStatusCode.Created)
            {
                throw new InvalidOperationException($"Warm-up batch answered {(int)status}.");
            }
        }

        var latencies = new double[batches];
        var statuses = new HttpStatusCode[batches];
        var memory = new long[batches];
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, options.Senders).Select(async _ =>
        {
            int b;
            while ((b = Interlocked.Increment(ref next)) < batches)
            {
                (latencies[b], statuses[b]) = await PostAsync(b);
                memory[b] = ResidentBytes(options.ApiPid);
            }
        }));
        var elapsed = clock.Elapsed;

        using var countRequest = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/consultation-rounds/{round}");
        countRequest.Headers.Authorization = team;
        var stored = JsonDocument.Parse(await (await http.SendAsync(countRequest)).Content.ReadAsStringAsync()).RootElement.GetProperty("comments").GetInt32();
        var expected = (batches + options.Warmup) * options.BatchSize;
        var sorted = latencies.Order().ToArray();
        double Percentile(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        var measured = batches * options.BatchSize;
        var exact = stored == expected && statuses.All(s => s == HttpStatusCode.Created);
        static string Mib(long bytes) => (bytes / 1048576.0).ToString("0", CultureInfo.InvariantCulture);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            comments sent          {measured} in {batches} batches of {options.BatchSize} from {options.Senders} sender(s), one partner API key
            warm-up                {options.Warmup} batches to the same round, not measured
            elapsed                {elapsed.TotalSeconds:0.00} s
            comments/second        {measured / elapsed.TotalSeconds:0}
            per batch p50 / p99    {Percentile(0.50):0.0} ms / {Percentile(0.99):0.0} ms (max {sorted[^1]:0.0} ms)
            answers                201: {statuses.Count(s => s == HttpStatusCode.Created)}, other: {statuses.Count(s => s != HttpStatusCode.Created)}
            stored in the round    {stored} (expected {expected}, warm-up included)
            API memory (RSS, MiB)  {(options.ApiPid is null ? "not measured (no --api-pid)" : string.Join(" ", memory.Select(Mib)))}
            exact                  {(exact ? "yes" : "NO")}
            """));
        return exact ? 0 : 1;
    }

    /// <summary>The API process's resident set size, from /proc (Linux).</summary>
    private static long ResidentBytes(int? pid)
    {
        if (pid is null)
        {
            return 0;
        }

        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }
}

internal sealed record IngestOptions(string Url, string SigningKey, int Comments, int BatchSize, int Senders, int Warmup, int? ApiPid)
{
    public static IngestOptions Parse(string[] args)
    {
        string? Get(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int Number(string name, int fallback) => Get(name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
        return new IngestOptions(
            Get("--url") ?? "http://127.0.0.1:5090",
            Get("--signing-key") ?? Environment.GetEnvironmentVariable("Auth__DevelopmentSigningKey") ?? "",
            Number("--comments", 10_000), Number("--batch", 500), Number("--senders", 1), Number("--warmup", 4),
            Get("--api-pid") is { } pid ? int.Parse(pid, CultureInfo.InvariantCulture) : null);
    }
}
