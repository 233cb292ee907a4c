using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;
using TrainingApi.Common.Security;
using TrainingApi.Features.PilotEnrollment.Register;

namespace TrainingApi.Benchmarks;

/// <summary>
/// Fires applications at a first-come recruitment of a running API and prints throughput, latency and the
/// final counts, which must be exact. Started by scripts/bench-enrollment.sh, which also starts the API.
/// </summary>
internal static class EnrollmentBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = EnrollmentOptions.Parse(args);
        var key = new SymmetricSecurityKey(Convert.FromBase64String(options.SigningKey));
        string Token(string role, string? teryt = null) =>
            DevelopmentTokens.Create(key, "trainingapi", role, teryt is null ? "bench-team" : "bench-" + teryt, teryt, TimeSpan.FromHours(2), DateTimeOffset.UtcNow);

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Clients, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = new Uri(options.Url),
            Timeout = TimeSpan.FromSeconds(60),
        };

        var team = new AuthenticationHeaderValue("Bearer", Token(Roles.ProgrammeTeam));
        async Task<JsonElement> SendAsync(HttpMethod method, string path, object? body)
        {
            using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
            request.Headers.Authorization = team;
            return JsonDocument.Parse(await (await http.SendAsync(request)).EnsureSuccessStatusCode().Content.ReadAsStringAsync()).RootElement.Clone();
        }

        // A pilot names the programme version it tests (past draft).
        var version = await BenchPilot.PilotableVersionAsync(SendAsync, "Program — test naboru");

        async Task<string> OpenRecruitmentAsync(string title)
        {
            using var open = new HttpRequestMessage(HttpMethod.Post, "/api/v1/recruitments")
            {
                Content = JsonContent.Create(new
                {
                    title, opensAt = DateTimeOffset.UtcNow.AddMinutes(-1), closesAt = DateTimeOffset.UtcNow.AddHours(1),
                    capacity = options.Capacity, maxParticipantsPerJst = 3, rodoClauseVersion = "RODO-BENCH",
                    eligibleKinds = new[] { "wojewodztwo", "powiat", "miasto-na-prawach-powiatu", "gmina-miejska", "gmina-wiejska", "gmina-miejsko-wiejska" },
                    programmeVersionId = version,
                }),
            };
            open.Headers.Authorization = team;
            return JsonDocument.Parse(await (await http.SendAsync(open)).EnsureSuccessStatusCode().Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        }

        // Every distinct unit once, then units again until the count is reached: the repeats must be refused (409).
        var units = JstRegister.All.Where(j => j.SameJstAs is null).Select(j => j.Teryt).Order(StringComparer.Ordinal).ToList();
        var targets = Enumerable.Range(0, options.Applications).Select(i => units[i % units.Count]).ToList();
        var tokens = targets.Distinct().ToDictionary(t => t, t => Token(Roles.JstCoordinator, t));
        var distinct = tokens.Count;
        var body = JsonSerializer.Serialize(new
        {
            rodoClauseVersion = "RODO-BENCH",
            participants = new[] { new { name = "Uczestnik", position = "naczelnik", email = "uczestnik@example.pl", phone = (string?)null } },
            questionnaire = new { schoolsRun = 10, hasDigitalStrategy = true, motivation = "Test obciążeniowy." },
        });

        async Task<(double[] Latencies, HttpStatusCode[] Statuses, TimeSpan Elapsed)> FireAsync(string recruitment, IReadOnlyList<string> jst)
        {
            var latencies = new double[jst.Count];
            var statuses = new HttpStatusCode[jst.Count];
            var next = -1;
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(async _ =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < jst.Count)
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/recruitments/{recruitment}/applications")
                    {
                        Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
                    };
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[jst[i]]);
                    var started = Stopwatch.GetTimestamp();
                    using var response = await http.SendAsync(request);
                    latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    statuses[i] = response.StatusCode;
                }
            }));
            return (latencies, statuses, clock.Elapsed);
        }

        // Warm-up: rounds of the same shape at recruitments of their own, not measured, until the time is up. A fresh
        // process runs its hot paths as quickly-jitted code until the runtime recompiles them with profile data in the
        // background; with both cores busy serving, that takes tens of seconds, and each round shows where it stands.
        // The first rounds that end within the first 10 s (at least one) give "the first 10 s after start" figure.
        var warmup = Stopwatch.StartNew();
        var warmupApplications = 0;
        var (firstApplications, firstSeconds) = (0, 0.0);
        for (var round = 1; warmup.Elapsed.TotalSeconds < options.WarmupSeconds; round++)
        {
            var result = Summarise(await FireAsync(await OpenRecruitmentAsync($"Nabór — rozgrzewka {round}"), targets));
            warmupApplications += targets.Count;
            if (round == 1 || warmup.Elapsed.TotalSeconds <= 10)
            {
                (firstApplications, firstSeconds) = (warmupApplications, warmup.Elapsed.TotalSeconds);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"warm-up round {round,-7} {result.PerSecond,5:0} applications/s, p50 / p99 {result.P50:0.0} / {result.P99:0.0} ms"));
        }

        // Stopped here: the measured rounds are not warm-up (the figure once divided by both).
        warmup.Stop();

        var rounds = new List<RoundResult>();
        for (var round = 1; round <= options.Rounds; round++)
        {
            var recruitment = await OpenRecruitmentAsync($"Nabór — test obciążeniowy {round}");
            var result = Summarise(await FireAsync(recruitment, targets));
            var view = JsonDocument.Parse(await http.GetStringAsync($"/api/v1/recruitments/{recruitment}")).RootElement;
            result = result with { Accepted = view.GetProperty("accepted").GetInt32(), Waitlisted = view.GetProperty("waitlisted").GetInt32() };
            rounds.Add(result);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"measured round {round,-6} {result.PerSecond,5:0} applications/s, p50 / p99 {result.P50:0.0} / {result.P99:0.0} ms, accepted / waitlisted {result.Accepted} / {result.Waitlisted}"));
        }

        var expectedAccepted = Math.Min(options.Capacity, distinct);
        bool Exact(RoundResult r) => r.Accepted == expectedAccepted && r.Waitlisted == distinct - expectedAccepted
                                     && r.Created == distinct && r.Conflicts == targets.Count - distinct && r.Other == 0;
        var median = rounds.OrderBy(r => r.PerSecond).ElementAt(rounds.Count / 2);
        var exact = rounds.All(Exact);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""

            applications sent      {targets.Count} per round from {options.Clients} concurrent clients ({distinct} distinct JST, {targets.Count - distinct} repeats)
            warm-up                {warmup.Elapsed.TotalSeconds:0} s of rounds at other recruitments, not measured: {warmupApplications / warmup.Elapsed.TotalSeconds:0} applications/s, {warmupApplications / warmup.Elapsed.TotalSeconds / median.PerSecond:0%} of the measured median
            first rounds after start {firstSeconds:0.0} s: {firstApplications / firstSeconds:0} applications/s, {firstApplications / firstSeconds / median.PerSecond:0%} of the measured median
            measured rounds        {rounds.Count}, each at a recruitment of its own; the median round:
            elapsed                {median.Elapsed.TotalSeconds:0.00} s
            applications/second    {median.PerSecond:0}
            latency p50 / p99      {median.P50:0.0} ms / {median.P99:0.0} ms (max {median.Max:0.0} ms)
            answers                201: {median.Created}, 409: {median.Conflicts}, other: {median.Other}
            accepted / waitlisted  {median.Accepted} / {median.Waitlisted} (expected {expectedAccepted} / {distinct - expectedAccepted})
            exact                  {(exact ? "yes, in every round" : "NO")}
            """));
        return exact ? 0 : 1;
    }

    private static RoundResult Summarise((double[] Latencies, HttpStatusCode[] Statuses, TimeSpan Elapsed) run)
    {
        var latencies = run.Latencies.Order().ToArray();
        double Percentile(double p) => latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(p * latencies.Length) - 1)];
        return new RoundResult(run.Elapsed, latencies.Length / run.Elapsed.TotalSeconds, Percentile(0.50), Percentile(0.99), latencies[^1],
            run.Statuses.Count(s => s == HttpStatusCode.Created), run.Statuses.Count(s => s == HttpStatusCode.Conflict),
            run.Statuses.Count(s => s is not HttpStatusCode.Created and not HttpStatusCode.Conflict), 0, 0);
    }

    private sealed record RoundResult(TimeSpan Elapsed, double PerSecond, double P50, double P99, double Max, int Created, int Conflicts, int Other, int Accepted, int Waitlisted);
}

internal sealed record EnrollmentOptions(string Url, string SigningKey, int Applications, int Clients, int Capacity, int WarmupSeconds, int Rounds)
{
    public static EnrollmentOptions Parse(string[] args)
    {
        string Get(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
        return new EnrollmentOptions(
            Get("--url", "http://127.0.0.1:5090"),
            Get("--signing-key", Environment.GetEnvironmentVariable("Auth__DevelopmentSigningKey") ?? ""),
            int.Parse(Get("--applications", "3000"), CultureInfo.InvariantCulture),
            int.Parse(Get("--clients", "100"), CultureInfo.InvariantCulture),
            int.Parse(Get("--capacity", "50"), CultureInfo.InvariantCulture),
            int.Parse(Get("--warmup-seconds", "30"), CultureInfo.InvariantCulture),
            int.Parse(Get("--rounds", "3"), CultureInfo.InvariantCulture));
    }
}
