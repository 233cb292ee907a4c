using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;
using Npgsql;
using TrainingApi.Common.Security;
using TrainingApi.Common.Security.ApiKeys;
using TrainingApi.Features.Consultations.Organisations;
using TrainingApi.Features.PilotEnrollment.Register;

namespace TrainingApi.Benchmarks;

/// <summary>
/// The checks of scripts/scale-out.sh, against API instances behind nginx on one PostgreSQL primary with a streaming
/// replica: the enrollment race, webhook deliveries while an instance is killed, catalogue reads from the replica, a publication
/// behind a lagging replica, and the partner rate limit across instances. Prints one line per check and a summary line; exits 1 when a check did not hold.
/// </summary>
internal static class ScaleOutChecks
{
    private const int Capacity = 50;
    private const int Applicants = 200;

    public static async Task<int> RunAsync(string[] args)
    {
        var o = Args(args);
        var key = new SymmetricSecurityKey(Convert.FromBase64String(o["signing-key"]));
        string Token(string role, string? teryt = null) =>
            DevelopmentTokens.Create(key, "trainingapi", role, teryt is null ? "scale-team" : "scale-" + teryt, teryt, TimeSpan.FromHours(1), DateTimeOffset.UtcNow);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = new Uri(o["url"]), Timeout = TimeSpan.FromSeconds(60) };
        var team = new AuthenticationHeaderValue("Bearer", Token(Roles.ProgrammeTeam));
        var results = new List<(string Name, bool Held, string Detail)>();

        // A receiver that answers slowly enough for deliveries to be in flight when an instance is killed.
        var receiver = new Receiver(int.Parse(o["receiver-port"], CultureInfo.InvariantCulture));
        var subscription = await SendAsync(http, HttpMethod.Post, "/api/v1/webhook-subscriptions", team, new
        {
            url = receiver.Url, eventTypes = new[] { "application.accepted", "application.waitlisted" }, description = "scale-out check",
        });

        // 1. The enrollment race through nginx: 200 JST at once, exactly 50 places, a gap-free waiting list.
        var version = await BenchPilot.PilotableVersionAsync((method, path, body) => SendAsync(http, method, path, team, body), "Program — test skalowania");
        var recruitment = await SendAsync(http, HttpMethod.Post, "/api/v1/recruitments", team, new
        {
            programmeVersionId = version,
            title = "Nabór: test skalowania", opensAt = DateTimeOffset.UtcNow.AddMinutes(-1), closesAt = DateTimeOffset.UtcNow.AddHours(1),
            capacity = Capacity, maxParticipantsPerJst = 3, rodoClauseVersion = "RODO-SCALE",
            eligibleKinds = new[] { "powiat", "miasto-na-prawach-powiatu", "gmina-miejska", "gmina-wiejska", "gmina-miejsko-wiejska" },
        });
        var recruitmentId = recruitment.GetProperty("id").GetString()!;
        var jst = JstRegister.All.Where(j => j.SameJstAs is null && j.Kind != JstKind.Wojewodztwo).Select(j => j.Teryt)
            .Order(StringComparer.Ordinal).Take(Applicants).ToList();
        var killPid = int.Parse(o["kill-pid"], CultureInfo.InvariantCulture);
        var watch = Stopwatch.StartNew();
        var answers = await Task.WhenAll(jst.Select(async teryt =>
        {
            using var apply = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/recruitments/{recruitmentId}/applications")
            {
                Content = JsonContent.Create(new
                {
                    rodoClauseVersion = "RODO-SCALE",
                    participants = new[] { new { name = "Uczestnik", position = "naczelnik", email = "uczestnik@example.pl", phone = (string?)null } },
                    questionnaire = new { schoolsRun = 10, hasDigitalStrategy = true, motivation = "Test skalowania." },
                }),
            };
            apply.Headers.Authorization = new("Bearer", Token(Roles.JstCoordinator, teryt));
            using var response = await http.SendAsync(apply);
            return response.IsSuccessStatusCode ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone() : (JsonElement?)null;
        }));
        var raceTime = watch.Elapsed;
        // Deliveries are under way (the receiver is slow on purpose): kill one instance in the middle of them.
        var killed = receiver.KillAfterAsync(receiver.Received + 10, killPid);
        var decided = answers.OfType<JsonElement>().ToList();
        var accepted = decided.Count(a => a.GetProperty("status").GetString() == "accepted");
        var positions = decided.Where(a => a.GetProperty("status").GetString() == "waitlisted").Select(a => a.GetProperty("waitlistPosition").GetInt32()).Order().ToList();
        var view = await SendAsync(http, HttpMethod.Get, $"/api/v1/recruitments/{recruitmentId}", team);
        var raceHeld = decided.Count == Applicants && accepted == Capacity && positions.SequenceEqual(Enumerable.Range(1, Applicants - Capacity))
                       && view.GetProperty("accepted").GetInt32() == Capacity;
        results.Add(("enrollment race", raceHeld,
            $"{Applicants} JST applied at once through nginx in {raceTime.TotalSeconds:0.0} s: {accepted} accepted, waiting list 1..{positions.LastOrDefault()} " +
            $"without gaps ({decided.Count} answered, recruitment counts {view.GetProperty("accepted").GetInt32()} accepted)"));

