using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;
using Npgsql;
using TrainingApi.Common.Security;
using TrainingApi.Features.PilotEnrollment.Applications;
using TrainingApi.Features.PilotEnrollment.Register;

namespace TrainingApi.Benchmarks;

/// <summary>
/// Pilot applications to first-come recruitments: the API beside the same SQL work done by hand with raw Npgsql in this
/// process (<see cref="RawEnrollment"/>: the same transactions, locks and rows), in alternating rounds (the API first in odd
/// rounds), each side at a recruitment of its own per round. By default every distinct JST of the register applies once
/// (2,807) from 100 concurrent clients, capacity 1,000, each API request with an Idempotency-Key of its own. Per side, the
/// medians over its rounds of applications per second and of p50/p99 latency (from sending to the decision), the CPU per
/// application of the API process, the PostgreSQL cluster and this process (read from /proc, summed over the side's rounds),
/// and whether every round was exact: accepted = min(capacity, distinct), the rest waitlisted and numbered 1..n without gaps
/// (the recruitment's counters, its rows and, for the API, its own view agreeing), every distinct JST answered 201. Before the
/// measured rounds, API rounds warm the API up for a set time (the rounds ending in the first 10 s give the first-seconds
/// figure), then a few raw rounds warm the raw side. Started by scripts/bench-enrollment.sh, which also starts the API.
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

        // Every distinct unit once by default; with more applications than units, units again: the repeats must be refused (409).
        var units = JstRegister.All.Where(j => j.SameJstAs is null).Select(j => j.Teryt).Order(StringComparer.Ordinal).ToList();
        var count = options.Applications ?? units.Count;
        var targets = Enumerable.Range(0, count).Select(i => units[i % units.Count]).ToList();
        var tokens = targets.Distinct().ToDictionary(t => t, t => Token(Roles.JstCoordinator, t));
        var distinct = tokens.Count;
        var participant = new Apply.ParticipantRequest("Uczestnik", "naczelnik", "uczestnik@example.pl", null);
        var questionnaire = new Questionnaire(10, true, "Test obciążeniowy.");
        var body = JsonSerializer.Serialize(new
        {
            rodoClauseVersion = "RODO-BENCH",
            participants = new[] { new { name = participant.Name, position = participant.Position, email = participant.Email, phone = participant.Phone } },
            questionnaire = new { schoolsRun = questionnaire.SchoolsRun, hasDigitalStrategy = questionnaire.HasDigitalStrategy, motivation = questionnaire.Motivation },
        });
        var bodyBytes = Encoding.UTF8.GetBytes(body);

        // Every application carries an Idempotency-Key, as partners and front ends send it. The answer to the first unit is
        // kept, to set beside the one the raw side seals into the key's record (--show-rows).
        string? apiAnswer = null;
        async Task<Fired> FireAsync(string recruitment, IReadOnlyList<string> jst)
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
                        Content = new StringContent(body, Encoding.UTF8, "application/json"),
                    };
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[jst[i]]);
                    request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
                    var started = Stopwatch.GetTimestamp();
                    using var response = await http.SendAsync(request);
                    latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    statuses[i] = response.StatusCode;
                    if (jst[i] == units[0])
                    {
                        apiAnswer = await response.Content.ReadAsStringAsync();
                    }
                }
            }));
            return new Fired(latencies, statuses, clock.Elapsed);
        }

        // The same applications by hand (RawEnrollment), answered 201 when placed and 409 when the JST already applied.
        await using var raw = new RawEnrollment(options.Db) { SampleTeryt = units[0] };
        async Task<Fired> FireRawAsync(string recruitment, IReadOnlyList<string> jst)
        {
            var id = Guid.Parse(recruitment);
            var path = $"/api/v1/recruitments/{recruitment}/applications";
            var latencies = new double[jst.Count];
            var statuses = new HttpStatusCode[jst.Count];
            var next = -1;
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(async _ =>
            {
                await Task.Yield();
                int i;
                while ((i = Interlocked.Increment(ref next)) < jst.Count)
                {
                    var started = Stopwatch.GetTimestamp();
                    try
                    {
                        var decision = await raw.ApplyAsync(new RawEnrollment.Request(id, JstRegister.Find(jst[i])!.CanonicalTeryt, "bench-" + jst[i], path, bodyBytes,
                            "RODO-BENCH", [participant], questionnaire), CancellationToken.None);
                        statuses[i] = decision is null ? HttpStatusCode.Conflict : HttpStatusCode.Created;
                    }
                    catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
                    {
                        statuses[i] = HttpStatusCode.InternalServerError;
                    }

                    latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                }
            }));
            raw.Forget(id);
            return new Fired(latencies, statuses, clock.Elapsed);
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
                $"warm-up round {round,-7} API {result.PerSecond,5:0} applications/s, p50 / p99 {result.P50:0.0} / {result.P99:0.0} ms"));
        }

        // Stopped here: the measured rounds are not warm-up (the figure once divided by both).
        warmup.Stop();

        // The raw side's code in this process is as cold as the API was: a few rounds of its own first.
        for (var round = 1; round <= options.RawWarmupRounds; round++)
        {
            var result = Summarise(await FireRawAsync(await OpenRecruitmentAsync($"Nabór — rozgrzewka raw {round}"), targets));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"warm-up round {round,-7} raw {result.PerSecond,5:0} applications/s, p50 / p99 {result.P50:0.0} / {result.P99:0.0} ms"));
        }

        await using var database = NpgsqlDataSource.Create(options.Db);
        var postmaster = ProcessCpu.Postmaster(options.PgData);
        var expectedAccepted = Math.Min(options.Capacity, distinct);
        var sides = new Dictionary<string, Side> { ["API"] = new(), ["raw"] = new() };
        string? firstApi = null, firstRaw = null;

        // Alternating: the API first in odd rounds, the raw side first in even ones, so neither always runs on a database
        // the other has just grown (or on a machine the other has just warmed).
        for (var round = 1; round <= options.Rounds; round++)
        {
            foreach (var name in round % 2 == 1 ? new[] { "API", "raw" } : ["raw", "API"])
            {
                var recruitment = await OpenRecruitmentAsync($"Nabór — test obciążeniowy {round} ({name})");
                var before = CpuReading.Take(options.ApiPid, postmaster);
                var fired = name == "API" ? await FireAsync(recruitment, targets) : await FireRawAsync(recruitment, targets);
                var cpu = CpuReading.Take(options.ApiPid, postmaster) - before;
                var result = Summarise(fired);
                var counts = await CountAsync(database, Guid.Parse(recruitment));
                if (name == "API")
                {
                    // What the API itself says, besides the rows.
                    var view = JsonDocument.Parse(await http.GetStringAsync($"/api/v1/recruitments/{recruitment}")).RootElement;
                    counts = counts with
                    {
                        Consistent = counts.Consistent && view.GetProperty("accepted").GetInt32() == counts.Accepted && view.GetProperty("waitlisted").GetInt32() == counts.Waitlisted,
                    };
                    firstApi ??= recruitment;
                }
                else
                {
                    firstRaw ??= recruitment;
                }

                var exact = counts.Consistent && counts.Accepted == expectedAccepted && counts.Waitlisted == distinct - expectedAccepted
                            && result.Created == distinct && result.Conflicts == targets.Count - distinct && result.Other == 0;
                var side = sides[name];
                side.Rounds.Add(result);
                side.Cpu += cpu;
                side.Applications += targets.Count;
                side.Exact &= exact;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"measured round {round,-3} {name,-4} {result.PerSecond,5:0} applications/s, p50 / p99 {result.P50:0.0} / {result.P99:0.0} ms, " +
                    $"accepted / waitlisted {counts.Accepted} / {counts.Waitlisted} (positions 1–{counts.LastPosition}{(counts.Consistent ? "" : ", INCONSISTENT")}), " +
                    $"201 / 409 / other {result.Created} / {result.Conflicts} / {result.Other}, " +
                    $"CPU ms/application API {cpu.Server / targets.Count:0.00} PG {cpu.Database / targets.Count:0.00} client {cpu.Client / targets.Count:0.00}, exact {(exact ? "yes" : "NO")}"));
            }
        }

        if (options.ShowRows && firstApi is not null && firstRaw is not null)
        {
            Console.WriteLine();
            Console.WriteLine("One row of each table, API round then raw round (the raw side must write what the API writes):");
            foreach (var (table, sql) in RowQueries)
            {
                Console.WriteLine($"{table}:\n  API {await RowAsync(database, sql, Guid.Parse(firstApi))}\n  raw {await RowAsync(database, sql, Guid.Parse(firstRaw))}");
            }

            Console.WriteLine($"answer kept for the key (API: its 201 body; raw: the bytes it sealed), last round:\n  API {apiAnswer}\n  raw {raw.SampleAnswer}");
        }

        var api = sides["API"].Summary();
        var platform = sides["raw"].Summary();
        var apiCpu = sides["API"].Cpu.Per(sides["API"].Applications);
        var rawCpu = sides["raw"].Cpu.Per(sides["raw"].Applications);
        var ratio = api.PerSecond / platform.PerSecond;
        var p99Ratio = api.P99 / platform.P99;
        var apiTotal = apiCpu.Server + apiCpu.Database + apiCpu.Client;
        var rawTotal = rawCpu.Database + rawCpu.Client;
        var exactAll = sides.Values.All(s => s.Exact);
        var sameSql = RawEnrollment.PlacementSqlIsTheApis();
        string Yes(bool exact) => exact ? "yes" : "NO";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""

            applications sent      {targets.Count} per round from {options.Clients} concurrent clients ({distinct} distinct JST, {targets.Count - distinct} repeats), capacity {options.Capacity}, first come, an Idempotency-Key on each
            warm-up                {warmup.Elapsed.TotalSeconds:0} s of API rounds at other recruitments, not measured: {warmupApplications / warmup.Elapsed.TotalSeconds:0} applications/s, {warmupApplications / warmup.Elapsed.TotalSeconds / api.PerSecond:0%} of the measured median; then {options.RawWarmupRounds} raw rounds
            first rounds after start {firstSeconds:0.0} s: {firstApplications / firstSeconds:0} applications/s, {firstApplications / firstSeconds / api.PerSecond:0%} of the API's measured median
            measured rounds        {options.Rounds} per side, alternating (API first in odd rounds), each at a recruitment of its own; medians of each side:
            applications/second    API {api.PerSecond:0}, raw Npgsql {platform.PerSecond:0}: ratio {ratio:0.00} (target >= 0.70 {(ratio >= 0.70 ? "met" : "NOT met")})
            latency p50            API {api.P50:0.0} ms, raw {platform.P50:0.0} ms
            latency p99            API {api.P99:0.0} ms, raw {platform.P99:0.0} ms: {p99Ratio:0.00}x (target <= 1.5x {(p99Ratio <= 1.5 ? "met" : "NOT met")})
            CPU ms/application     API side: API {apiCpu.Server:0.00} + PostgreSQL {apiCpu.Database:0.00} + load generator {apiCpu.Client:0.00} = {apiTotal:0.00}
                                   raw side: raw loop (this process) {rawCpu.Client:0.00} + PostgreSQL {rawCpu.Database:0.00} = {rawTotal:0.00} (API process meanwhile {rawCpu.Server:0.00}); ratio {apiTotal / rawTotal:0.00}
            placement statement    the raw side's is the API's (SlotAllocation.cs): {(sameSql is { } same ? Yes(same) : "not checked (no source tree)")}
            exact                  API {Yes(sides["API"].Exact)}, raw {Yes(sides["raw"].Exact)} (accepted {expectedAccepted}, waitlisted {distinct - expectedAccepted} numbered 1–{distinct - expectedAccepted}, every distinct JST 201, in every round)

            | enrollment ({targets.Count:N0} applications, {options.Clients} clients, capacity {options.Capacity:N0}) | API | raw Npgsql | ratio | target |
            |---|---:|---:|---:|---|
            | applications/s (median of {options.Rounds}) | {api.PerSecond:N0} | {platform.PerSecond:N0} | **{ratio:0.00}** | ≥ 0.70 {(ratio >= 0.70 ? "✓" : "✗")} |
            | latency p50 | {api.P50:0.0} ms | {platform.P50:0.0} ms | {api.P50 / platform.P50:0.00}× | |
            | latency p99 | {api.P99:0.0} ms | {platform.P99:0.0} ms | **{p99Ratio:0.00}×** | ≤ 1.5× {(p99Ratio <= 1.5 ? "✓" : "✗")} |
            | CPU ms/application: server process | {apiCpu.Server:0.00} (API) | {rawCpu.Client:0.00} (raw loop) | | |
            | CPU ms/application: PostgreSQL | {apiCpu.Database:0.00} | {rawCpu.Database:0.00} | {apiCpu.Database / rawCpu.Database:0.00}× | |
            | CPU ms/application: load generator | {apiCpu.Client:0.00} | (is the raw loop) | | |
            | CPU ms/application: total | {apiTotal:0.00} | {rawTotal:0.00} | {apiTotal / rawTotal:0.00}× | |
            | exact in every round | {Yes(sides["API"].Exact)} | {Yes(sides["raw"].Exact)} | | yes {(exactAll ? "✓" : "✗")} |
            """));
        return exactAll ? 0 : 1;
    }

    /// <summary>One row of each table the application path writes, for the same JST in each recruitment (the lowest TERYT code; the sealed body by its length).</summary>
    private static readonly (string Table, string Sql)[] RowQueries =
    [
        ("applications", "SELECT to_jsonb(a) FROM enrollment.applications a WHERE a.recruitment_id = $1 ORDER BY a.jst_teryt LIMIT 1"),
        ("participants", "SELECT to_jsonb(p) FROM enrollment.participants p WHERE p.application_id = (SELECT id FROM enrollment.applications WHERE recruitment_id = $1 ORDER BY jst_teryt LIMIT 1)"),
        ("audit_entries (application created)", "SELECT to_jsonb(e) FROM platform.audit_entries e WHERE e.entity_id = (SELECT id::text FROM enrollment.applications WHERE recruitment_id = $1 ORDER BY jst_teryt LIMIT 1) AND e.operation = 'created'"),
        ("audit_entries (participant created)", "SELECT to_jsonb(e) FROM platform.audit_entries e WHERE e.entity_id = (SELECT p.id::text FROM enrollment.participants p JOIN enrollment.applications a ON a.id = p.application_id WHERE a.recruitment_id = $1 ORDER BY a.jst_teryt LIMIT 1)"),
        ("audit_entries (application placed)", "SELECT to_jsonb(e) FROM platform.audit_entries e WHERE e.entity_id = (SELECT id::text FROM enrollment.applications WHERE recruitment_id = $1 ORDER BY jst_teryt LIMIT 1) AND e.operation = 'updated'"),
        ("idempotency_records", "SELECT to_jsonb(r) - 'body' - 'request_hash' || jsonb_build_object('body_bytes', length(r.body), 'request_hash_bytes', length(r.request_hash)) FROM platform.idempotency_records r WHERE r.resource_id = (SELECT id FROM enrollment.applications WHERE recruitment_id = $1 ORDER BY jst_teryt LIMIT 1)"),
        ("outbox_events", "SELECT to_jsonb(o) FROM platform.outbox_events o WHERE o.payload -> 'data' ->> 'applicationId' = (SELECT id::text FROM enrollment.applications WHERE recruitment_id = $1 ORDER BY jst_teryt LIMIT 1)"),
    ];

    private static async Task<string> RowAsync(NpgsqlDataSource database, string sql, Guid recruitment)
    {
        await using var command = database.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = recruitment });
        return await command.ExecuteScalarAsync() as string ?? "(none)";
    }

    /// <summary>The recruitment's counters and its applications' decisions: consistent when they agree and the waiting list runs 1..n without gaps.</summary>
    private static async Task<Counts> CountAsync(NpgsqlDataSource database, Guid recruitment)
    {
        await using var command = database.CreateCommand("""
            SELECT r.accepted_count, r.waitlisted_count,
                   count(*) FILTER (WHERE a.status = 'Accepted'), count(*) FILTER (WHERE a.status = 'Waitlisted'),
                   count(DISTINCT a.waitlist_position) FILTER (WHERE a.status = 'Waitlisted'),
                   coalesce(min(a.waitlist_position) FILTER (WHERE a.status = 'Waitlisted'), 1), coalesce(max(a.waitlist_position) FILTER (WHERE a.status = 'Waitlisted'), 0),
                   count(*) FILTER (WHERE a.status NOT IN ('Accepted', 'Waitlisted'))
            FROM enrollment.recruitments r LEFT JOIN enrollment.applications a ON a.recruitment_id = r.id
            WHERE r.id = $1
            GROUP BY r.accepted_count, r.waitlisted_count
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = recruitment });
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        int Int(int i) => Convert.ToInt32(reader.GetValue(i), CultureInfo.InvariantCulture);
        var (accepted, waitlisted) = (Int(0), Int(1));
        var consistent = Int(2) == accepted && Int(3) == waitlisted && Int(4) == waitlisted && Int(5) == 1 && Int(6) == waitlisted && Int(7) == 0;
        return new Counts(accepted, waitlisted, Int(6), consistent);
    }

    private sealed record Counts(int Accepted, int Waitlisted, int LastPosition, bool Consistent);

    private sealed record Fired(double[] Latencies, HttpStatusCode[] Statuses, TimeSpan Elapsed);

    /// <summary>One side's measured rounds: their figures, its CPU summed over them, and whether every round was exact.</summary>
    private sealed class Side
    {
        public List<RoundResult> Rounds { get; } = [];
        public CpuReading Cpu { get; set; }
        public int Applications { get; set; }
        public bool Exact { get; set; } = true;

        /// <summary>The median of each figure over the rounds.</summary>
        public RoundResult Summary()
        {
            double Median(Func<RoundResult, double> figure) => Rounds.Select(figure).Order().ElementAt(Rounds.Count / 2);
            return Rounds[0] with { PerSecond = Median(r => r.PerSecond), P50 = Median(r => r.P50), P99 = Median(r => r.P99), Max = Median(r => r.Max) };
        }
    }

    private static RoundResult Summarise(Fired run)
    {
        var latencies = run.Latencies.Order().ToArray();
        double Percentile(double p) => latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(p * latencies.Length) - 1)];
        return new RoundResult(run.Elapsed, latencies.Length / run.Elapsed.TotalSeconds, Percentile(0.50), Percentile(0.99), latencies[^1],
            run.Statuses.Count(s => s == HttpStatusCode.Created), run.Statuses.Count(s => s == HttpStatusCode.Conflict),
            run.Statuses.Count(s => s is not HttpStatusCode.Created and not HttpStatusCode.Conflict));
    }

    private sealed record RoundResult(TimeSpan Elapsed, double PerSecond, double P50, double P99, double Max, int Created, int Conflicts, int Other);
}

