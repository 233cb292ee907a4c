using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;
using TrainingApi.Common.Security;

namespace TrainingApi.Benchmarks;

/// <summary>
/// Public and team reads of a running API against the platform: a bare Kestrel process of this benchmark answering the same
/// bytes from memory (the comment page: raw Npgsql running the same SQL). Alternating A/B rounds per request kind, the median
/// of each side, and their ratio, as a markdown table. Started by scripts/bench-reads.sh, which also measures start-up and RSS.
/// </summary>
internal static class ReadsBenchmark
{
    private sealed record Scenario(string Name, string ApiPath, string BarePath, HttpStatusCode Expected, string? IfNoneMatch, bool Team, double Target, string Versus);

    public static async Task<int> RunAsync(string[] args)
    {
        string? Get(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var url = Get("--url") ?? "http://127.0.0.1:5090";
        var bareUrl = Get("--bare-url") ?? "http://127.0.0.1:56191";
        var db = Get("--db") ?? throw new ArgumentException("--db (the API's database, for the raw Npgsql side) is required");
        var seconds = double.Parse(Get("--seconds") ?? "2", CultureInfo.InvariantCulture);
        var rounds = int.Parse(Get("--rounds") ?? "5", CultureInfo.InvariantCulture);
        var connections = int.Parse(Get("--connections") ?? "32", CultureInfo.InvariantCulture);
        // For CPU per request: the API's pid and the cluster's folder (the bare process is this benchmark's own child).
        var apiPid = Get("--api-pid") is { } pid ? int.Parse(pid, CultureInfo.InvariantCulture) : (int?)null;
        var postmaster = ProcessCpu.Postmaster(Get("--pg-data"));
        var key = new SymmetricSecurityKey(Convert.FromBase64String(Get("--signing-key") ?? ""));
        var team = new AuthenticationHeaderValue("Bearer",
            DevelopmentTokens.Create(key, "trainingapi", Roles.ProgrammeTeam, "bench-team", null, TimeSpan.FromHours(2), DateTimeOffset.UtcNow));
        using var setup = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(120) };

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

            using var response = await setup.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            return response.IsSuccessStatusCode ? JsonDocument.Parse(text).RootElement.Clone() : throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {text}");
        }

        // A published release (3 modules of 4 units), and a consultation round with 200 comments.
        var programme = (await SendAsync(HttpMethod.Post, "/api/v1/programmes", new { title = "Program — test odczytów" })).GetProperty("id").GetString();
        var version = (await SendAsync(HttpMethod.Post, $"/api/v1/programmes/{programme}/versions", new { label = "1.0" })).GetProperty("id").GetString();
        var paragraph = string.Join(' ', Enumerable.Repeat("Samorząd planuje zakupy sprzętu i szkolenia nauczycieli razem z dyrektorami szkół.", 6));
        for (var m = 1; m <= 3; m++)
        {
            await SendAsync(HttpMethod.Post, $"/api/v1/versions/{version}/sections", new { anchor = $"modul-{m}", kind = "module", title = $"Moduł {m}", markdown = paragraph });
            for (var u = 1; u <= 4; u++)
            {
                await SendAsync(HttpMethod.Post, $"/api/v1/versions/{version}/sections", new
                {
                    anchor = $"modul-{m}-{u}", parentAnchor = $"modul-{m}", kind = "unit", title = $"Jednostka {m}.{u}", hours = 2, markdown = paragraph,
                });
            }
        }

