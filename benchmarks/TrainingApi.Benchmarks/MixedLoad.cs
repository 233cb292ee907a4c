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
/// Everything the API does in a busy week, at once, in cycles of fixed work: a recruitment burst (a new first-come
/// recruitment, every distinct JST applying once), a partner's comment ingest (batches of 500, Idempotency-Key, ZMP's API
/// key), exports built per request (the consultation report as XLSX and as CSV, a draft release's ZIP) and public reads
/// (the latest release, a published release's ZIP, register searches). A cycle ends when all four parts are done, so "the
/// load so far" is a count of cycles, and the time a cycle takes is its throughput. Samples the API's resident memory (and
/// its GC, when it serves /metrics) every few seconds. Started by scripts/soak.sh and scripts/memory-limit.sh.
/// </summary>
internal static class MixedLoad
{
    private static readonly string[] Kinds = ["reads", "applications", "comment batches", "exports"];
    private static readonly string[] Searches = ["lod", "war", "kra", "gda", "poz", "wro"];

    public static async Task<int> RunAsync(string[] args)
    {
        var options = MixedLoadOptions.Parse(args);
        if (options.ProbeMemory)
        {
            // Run inside the API's memory limit: the runtime reads the limit the same way in any process.
            var info = GC.GetGCMemoryInfo();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"runtime sees: memory available to the GC {ApiMemory.Mb(info.TotalAvailableMemoryBytes)} MB (server GC: {System.Runtime.GCSettings.IsServerGC}, heap hard limit: {AppContext.GetData("GCHeapHardLimit") ?? "default"})"));
            return 0;
        }

        var key = new SymmetricSecurityKey(Convert.FromBase64String(options.SigningKey));
        string Token(string role, string? teryt = null) =>
            DevelopmentTokens.Create(key, "trainingapi", role, teryt is null ? "bench-team" : "bench-" + teryt, teryt, TimeSpan.FromHours(12), DateTimeOffset.UtcNow);
        var team = new AuthenticationHeaderValue("Bearer", Token(Roles.ProgrammeTeam));
        using var http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = options.Clients + options.ReadConnections + 4, UseCookies = false, AutomaticDecompression = DecompressionMethods.None,
        })
        {
            BaseAddress = new Uri(options.Url),
            Timeout = TimeSpan.FromSeconds(120),
        };

        var setupClock = Stopwatch.StartNew();
        var fixtures = await MixedLoadFixtures.CreateAsync(http, key, team);
        var units = JstRegister.All.Where(j => j.SameJstAs is null).Select(j => j.Teryt).Order(StringComparer.Ordinal).ToList();
        var coordinators = units.Select(t => new AuthenticationHeaderValue("Bearer", Token(Roles.JstCoordinator, t))).ToArray();
        var reads = new[]
        {
            "/api/v1/catalogue/releases/latest", $"/api/v1/catalogue/releases/{fixtures.PublishedRelease}/files/zip",
        }.Concat(Searches.Select(s => $"/api/v1/jst?name={s}")).ToArray();
        var exports = new[]
        {
            $"/api/v1/consultation-rounds/{fixtures.ReportRound}/report?format=xlsx", $"/api/v1/consultation-rounds/{fixtures.ReportRound}/report?format=csv-excel-pl",
            $"/api/v1/releases/{fixtures.DraftRelease}/files/zip",
        };
        var done = new long[Kinds.Length];
        long unexpected = 0;
        var gcAtStart = await ApiMemory.GcAsync(http);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            set-up                 {setupClock.Elapsed.TotalSeconds:0.0} s (a published release with a round of 200 comments, a draft release, an open round, a recruitable version)
            one cycle, all at once a recruitment with {units.Count} applications from {options.Clients} clients; {options.IngestBatches} batches of {options.BatchSize} comments from ZMP's key, one after another;
                                   {options.ExportRounds} × (report XLSX, report CSV, draft release ZIP) one after another; {options.Reads} public reads (latest, ZIP, JST search) on {options.ReadConnections} connections
            API memory at start    RSS {ApiMemory.Mb(ApiMemory.Status(options.ApiPid, "VmRSS"))} MB{(gcAtStart is null ? ", GC figures: the API serves no /metrics" : ", " + gcAtStart)}
            """));

        async Task<bool> SendAsync(Func<HttpRequestMessage> make, HttpStatusCode expected, int kind)
        {
            using var request = make();
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            await response.Content.CopyToAsync(Stream.Null);
            if (response.StatusCode != expected)
            {
                if (Interlocked.Increment(ref unexpected) <= 5)
                {
                    Console.WriteLine($"unexpected {(int)response.StatusCode} for {request.Method} {request.RequestUri}");
                }

                return false;
            }

            Interlocked.Increment(ref done[kind]);
            return true;
        }

        async Task<TimeSpan> RecruitmentAsync(int cycle)
        {
            using var open = new HttpRequestMessage(HttpMethod.Post, "/api/v1/recruitments")
            {
                Content = JsonContent.Create(new
                {
                    title = $"Nabór — obciążenie mieszane {cycle}", opensAt = DateTimeOffset.UtcNow.AddMinutes(-1), closesAt = DateTimeOffset.UtcNow.AddHours(1),
                    capacity = 50, maxParticipantsPerJst = 3, rodoClauseVersion = "RODO-BENCH",
                    eligibleKinds = new[] { "wojewodztwo", "powiat", "miasto-na-prawach-powiatu", "gmina-miejska", "gmina-wiejska", "gmina-miejsko-wiejska" },
                    programmeVersionId = fixtures.RecruitmentVersion,
                }),
            };
            open.Headers.Authorization = team;
            using var opened = await http.SendAsync(open);
            var recruitment = JsonDocument.Parse(await opened.EnsureSuccessStatusCode().Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
            var clock = Stopwatch.StartNew();
            var next = -1;
            await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(async _ =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < coordinators.Length)
                {
                    var coordinator = coordinators[i];
                    await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, $"/api/v1/recruitments/{recruitment}/applications")
                    {
                        Content = new StringContent(MixedLoadBodies.Application, Encoding.UTF8, "application/json"),
                        Headers = { Authorization = coordinator },
                    }, HttpStatusCode.Created, 1);
                }
            }));
            return clock.Elapsed;
        }

        async Task<TimeSpan> IngestAsync(int cycle)
        {
            var clock = Stopwatch.StartNew();
            for (var b = 0; b < options.IngestBatches; b++)
            {
                var reference = $"ZMP/MIXED/{fixtures.IngestRound[^12..]}/{cycle}/{b}";
                var body = JsonSerializer.Serialize(MixedLoadBodies.Comments(reference, options.BatchSize));
                await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, $"/api/v1/consultation-rounds/{fixtures.IngestRound}/submissions")
                {
                    Content = new StringContent(body, Encoding.UTF8, "application/json"),
                    Headers = { { "X-Api-Key", fixtures.PartnerKey }, { "Idempotency-Key", reference } },
                }, HttpStatusCode.Created, 2);
            }

            return clock.Elapsed;
        }

        async Task<TimeSpan> ExportsAsync()
        {
            var clock = Stopwatch.StartNew();
            for (var r = 0; r < options.ExportRounds; r++)
            {
                foreach (var path in exports)
                {
                    await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, path) { Headers = { Authorization = team } }, HttpStatusCode.OK, 3);
                }
            }

            return clock.Elapsed;
        }

        async Task<TimeSpan> ReadsAsync()
        {
            var clock = Stopwatch.StartNew();
            var next = -1;
            await Task.WhenAll(Enumerable.Range(0, options.ReadConnections).Select(async _ =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < options.Reads)
                {
                    var path = reads[i % reads.Length];
                    await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, path), HttpStatusCode.OK, 0);
                }
            }));
            return clock.Elapsed;
        }

        var run = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var samples = new List<string>();
        var sampler = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.SampleSeconds));
            try
            {
                while (await timer.WaitForNextTickAsync(stop.Token))
                {
                    var gc = await ApiMemory.GcAsync(http);
                    var line = string.Create(CultureInfo.InvariantCulture,
                        $"{run.Elapsed.TotalSeconds,5:0} s  RSS {ApiMemory.Mb(ApiMemory.Status(options.ApiPid, "VmRSS")),4} MB ({ApiMemory.Split(options.ApiPid)})  {(gc is null ? "" : gc + "  ")}done: {string.Join(", ", Kinds.Select((k, i) => $"{k} {Interlocked.Read(ref done[i])}"))}");
                    Console.WriteLine("sample " + line);
                }
            }
            catch (OperationCanceledException)
            {
            }
        });

        var cycles = new List<CycleResult>();
        var requestsPerCycle = options.Reads + units.Count + options.IngestBatches + options.ExportRounds * exports.Length;
        for (var cycle = 1; (options.Cycles is { } most ? cycle <= most : run.Elapsed.TotalSeconds < options.Seconds) || cycle <= 1; cycle++)
        {
            var clock = Stopwatch.StartNew();
            var parts = await Task.WhenAll(ReadsAsync(), RecruitmentAsync(cycle), IngestAsync(cycle), ExportsAsync());
            var elapsed = clock.Elapsed;
            var result = new CycleResult(cycle, run.Elapsed, elapsed, requestsPerCycle / elapsed.TotalSeconds,
                options.Reads / parts[0].TotalSeconds, units.Count / parts[1].TotalSeconds, options.IngestBatches * options.BatchSize / parts[2].TotalSeconds,
                options.ExportRounds * exports.Length / parts[3].TotalSeconds, ApiMemory.Status(options.ApiPid, "VmRSS"));
            cycles.Add(result);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"cycle {cycle,3} at {result.At.TotalSeconds,5:0} s  {elapsed.TotalSeconds,5:0.0} s  {result.RequestsPerSecond,6:0} req/s  (reads {result.Reads:0}/s, applications {result.Applications:0}/s, comments {result.Comments:0}/s, exports {result.Exports:0.0}/s)  RSS {ApiMemory.Mb(result.Rss)} MB"));
        }

        await stop.CancelAsync();
        await sampler;
        var gcAtEnd = await ApiMemory.GcAsync(http);
        return Summarise(options, units.Count, cycles, Interlocked.Read(ref unexpected), gcAtStart, gcAtEnd, run.Elapsed);
    }

    private static int Summarise(MixedLoadOptions options, int applications, List<CycleResult> cycles, long unexpected, GcFigures? gcAtStart, GcFigures? gcAtEnd, TimeSpan elapsed)
    {
        static double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
        }

        // Warm: the second half of the cycles (the first ones run below the final tier of compiled code).
        var warm = cycles.Skip(cycles.Count / 2).ToList();
        var warmRate = Median(warm.Select(c => c.RequestsPerSecond));
        var first = cycles[0];
        var tenth = cycles.Count >= 10 ? cycles[9] : null;
        var last = cycles[^1];
        var third = Math.Max(1, cycles.Count / 3);
        var growth = tenth is null ? (double?)null : (double)tenth.Rss / first.Rss;
        var peak = ApiMemory.Status(options.ApiPid, "VmHWM");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""

            cycles                 {cycles.Count} in {elapsed.TotalSeconds:0} s ({options.Reads} reads, {applications} applications, {options.IngestBatches * options.BatchSize} comments, {options.ExportRounds * 3} exports each)
            RSS after 1x (cycle 1) {ApiMemory.Mb(first.Rss)} MB
            RSS after 10x          {(tenth is null ? "not reached (fewer than 10 cycles: run longer)" : ApiMemory.Mb(tenth.Rss) + " MB")}
            growth 10x / 1x        {(growth is { } g ? $"{g:0.000} (target ≤ 1.10) {(g <= 1.10 ? "PASS" : "FAIL")}" : "—")}
            RSS after the last     {ApiMemory.Mb(last.Rss)} MB after cycle {last.Number} ({(double)last.Rss / first.Rss:0.000} of 1x; {ApiMemory.Split(options.ApiPid)}); peak (VmHWM) {ApiMemory.Mb(peak)} MB
            GC at start / end      {gcAtStart?.ToString() ?? "—"} / {gcAtEnd?.ToString() ?? "—"}
            throughput per cycle   {string.Join(" ", cycles.Select(c => c.RequestsPerSecond.ToString("0", CultureInfo.InvariantCulture)))} req/s
            drift                  first third {Median(cycles.Take(third).Select(c => c.RequestsPerSecond)):0} req/s, last third {Median(cycles.TakeLast(third).Select(c => c.RequestsPerSecond)):0} req/s
            warm throughput        {warmRate:0} req/s (median of cycles {warm[0].Number}–{last.Number}); reads {Median(warm.Select(c => c.Reads)):0}/s, applications {Median(warm.Select(c => c.Applications)):0}/s, comments {Median(warm.Select(c => c.Comments)):0}/s, exports {Median(warm.Select(c => c.Exports)):0.0}/s
            unexpected answers     {unexpected}
            result warm-rps {warmRate:0.0} rss-1x-mb {ApiMemory.Mb(first.Rss)} rss-10x-mb {(tenth is null ? "-" : ApiMemory.Mb(tenth.Rss))} peak-rss-mb {ApiMemory.Mb(peak)} gen2 {gcAtEnd?.Gen2.ToString(CultureInfo.InvariantCulture) ?? "-"} cycles {cycles.Count}
            """));
        return unexpected == 0 && (growth is null || growth <= 1.10) ? 0 : 1;
    }

    private sealed record CycleResult(int Number, TimeSpan At, TimeSpan Elapsed, double RequestsPerSecond, double Reads, double Applications, double Comments, double Exports, long Rss);
}