        // 2. Webhooks: every event delivered while one instance was killed mid-run; duplicates counted by webhook-id.
        var expected = Applicants;
        var deadline = DateTime.UtcNow.AddSeconds(int.Parse(o.GetValueOrDefault("webhook-wait", "90"), CultureInfo.InvariantCulture));
        while (receiver.Distinct < expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }

        var killedAt = await killed;
        // Delivery is at least once: an attempt cut off by the kill is sent again by another instance with the same webhook-id,
        // and the receiver (as docs/partner-integration.md asks) processes each webhook-id once.
        results.Add(("webhooks exactly once", receiver.Distinct == expected && killedAt is not null,
            $"{receiver.Distinct}/{expected} events processed once each (deduplicated by webhook-id; {receiver.Duplicates} redelivery(ies) of attempts " +
            $"cut off by the kill); instance pid {killPid} " + (killedAt is null ? "was NOT killed" : $"killed (SIGKILL) at delivery {killedAt}")));

        // 3. Catalogue reads from the replica: same answer as the primary holds, served over the read-only connection.
        await using (var primary = new NpgsqlConnection(o["primary"]))
        await using (var replica = new NpgsqlConnection(o["replica"]))
        {
            await primary.OpenAsync();
            await replica.OpenAsync();
            var published = await ScalarAsync<long>(primary, "SELECT count(*) FROM handover.releases WHERE status <> 'Draft'");
            var catalogue = await SendAsync(http, HttpMethod.Get, "/api/v1/catalogue/releases?limit=100", null);
            var readers = await ScalarAsync<long>(replica, "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'trainingapi-readonly'");
            var inRecovery = await ScalarAsync<bool>(replica, "SELECT pg_is_in_recovery()");
            // Staleness: how long a write on the primary takes to be visible on the replica.
            await ScalarAsync<int>(primary, "CREATE TABLE IF NOT EXISTS public.scale_out_probe (at timestamptz); INSERT INTO public.scale_out_probe VALUES (now()); SELECT 1");
            var lsn = await ScalarAsync<string>(primary, "SELECT pg_current_wal_lsn()::text");
            var lag = Stopwatch.StartNew();
            while (!await ScalarAsync<bool>(replica, $"SELECT pg_last_wal_replay_lsn() >= '{lsn}'::pg_lsn") && lag.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(5);
            }

            var listed = catalogue.GetProperty("items").GetArrayLength();
            results.Add(("catalogue from replica", inRecovery && readers > 0 && listed == published && published > 0,
                $"{listed} published release(s) listed through nginx = {published} on the primary; {readers} read-only connection(s) open on the replica " +
                $"(in recovery: {inRecovery}); a write became visible on the replica after {lag.Elapsed.TotalMilliseconds:0} ms"));
        }

        // 4. A publication behind a replica that applies commits seconds late: no instance serves the old latest afterwards.
        results.Add(await ScaleOutLaggingReplicaCheck.RunAsync(http, team, o["primary"], o["replica"]));

