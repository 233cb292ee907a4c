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
        async Task<string> OpenRecruitmentAsync(string title)
        {
            using var open = new HttpRequestMessage(HttpMethod.Post, "/api/v1/recruitments")
            {
                Content = JsonContent.Create(new
                {
                    title, opensAt = DateTimeOffset.UtcNow.AddMinutes(-1), closesAt = DateTimeOffset.UtcNow.AddHours(1),
                    capacity = options.Capacity, maxParticipantsPerJst = 3, rodoClauseVersion = "RODO-BENCH",
                    eligibleKinds = new[] { "wojewodztwo", "powiat", "miasto-na-prawach-powiatu", "gmina-miejska", "gmina-wiejska", "gmina-miejsko-wiejska" },
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

        // Warm-up on a recruitment of its own (JIT, EF Core's model and query caches, connection pools), not measured.
        if (options.Warmup > 0)
        {
            await FireAsync(await OpenRecruitmentAsync("Nabór — rozgrzewka"), targets.Distinct().Take(options.Warmup).ToList());
        }

        var recruitment = await OpenRecruitmentAsync("Nabór — test obciążeniowy");
        var (latencies, statuses, elapsed) = await FireAsync(recruitment, targets);

        var view = JsonDocument.Parse(await http.GetStringAsync($"/api/v1/recruitments/{recruitment}")).RootElement;
        var accepted = view.GetProperty("accepted").GetInt32();
        var waitlisted = view.GetProperty("waitlisted").GetInt32();
        Array.Sort(latencies);
        double Percentile(double p) => latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(p * latencies.Length) - 1)];
        var expectedAccepted = Math.Min(options.Capacity, distinct);
        var exact = accepted == expectedAccepted && waitlisted == distinct - expectedAccepted
                    && statuses.Count(s => s == HttpStatusCode.Created) == distinct && statuses.Count(s => s == HttpStatusCode.Conflict) == targets.Count - distinct;

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            applications sent      {targets.Count} from {options.Clients} concurrent clients ({distinct} distinct JST, {targets.Count - distinct} repeats)
            warm-up                {options.Warmup} applications to another recruitment, not measured
            elapsed                {elapsed.TotalSeconds:0.00} s
            applications/second    {targets.Count / elapsed.TotalSeconds:0}
            latency p50 / p99      {Percentile(0.50):0.0} ms / {Percentile(0.99):0.0} ms (max {latencies[^1]:0.0} ms)
            answers                201: {statuses.Count(s => s == HttpStatusCode.Created)}, 409: {statuses.Count(s => s == HttpStatusCode.Conflict)}, other: {statuses.Count(s => s is not HttpStatusCode.Created and not HttpStatusCode.Conflict)}
            accepted / waitlisted  {accepted} / {waitlisted} (expected {expectedAccepted} / {distinct - expectedAccepted})
            exact                  {(exact ? "yes" : "NO")}
            """));
        return exact ? 0 : 1;
    }
}

internal sealed record EnrollmentOptions(string Url, string SigningKey, int Applications, int Clients, int Capacity, int Warmup)
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
            int.Parse(Get("--warmup", "300"), CultureInfo.InvariantCulture));
    }
}