internal sealed record EnrollmentOptions(string Url, string SigningKey, string Db, int? ApiPid, string? PgData, int? Applications, int Clients, int Capacity,
    int WarmupSeconds, int RawWarmupRounds, int Rounds, bool ShowRows)
{
    public static EnrollmentOptions Parse(string[] args)
    {
        string? Find(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        string Get(string name, string fallback) => Find(name) ?? fallback;
        int Int(string name, string fallback) => int.Parse(Get(name, fallback), CultureInfo.InvariantCulture);
        return new EnrollmentOptions(
            Get("--url", "http://127.0.0.1:5090"),
            Get("--signing-key", Environment.GetEnvironmentVariable("Auth__DevelopmentSigningKey") ?? ""),
            Find("--db") ?? throw new ArgumentException("--db (the API's database, for the raw Npgsql side) is required"),
            Find("--api-pid") is { } pid ? int.Parse(pid, CultureInfo.InvariantCulture) : null,
            Find("--pg-data"),
            Find("--applications") is { } n ? int.Parse(n, CultureInfo.InvariantCulture) : null,
            Int("--clients", "100"),
            Int("--capacity", "1000"),
            Int("--warmup-seconds", "30"),
            Int("--raw-warmup-rounds", "3"),
            Int("--rounds", "5"),
            args.Contains("--show-rows"));
    }
}