        // 5. The partner rate limit holds across instances: one key, requests spread over every instance by nginx.
        var limit = int.Parse(o["partner-limit"], CultureInfo.InvariantCulture);
        while (DateTime.UtcNow.Second > 40)
        {
            await Task.Delay(500); // all requests in one minute window
        }

        var issued = await SendAsync(http, HttpMethod.Post, $"/api/v1/organisations/{SeededOrganisations.Zmp}/api-keys", team, new { name = "scale-out" });
        var secret = issued.GetProperty("secret").GetString()!;
        var statuses = await Task.WhenAll(Enumerable.Range(0, limit + 30).Select(async _ =>
        {
            using var get = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/organisations/{SeededOrganisations.Zmp}");
            get.Headers.Add(ApiKeySecret.Header, secret);
            using var response = await http.SendAsync(get);
            return (response.StatusCode, Instance: response.Headers.TryGetValues("X-Upstream", out var up) ? up.Single() : "?");
        }));
        var ok = statuses.Count(s => s.StatusCode == HttpStatusCode.OK);
        var refused = statuses.Count(s => s.StatusCode == HttpStatusCode.TooManyRequests);
        var instances = statuses.Select(s => s.Instance).Distinct().Count();
        results.Add(("partner rate limit", ok == limit && refused == 30,
            $"{limit + 30} requests with one key over {instances} instance(s): {ok} OK, {refused} refused with 429 (limit {limit}/min)"));

        receiver.Dispose();
        foreach (var (name, held, detail) in results)
        {
            Console.WriteLine($"{(held ? "held  " : "FAILED")} {name}: {detail}");
        }

        Console.WriteLine($"scale-out: {results.Count(r => r.Held)}/{results.Count} checks held");
        return results.All(r => r.Held) ? 0 : 1;
    }

    internal static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    internal static async Task<JsonElement> SendAsync(HttpClient http, HttpMethod method, string path, AuthenticationHeaderValue? auth, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = auth;
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {text}");
        }

        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static Dictionary<string, string> Args(string[] args)
    {
        var map = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            map[args[i].TrimStart('-')] = args[i + 1];
        }

        return map;
    }

    /// <summary>Counts deliveries by webhook-id; answers each after a short pause; kills an instance after the n-th.</summary>
    private sealed class Receiver : IDisposable
    {
        private readonly HttpListener listener = new();
        private readonly ConcurrentDictionary<string, int> seen = new();
        private readonly TaskCompletionSource<int?> killed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int killAfter = int.MaxValue;
        private int killPid;
        private int received;

        public Receiver(int port)
        {
            Url = $"http://127.0.0.1:{port}/hooks/";
            listener.Prefixes.Add(Url);
            listener.Start();
            _ = Task.Run(LoopAsync);
        }

        public string Url { get; }

        public int Distinct => seen.Count;

        public int Received => Volatile.Read(ref received);

        public int Duplicates => seen.Values.Sum(v => v - 1);

        public Task<int?> KillAfterAsync(int deliveries, int pid)
        {
            killPid = pid;
            Volatile.Write(ref killAfter, deliveries);
            _ = Task.Delay(TimeSpan.FromSeconds(120)).ContinueWith(_ => killed.TrySetResult(null), TaskScheduler.Default);
            return killed.Task;
        }

        private async Task LoopAsync()
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await listener.GetContextAsync();
                }
                catch (Exception) when (!listener.IsListening)
                {
                    return;
                }

                _ = Task.Run(async () =>
                {
                    var id = context.Request.Headers["webhook-id"] ?? "?";
                    await Task.Delay(300);
                    seen.AddOrUpdate(id, 1, (_, n) => n + 1);
                    context.Response.StatusCode = 204;
                    context.Response.Close();
                    if (Interlocked.Increment(ref received) >= Volatile.Read(ref killAfter) && !killed.Task.IsCompleted)
                    {
                        try
                        {
                            if (killed.TrySetResult(Received))
                            {
                                Process.GetProcessById(killPid).Kill();
                            }
                        }
                        catch (Exception)
                        {
                            killed.TrySetResult(null);
                        }
                    }
                });
            }
        }

        public void Dispose() => listener.Close();
    }
}
