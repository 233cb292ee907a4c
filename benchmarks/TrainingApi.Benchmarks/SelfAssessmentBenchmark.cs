using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;
using TrainingApi.Common.Security;
using TrainingApi.Features.PilotEnrollment.Register;

namespace TrainingApi.Benchmarks;

/// <summary>
/// Self-assessment of the whole country through the API: every canonical JST of the register gets two closed rounds of
/// eight respondents (start, invite, submit full questionnaires with deterministic varied answers, close — the results and
/// the current scores computed by the real code), then three measurements: (a) peer benchmark reads by 50 concurrent JST
/// coordinators, (b) 1,000 respondents submitting within a minute on an open-loop schedule, (c) closing rounds of 50
/// respondents. Prints each against its target and a final pass/fail line. Started by scripts/bench-self-assessment.sh.
/// </summary>
internal static class SelfAssessmentBenchmark
{
    // Eight respondents a seeded round: the roles a JST would invite, school heads the most.
    private static readonly string[] SeedRoles = ["education-department", "school-head", "school-head", "school-head", "it", "finance", "jst-leadership", "other"];
    private static readonly string[] AllRoles = ["jst-leadership", "education-department", "school-head", "it", "finance", "other"];

    public static async Task<int> RunAsync(string[] args)
    {
        var options = SelfAssessmentBenchOptions.Parse(args);
        var key = new SymmetricSecurityKey(Convert.FromBase64String(options.SigningKey));
        string Token(string role, string? teryt) =>
            DevelopmentTokens.Create(key, "trainingapi", role, teryt is null ? "bench-team" : "bench-" + teryt, teryt, TimeSpan.FromHours(3), DateTimeOffset.UtcNow);
        var team = new AuthenticationHeaderValue("Bearer", Token(Roles.ProgrammeTeam, null));

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(30) })
        {
            BaseAddress = new Uri(options.Url),
            Timeout = TimeSpan.FromSeconds(120),
        };

        async Task<JsonElement> SendAsync(HttpMethod method, string path, object? body, AuthenticationHeaderValue? auth)
        {
            using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
            request.Headers.Authorization = auth;
            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            return response.IsSuccessStatusCode
                ? JsonDocument.Parse(text).RootElement.Clone()
                : throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {text}");
        }

        // The framework's statements, by area, as a respondent's questionnaire lists them.
        var framework = await SendAsync(HttpMethod.Get, "/api/v1/maturity-framework", null, null);
        var statements = framework.GetProperty("areas").EnumerateArray()
            .SelectMany((area, a) => area.GetProperty("statements").EnumerateArray().Select(s => (Area: a, Id: s.GetProperty("id").GetString()!)))
            .ToList();

        // Deterministic, varied answers: each JST its own level and profile over the areas, a second round a little better,
        // respondents scattered around it, about one answer in 25 "nie wiem / nie dotyczy".
        string Answers(int jst, int round, int respondent)
        {
            var random = new Random(jst * 10_007 + round * 101 + respondent);
            var level = 1.4 + (jst * 37 % 100) / 100.0 * 3.2 + (round == 2 ? 0.3 : 0);
            var answers = new Dictionary<string, int?>(statements.Count);
            foreach (var (area, id) in statements)
            {
                var profile = ((jst + area * 13) % 5 - 2) * 0.3;
                answers[id] = random.Next(25) == 0 ? null : Math.Clamp((int)Math.Round(level + profile + random.NextDouble() * 2 - 1), 1, 5);
            }

            return JsonSerializer.Serialize(new { answers });
        }

        async Task<(HttpStatusCode Status, double Milliseconds)> SubmitAsync(string token, string body)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/self-assessment-links/{token}/submission")
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            };
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var response = await http.SendAsync(request);
                await response.Content.ReadAsByteArrayAsync();
                return (response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            catch (HttpRequestException)
            {
                return (0, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        // Every canonical JST of the register, each run by its own coordinator (a token with its TERYT code): a coordinator
        // starts rounds for its own JST without naming it. The team naming `teryt` reaches only the 7-digit codes (gminy): the
        // start validator refuses the 2-digit voivodeship and 4-digit powiat codes of the register, shown below.
        var units = JstRegister.All.Where(j => j.SameJstAs is null).OrderBy(j => j.Teryt, StringComparer.Ordinal).ToList();
        if (options.Jst is { } limit)
        {
            units = units.Take(limit).ToList();
        }

        var coordinators = units.Select(u => new AuthenticationHeaderValue("Bearer", Token(Roles.JstCoordinator, u.Teryt))).ToArray();
        using (var probe = new HttpRequestMessage(HttpMethod.Post, "/api/v1/self-assessments") { Content = JsonContent.Create(new { teryt = "0201", deadline = DateTimeOffset.UtcNow.AddDays(30) }) })
        {
            probe.Headers.Authorization = team;
            using var refused = await http.SendAsync(probe);
            Console.WriteLine($"team start for a powiat {(int)refused.StatusCode} (teryt 0201; {JstRegister.All.Count(u => u.SameJstAs is null && u.Teryt.Length != 7)} JST of the register have 2- or 4-digit codes)");
        }

        async Task<string> StartAsync(int j, string title) =>
            (await SendAsync(HttpMethod.Post, "/api/v1/self-assessments", new { deadline = DateTimeOffset.UtcNow.AddDays(30), title }, coordinators[j]))
            .GetProperty("id").GetString()!;

        async Task<List<string>> InviteAsync(int j, string round, IEnumerable<string> roles) =>
        [
            .. (await SendAsync(HttpMethod.Post, $"/api/v1/self-assessments/{round}/invitations", new { invitees = roles.Select(role => new { role }).ToList() }, coordinators[j]))
                .GetProperty("invitations").EnumerateArray().Select(i => i.GetProperty("token").GetString()!),
        ];

        async Task<JsonElement> CloseAsync(int j, string round) => await SendAsync(HttpMethod.Post, $"/api/v1/self-assessments/{round}/close", null, coordinators[j]);

        // --- Seeding: every canonical JST, two closed rounds of eight respondents each, a few JST at a time. ---

        var latest = new string[units.Count];
        var seedSubmissionFailures = 0;
        var next = -1;
        var seeding = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, options.SeedConcurrency).Select(async _ =>
        {
            int j;
            while ((j = Interlocked.Increment(ref next)) < units.Count)
            {
                for (var round = 1; round <= 2; round++)
                {
                    var id = await StartAsync(j, $"Samoocena {2024 + round}");
                    var tokens = await InviteAsync(j, id, SeedRoles);
                    for (var k = 0; k < tokens.Count; k++)
                    {
                        if ((await SubmitAsync(tokens[k], Answers(j, round, k))).Status != HttpStatusCode.OK)
                        {
                            Interlocked.Increment(ref seedSubmissionFailures);
                        }
                    }

                    var closed = await CloseAsync(j, id);
                    if (!closed.GetProperty("results").GetProperty("shown").GetBoolean())
                    {
                        throw new InvalidOperationException($"Round {id} of {units[j].Teryt} closed without results shown.");
                    }

                    latest[j] = id;
                }

                if ((j + 1) % 500 == 0)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeding                {j + 1} JST after {seeding.Elapsed.TotalSeconds:0} s"));
                }
            }
        }));
        seeding.Stop();
        var seededRounds = units.Count * 2;
        var seedRequests = seededRounds * (3 + SeedRoles.Length);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""

            seeding                {units.Count} JST × 2 closed rounds × {SeedRoles.Length} respondents through the API, {options.SeedConcurrency} JST in parallel
            seeding took           {seeding.Elapsed.TotalSeconds:0.0} s ({seededRounds} rounds, {seededRounds * SeedRoles.Length} submissions, {seedRequests} requests: {seedRequests / seeding.Elapsed.TotalSeconds:0} requests/s, {seededRounds / seeding.Elapsed.TotalSeconds:0.0} rounds/s)
            seeding failures       {seedSubmissionFailures} submissions not accepted
            """));

        // --- (a) Peer benchmark reads: 50 coordinators, each of a random JST reading its latest round's benchmark. ---
        using (var sample = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/self-assessments/{latest[0]}/benchmark"))
        {
            sample.Headers.Authorization = coordinators[0];
            using var answer = await http.SendAsync(sample);
            var text = await answer.Content.ReadAsStringAsync();
            Console.WriteLine($"benchmark sample       {(int)answer.StatusCode} {units[0].Teryt}: {(text.Length > 300 ? text[..300] + "…" : text)}");
        }

        async Task<(List<double> Latencies, Dictionary<int, int> Statuses, TimeSpan Elapsed)> ReadAsync(double seconds)
        {
            var latencies = new List<double>[options.Readers];
            var statuses = new Dictionary<int, int>[options.Readers];
            var clock = Stopwatch.StartNew();
            var until = TimeSpan.FromSeconds(seconds);
            await Task.WhenAll(Enumerable.Range(0, options.Readers).Select(async reader =>
            {
                var random = new Random(reader * 7919 + (int)seconds);
                var mine = latencies[reader] = new List<double>(4096);
                var codes = statuses[reader] = [];
                while (clock.Elapsed < until)
                {
                    var j = random.Next(units.Count);
                    using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/self-assessments/{latest[j]}/benchmark");
                    request.Headers.Authorization = coordinators[j];
                    var started = Stopwatch.GetTimestamp();
                    int status;
                    try
                    {
                        using var response = await http.SendAsync(request);
                        await response.Content.ReadAsByteArrayAsync();
                        status = (int)response.StatusCode;
                    }
                    catch (HttpRequestException)
                    {
                        status = 0;
                    }

                    mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    codes[status] = codes.GetValueOrDefault(status) + 1;
                }
            }));
            var all = latencies.SelectMany(l => l).ToList();
            var merged = statuses.SelectMany(s => s).GroupBy(s => s.Key).ToDictionary(g => g.Key, g => g.Sum(s => s.Value));
            return (all, merged, clock.Elapsed);
        }

        var warmup = await ReadAsync(options.WarmupSeconds);
        var reads = await ReadAsync(options.ReadSeconds);
        var readSorted = reads.Latencies.Order().ToArray();
        var readErrors = reads.Statuses.Where(s => s.Key != 200).Sum(s => s.Value);
        var readP95 = Percentile(readSorted, 0.95);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""

            (a) benchmark reads    {options.Readers} concurrent coordinators, random JST's latest round each request, keep-alive; {options.WarmupSeconds} s warm-up ({warmup.Latencies.Count / warmup.Elapsed.TotalSeconds:0} requests/s) not measured
            elapsed                {reads.Elapsed.TotalSeconds:0.0} s, {readSorted.Length} requests
            requests/second        {readSorted.Length / reads.Elapsed.TotalSeconds:0}
            latency p50/p95/p99    {Percentile(readSorted, 0.50):0.0} / {readP95:0.0} / {Percentile(readSorted, 0.99):0.0} ms (max {readSorted[^1]:0.0} ms)
            answers                {string.Join(", ", reads.Statuses.OrderBy(s => s.Key).Select(s => $"{(s.Key == 0 ? "no answer" : s.Key.ToString(CultureInfo.InvariantCulture))}: {s.Value}"))}; errors {readErrors}
            """));

        // --- (b) 1,000 respondents within a minute: new open rounds, then one submission every 60 s / 1,000, open loop. ---
        var picks = Enumerable.Range(0, options.SubmitJst + options.CloseRounds).Select(i => i * units.Count / (options.SubmitJst + options.CloseRounds)).Distinct().ToList();
        var stride = (options.SubmitJst + options.CloseRounds) / Math.Max(1, options.CloseRounds);
        var closePicks = picks.Where((_, i) => i % stride == stride - 1).Take(options.CloseRounds).ToList();
        var submitPicks = picks.Except(closePicks).Take(options.SubmitJst).ToList();
        var openRounds = new List<(int Jst, string Id)>();
        var pending = new List<(string Token, string Body)>();
        foreach (var j in submitPicks)
        {
            var id = await StartAsync(j, "Samoocena 2026");
            openRounds.Add((j, id));
            var tokens = await InviteAsync(j, id, Enumerable.Range(0, options.Invitations).Select(i => AllRoles[i % AllRoles.Length]));
            pending.AddRange(tokens.Select((t, k) => (t, Answers(j, 3, k))));
        }

        // Respondents of all the rounds interleaved, as they would come in.
        var shuffled = pending.ToArray();
        new Random(42).Shuffle(shuffled);
        var interval = TimeSpan.FromSeconds(options.SubmitSeconds) / shuffled.Length;
        var submitLatencies = new double[shuffled.Length];
        var submitStatuses = new HttpStatusCode[shuffled.Length];
        var lag = new double[shuffled.Length];
        var inFlight = new Task[shuffled.Length];
        var schedule = Stopwatch.StartNew();
        for (var i = 0; i < shuffled.Length; i++)
        {
            var due = interval * i;
            var wait = due - schedule.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            lag[i] = (schedule.Elapsed - due).TotalMilliseconds;
            var index = i;
            inFlight[i] = Task.Run(async () => (submitStatuses[index], submitLatencies[index]) = await SubmitAsync(shuffled[index].Token, shuffled[index].Body));
        }

        var dispatched = schedule.Elapsed;
        await Task.WhenAll(inFlight);
        var submitElapsed = schedule.Elapsed;
        var submitSorted = submitLatencies.Order().ToArray();
        var submitErrors = submitStatuses.Count(s => s != HttpStatusCode.OK);
        var submitP99 = Percentile(submitSorted, 0.99);
        var lagSorted = lag.Order().ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""

            (b) submissions        {shuffled.Length} full questionnaires ({statements.Count} answers each) into {submitPicks.Count} open rounds × {options.Invitations} links, one every {interval.TotalMilliseconds:0.0} ms (open loop)
            dispatched / done      {dispatched.TotalSeconds:0.0} s / {submitElapsed.TotalSeconds:0.0} s ({shuffled.Length / dispatched.TotalSeconds:0.0} submissions/s offered); schedule lag p99 {Percentile(lagSorted, 0.99):0.0} ms, max {lagSorted[^1]:0.0} ms
            latency p50/p95/p99    {Percentile(submitSorted, 0.50):0.0} / {Percentile(submitSorted, 0.95):0.0} / {submitP99:0.0} ms (max {submitSorted[^1]:0.0} ms)
            answers                200: {submitStatuses.Count(s => s == HttpStatusCode.OK)}, errors {submitErrors}{(submitErrors > 0 ? " (" + string.Join(", ", submitStatuses.Where(s => s != HttpStatusCode.OK).GroupBy(s => (int)s).Select(g => $"{g.Key}: {g.Count()}")) + ")" : "")}
            """));

        // Those rounds closed too (20 respondents each), so their JST are free again; timed for the record.
        var close20 = new List<double>();
        foreach (var (j, id) in openRounds)
        {
            var started = Stopwatch.GetTimestamp();
            await CloseAsync(j, id);
            close20.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        // --- (c) Closing rounds of 50 respondents, one after another. ---
        var bigRounds = new List<(int Jst, string Id)>();
        foreach (var j in closePicks)
        {
            var id = await StartAsync(j, "Samoocena 2026 — szeroka");
            var tokens = await InviteAsync(j, id, Enumerable.Range(0, options.CloseRespondents).Select(i => AllRoles[i % AllRoles.Length]));
            var results = await Task.WhenAll(tokens.Select((t, k) => SubmitAsync(t, Answers(j, 4, k))));
            if (results.Any(r => r.Status != HttpStatusCode.OK))
            {
                throw new InvalidOperationException($"Round {id}: {results.Count(r => r.Status != HttpStatusCode.OK)} submissions refused.");
            }

            bigRounds.Add((j, id));
        }

        var closeLatencies = new List<double>();
        var closeRespondentsOk = true;
        foreach (var (j, id) in bigRounds)
        {
            var started = Stopwatch.GetTimestamp();
            var closed = await CloseAsync(j, id);
            closeLatencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            closeRespondentsOk &= closed.GetProperty("results").GetProperty("respondents").GetInt32() == options.CloseRespondents;
        }

        var closeSorted = closeLatencies.Order().ToArray();
        var close20Sorted = close20.Order().ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""

            (c) closing            {closeSorted.Length} rounds of {options.CloseRespondents} respondents, one after another (results and current scores computed at closing)
            close p50 / max        {Percentile(closeSorted, 0.50):0.0} / {closeSorted[^1]:0.0} ms (all: {string.Join(", ", closeLatencies.Select(l => l.ToString("0", CultureInfo.InvariantCulture)))}); respondents counted {(closeRespondentsOk ? "exactly" : "WRONG")}
            closing (b)'s rounds   {close20Sorted.Length} rounds of {options.Invitations} respondents: p50 / max {Percentile(close20Sorted, 0.50):0.0} / {close20Sorted[^1]:0.0} ms
            """));

        var readPass = readP95 < 50 && readErrors == 0;
        var submitPass = submitP99 < 200 && submitErrors == 0;
        var closePass = closeSorted[^1] < 200 && closeRespondentsOk;
        static string Verdict(bool pass) => pass ? "PASS" : "FAIL";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""

            summary                (a) benchmark read p95 {readP95:0.0} ms < 50 ms, 0 errors: {Verdict(readPass)}; (b) 1,000 submissions/min p99 {submitP99:0.0} ms < 200 ms, 0 errors: {Verdict(submitPass)}; (c) close of {options.CloseRespondents} max {closeSorted[^1]:0.0} ms < 200 ms: {Verdict(closePass)}
            """));
        return readPass && submitPass && closePass && seedSubmissionFailures == 0 ? 0 : 1;
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1))];
}

internal sealed record SelfAssessmentBenchOptions(
    string Url, string SigningKey, int? Jst, int SeedConcurrency, int Readers, int WarmupSeconds, int ReadSeconds,
    int SubmitJst, int Invitations, int SubmitSeconds, int CloseRounds, int CloseRespondents)
{
    public static SelfAssessmentBenchOptions Parse(string[] args)
    {
        string? Get(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int Number(string name, int fallback) => Get(name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
        return new SelfAssessmentBenchOptions(
            Get("--url") ?? "http://127.0.0.1:5090",
            Get("--signing-key") ?? Environment.GetEnvironmentVariable("Auth__DevelopmentSigningKey") ?? "",
            Get("--jst") is { } jst ? int.Parse(jst, CultureInfo.InvariantCulture) : null,
            Number("--seed-concurrency", 24), Number("--readers", 50), Number("--warmup-seconds", 5), Number("--read-seconds", 20),
            Number("--submit-jst", 50), Number("--invitations", 20), Number("--submit-seconds", 60),
            Number("--close-rounds", 10), Number("--close-respondents", 50));
    }
}