internal sealed record MixedLoadOptions(
    string Url, string SigningKey, int? ApiPid, double Seconds, int? Cycles, int Clients, int ReadConnections, int Reads, int IngestBatches, int BatchSize,
    int ExportRounds, double SampleSeconds, bool ProbeMemory)
{
    public static MixedLoadOptions Parse(string[] args)
    {
        string? Get(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int Number(string name, int fallback) => Get(name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
        return new MixedLoadOptions(
            Get("--url") ?? "http://127.0.0.1:5090",
            Get("--signing-key") ?? Environment.GetEnvironmentVariable("Auth__DevelopmentSigningKey") ?? "",
            Get("--api-pid") is { } pid ? int.Parse(pid, CultureInfo.InvariantCulture) : null,
            double.Parse(Get("--seconds") ?? "600", CultureInfo.InvariantCulture),
            Get("--cycles") is { } cycles ? int.Parse(cycles, CultureInfo.InvariantCulture) : null,
            Number("--clients", 32), Number("--read-connections", 8), Number("--reads", 20_000), Number("--ingest-batches", 10), Number("--batch", 500),
            Number("--export-rounds", 4), double.Parse(Get("--sample-seconds") ?? "10", CultureInfo.InvariantCulture), args.Contains("--probe-memory"));
    }
}