        await SendAsync(HttpMethod.Post, $"/api/v1/versions/{version}/sections", new { anchor = "wytyczne", kind = "advisory-guideline", title = "Wytyczne", markdown = paragraph });
        // A diagram for the public asset read: a 1200×800 PNG, about what an expert uploads.
        using (var upload = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/versions/{version}/assets/schemat.png") { Content = new ByteArrayContent(Diagram(1200, 800)) })
        {
            upload.Headers.Authorization = team;
            (await setup.SendAsync(upload)).EnsureSuccessStatusCode();
        }

        await SendAsync(HttpMethod.Post, $"/api/v1/versions/{version}/sections", new
        {
            anchor = "schemat", kind = "annex", title = "Schemat sieci", markdown = "![Schemat sieci szkolnej z routerem i punktami dostępowymi](assets/schemat.png)",
        });
        foreach (var to in new[] { "in-review", "accessible", "in-consultation" })
        {
            await SendAsync(HttpMethod.Post, $"/api/v1/versions/{version}/transitions", new { to, reason = "Test odczytów." });
        }

        var round = (await SendAsync(HttpMethod.Post, "/api/v1/consultation-rounds", new
        {
            versionId = version, title = "Konsultacje — test odczytów", opensAt = DateTimeOffset.UtcNow.AddMinutes(-1), closesAt = DateTimeOffset.UtcNow.AddHours(1),
        })).GetProperty("id").GetString()!;
        var apiKey = (await SendAsync(HttpMethod.Post, "/api/v1/organisations/0190a0b0-0000-7000-8000-000000000001/api-keys", new { name = "reads" }))
            .GetProperty("secret").GetString()!;
        for (var batch = 0; batch < 4; batch++)
        {
            await SendAsync(HttpMethod.Post, $"/api/v1/consultation-rounds/{round}/submissions", new
            {
                externalReference = $"ZMP/READS/{round[^12..]}/{batch}", // unique per run, so the benchmark reruns against one database
                comments = Enumerable.Range(0, 50).Select(i => new
                {
                    anchor = $"modul-{1 + (i % 3)}", quote = "Samorząd opracowuje politykę bezpieczeństwa informacji dla wszystkich prowadzonych szkół.",
                    content = $"Uwaga {batch}-{i}: moduł nie wskazuje, kto w jednostce samorządu odpowiada za cyberbezpieczeństwo szkół.",
                    proposedChange = "Dodać jednostkę o podziale ról między JST, centrum usług wspólnych i dyrektorów szkół.",
                    justification = "W małych gminach szkoły nie mają własnych informatyków.", memberJst = i % 3 == 0 ? "1465011" : null,
                }),
            }, apiKey);
        }

        foreach (var to in new[] { "revised", "in-pilot" })
        {
            await SendAsync(HttpMethod.Post, $"/api/v1/versions/{version}/transitions", new { to, reason = "Test odczytów." });
        }

        await BenchPilot.RunAsync(setup, key, (method, path, body) => SendAsync(method, path, body), version!, 3);
        await SendAsync(HttpMethod.Post, $"/api/v1/versions/{version}/transitions", new { to = "tested", reason = "Test odczytów." });

        var release = (await SendAsync(HttpMethod.Post, "/api/v1/releases", new
        {
            versionId = version, semanticVersion = "1.0.0", title = "Wydanie — test odczytów", reasons = new[] { "initial" }, notes = "Test odczytów.",
        })).GetProperty("id").GetString();
        await SendAsync(HttpMethod.Post, $"/api/v1/releases/{release}/publication", null);

        // The bare side answers the very bytes the API answers.
        var folder = Directory.CreateTempSubdirectory("trainingapi-reads-").FullName;
        var latestResponse = await setup.GetAsync("/api/v1/catalogue/releases/latest");
        await File.WriteAllBytesAsync(Path.Combine(folder, "latest.json"), await latestResponse.EnsureSuccessStatusCode().Content.ReadAsByteArrayAsync());
        var latestTag = latestResponse.Headers.ETag!.ToString();
        await File.WriteAllTextAsync(Path.Combine(folder, "latest.etag"), latestTag);
        await File.WriteAllBytesAsync(Path.Combine(folder, "release.zip"), await setup.GetByteArrayAsync($"/api/v1/catalogue/releases/{release}/files/zip"));
        await File.WriteAllBytesAsync(Path.Combine(folder, "jst.json"), await setup.GetByteArrayAsync("/api/v1/jst?name=lod"));
        var assetPath = $"/api/v1/catalogue/releases/{release}/pages/assets/schemat.png";
        await File.WriteAllBytesAsync(Path.Combine(folder, "asset.png"), await setup.GetByteArrayAsync(assetPath));
        await File.WriteAllBytesAsync(Path.Combine(folder, "live.json"), await setup.GetByteArrayAsync("/health/live"));
        await File.WriteAllBytesAsync(Path.Combine(folder, "dcat.ttl"), await setup.GetByteArrayAsync("/api/v1/catalogue/dcat"));

        var scenarios = new Scenario[]
        {
            new("`GET /catalogue/releases/latest` (200)", "/api/v1/catalogue/releases/latest", "/latest", HttpStatusCode.OK, null, false, 0.70, "bare Kestrel"),
            new("same with current `If-None-Match` (304)", "/api/v1/catalogue/releases/latest", "/latest-304", HttpStatusCode.NotModified, latestTag, false, 0.85, "bare Kestrel"),
            new("`GET /catalogue/releases/{id}/files/zip`", $"/api/v1/catalogue/releases/{release}/files/zip", "/zip", HttpStatusCode.OK, null, false, 0.60, "bare Kestrel"),
            new("`GET /catalogue/releases/{id}/pages/assets/schemat.png`", assetPath, "/asset", HttpStatusCode.OK, null, false, 0.60, "bare Kestrel"),
            new("`GET /catalogue/dcat` (DCAT-AP, Turtle)", "/api/v1/catalogue/dcat", "/dcat", HttpStatusCode.OK, null, false, 0.60, "bare Kestrel"),
            new("`GET /jst?name=lod` (register search)", "/api/v1/jst?name=lod", "/jst", HttpStatusCode.OK, null, false, 0.50, "bare Kestrel"),
            new("`GET /health/live`", "/health/live", "/live", HttpStatusCode.OK, null, false, 0.60, "bare Kestrel"),
            new("team `GET …/comments?limit=20`", $"/api/v1/consultation-rounds/{round}/comments?limit=20", "/comments", HttpStatusCode.OK, null, true, 0.75, "raw Npgsql"),
        };

        // ...and the same headers: everything the API sends but what Kestrel writes itself, so both sides put the same bytes on
        // the wire (the bare side once sent only Date and ETag, about 150 bytes less per answer than the API; docs/performance.md).
        var headers = new Dictionary<string, Dictionary<string, string>>();
        foreach (var scenario in scenarios)
        {
            using var response = await setup.SendAsync(Request(scenario, scenario.ApiPath, team));
            headers[scenario.BarePath] = response.Headers.NonValidated.Concat(response.Content.Headers.NonValidated)
                .Where(h => !KestrelWrites.Contains(h.Key))
                .ToDictionary(h => h.Key, h => h.Value.ToString());
        }

        await File.WriteAllTextAsync(Path.Combine(folder, "headers.json"), JsonSerializer.Serialize(headers));

        using var bare = Process.Start(new ProcessStartInfo("dotnet")
        {
            ArgumentList = { typeof(ReadsBenchmark).Assembly.Location, "bare", "--url", bareUrl, "--bytes", folder, "--round", round, "--db", db },
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            Environment = { ["DOTNET_TieredPGO"] = "1", ["DOTNET_gcServer"] = "0" },
        })!;
        try
        {
            using var probe = new HttpClient { BaseAddress = new Uri(bareUrl) };
            for (var i = 0; ; i++)
            {
                try
                {
                    (await probe.GetAsync("/live")).EnsureSuccessStatusCode();
                    break;
                }
                catch (HttpRequestException) when (i < 200)
                {
                    await Task.Delay(50);
                }
            }

            if (Get("--only") is { } only)
            {
                scenarios = [.. scenarios.Where(s => s.Name.Contains(only, StringComparison.OrdinalIgnoreCase))];
            }

            var sizes = new Dictionary<string, long>
            {
                ["/latest"] = new FileInfo(Path.Combine(folder, "latest.json")).Length, ["/latest-304"] = 0,
                ["/zip"] = new FileInfo(Path.Combine(folder, "release.zip")).Length, ["/jst"] = new FileInfo(Path.Combine(folder, "jst.json")).Length,
                ["/live"] = new FileInfo(Path.Combine(folder, "live.json")).Length, ["/asset"] = new FileInfo(Path.Combine(folder, "asset.png")).Length,
            };
            using var apiClient = LoadClient(url, connections);
            using var bareClient = LoadClient(bareUrl, connections);
            var duration = TimeSpan.FromSeconds(seconds);
            // Both processes and the client past their first tier of compiled code before anything is measured.
            foreach (var scenario in scenarios)
            {
                await RateAsync(apiClient, () => Request(scenario, scenario.ApiPath, team), scenario.Expected, TimeSpan.FromSeconds(1), connections);
                await RateAsync(bareClient, () => Request(scenario, scenario.BarePath, team), scenario.Expected, TimeSpan.FromSeconds(1), connections);
            }

            var lines = new List<string>();
            var total = Stopwatch.StartNew();
            foreach (var scenario in scenarios)
            {
                HttpRequestMessage Make(string path) => Request(scenario, path, team);

                // Warm both sides, then alternate which goes first in each round.
                await RateAsync(apiClient, () => Make(scenario.ApiPath), scenario.Expected, TimeSpan.FromSeconds(1), connections);
                await RateAsync(bareClient, () => Make(scenario.BarePath), scenario.Expected, TimeSpan.FromSeconds(1), connections);
                var apiRates = new List<double>();
                var bareRates = new List<double>();
                long wrong = 0;
                // CPU of each side's server and of PostgreSQL, summed over that side's measured rounds, and its requests.
                var (apiCpu, bareCpu) = (default(CpuReading), default(CpuReading));
                var (apiRequests, bareRequests) = (0L, 0L);
                for (var r = 0; r < rounds; r++)
                {
                    for (var side = 0; side < 2; side++)
                    {
                        var onApi = (r + side) % 2 == 0;
                        var before = CpuReading.Take(onApi ? apiPid : bare.Id, postmaster);
                        var (rate, bad, requests) = onApi
                            ? await RateAsync(apiClient, () => Make(scenario.ApiPath), scenario.Expected, duration, connections)
                            : await RateAsync(bareClient, () => Make(scenario.BarePath), scenario.Expected, duration, connections);
                        var used = CpuReading.Take(onApi ? apiPid : bare.Id, postmaster) - before;
                        if (onApi)
                        {
                            (apiCpu, apiRequests) = (apiCpu + used, apiRequests + requests);
                        }
                        else
                        {
                            (bareCpu, bareRequests) = (bareCpu + used, bareRequests + requests);
                        }

                        (onApi ? apiRates : bareRates).Add(rate);
                        wrong += bad;
                    }
                }

                var apiPer = apiCpu.Per(apiRequests);
                var barePer = bareCpu.Per(bareRequests);
                var database = scenario.Versus == "raw Npgsql" ? $"{apiPer.Database:0.000} / {barePer.Database:0.000}" : $"{apiPer.Database:0.000}";

                var api = Median(apiRates);
                var platform = Median(bareRates);
                var ratio = api / platform;
                var size = !sizes.TryGetValue(scenario.BarePath, out var bytes) ? "20 rows" : bytes < 1024 ? $"{bytes} B" : $"{bytes / 1024.0:0.0} KB";
                lines.Add(string.Create(CultureInfo.InvariantCulture,
                    $"| {scenario.Name} | {size} | {api,9:N0} | {platform,9:N0} ({scenario.Versus}) | **{ratio:0.00}** | ≥ {scenario.Target:0.00} {(ratio >= scenario.Target ? "✓" : "✗")} " +
                    $"| {apiPer.Server:0.000} / {barePer.Server:0.000} ({apiPer.Server / barePer.Server:0.0}×) | {database} |{(wrong > 0 ? $" {wrong} unexpected answers!" : "")}"));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""

                | request | size | API req/s | platform req/s | ratio | target | CPU ms/request API / platform | PostgreSQL CPU ms/request API (/ raw) |
                |---|---|---:|---:|---:|---|---:|---:|
                {string.Join("\n", lines)}

                {rounds} alternating rounds of {seconds:0.#} s per side and request (median of each side), {connections} keep-alive connections, HTTP/1.1, client on the same machine; {total.Elapsed.TotalSeconds:0} s.
                CPU from /proc, summed over each side's measured rounds and divided by its requests: the API process against the bare process (which also runs the raw Npgsql side); PostgreSQL is the whole cluster (postmaster and backends).
                """));
            if (Get("--only") is null)
            {
                Console.WriteLine(await RegisterSearchBenchmark.RunAsync(db, 2000));
            }
        }
        finally
        {
            bare.Kill(entireProcessTree: true);
            Directory.Delete(folder, recursive: true);
        }

        return 0;
    }

    /// <summary>Response headers the bare server's Kestrel writes on its own (or, for Content-Type, from its own call).</summary>
    private static readonly HashSet<string> KestrelWrites = new(StringComparer.OrdinalIgnoreCase)
    {
        "Date", "Server", "Content-Length", "Content-Type", "Transfer-Encoding", "Connection", "Keep-Alive",
    };

    private static HttpRequestMessage Request(Scenario scenario, string path, AuthenticationHeaderValue team)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (scenario.IfNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", scenario.IfNoneMatch);
        }

        if (scenario.Team && path.StartsWith("/api", StringComparison.Ordinal))
        {
            request.Headers.Authorization = team;
        }

        return request;
    }

    private static HttpClient LoadClient(string baseUrl, int connections) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = connections, UseCookies = false, AutomaticDecompression = DecompressionMethods.None })
        {
            BaseAddress = new Uri(baseUrl),
            Timeout = TimeSpan.FromSeconds(30),
        };

    /// <summary>Requests per second answered with the expected status, by <paramref name="connections"/> loops for the duration; and all requests answered.</summary>
    private static async Task<(double Rate, long Wrong, long Requests)> RateAsync(
        HttpClient client, Func<HttpRequestMessage> make, HttpStatusCode expected, TimeSpan duration, int connections)
    {
        long done = 0, wrong = 0;
        var started = Stopwatch.GetTimestamp();
        var until = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async _ =>
        {
            await Task.Yield();
            while (Stopwatch.GetTimestamp() < until)
            {
                using var request = make();
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                await response.Content.CopyToAsync(Stream.Null);
                Interlocked.Increment(ref response.StatusCode == expected ? ref done : ref wrong);
            }
        }));
        return (done / Stopwatch.GetElapsedTime(started).TotalSeconds, wrong, done + wrong);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static byte[] Diagram(int width, int height)
    {
        using var surface = SkiaSharp.SKSurface.Create(new SkiaSharp.SKImageInfo(width, height));
        surface.Canvas.Clear(SkiaSharp.SKColors.White);
        using var ink = new SkiaSharp.SKPaint { Color = SkiaSharp.SKColors.SteelBlue, IsStroke = true, StrokeWidth = 6 };
        for (var i = 0; i < 12; i++)
        {
            surface.Canvas.DrawRect(40 + i * 90, 60 + (i % 4) * 170, 80, 120, ink);
        }

        using var image = surface.Snapshot();
        using var data = image.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
