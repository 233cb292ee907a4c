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
using TrainingApi.Features.Consultations;

namespace TrainingApi.Benchmarks;

/// <summary>
/// ZMP's system sending comments, beside raw SQL: batches of B comments from one partner API key, one after another as a
/// partner system sends them (each with its own Idempotency-Key and reference), against the same batches written by a
/// loop in this process with Npgsql — one transaction per batch under the same per-organisation advisory lock the API
/// takes, the submission row inserted and the comments written with binary COPY (the columns of CommentCopy). API and
/// raw rounds alternate (the order flipped every round); the medians and their ratio are printed, with p50/p99 per
/// batch, CPU per comment of the API process, the PostgreSQL cluster and this process (from /proc), the stored count
/// of each side (which must be exact) and the API's resident memory after each API round. With --grow-to N the
/// comments table is filled with COPY (other organisations' submissions in the same round) to 0, N/4, N/2 and N rows,
/// and both sides are measured at each size. Started by scripts/bench-consultations.sh.
/// </summary>
internal static class ConsultationIngestBenchmark
{
    private const string Zmp = "0190a0b0-0000-7000-8000-000000000001";
    private static readonly Guid[] FillerOrganisations = [Guid.Parse("0190a0b0-0000-7000-8000-000000000002"), Guid.Parse("0190a0b0-0000-7000-8000-000000000003")];
    private static readonly string[] Anchors = ["modul-1", "modul-2", "modul-2-1", "modul-3", "wytyczne"];

    private const string Quote = "Samorząd opracowuje politykę bezpieczeństwa informacji dla wszystkich prowadzonych szkół.";
    private const string ProposedChange = "Dodać jednostkę o podziale ról między JST, centrum usług wspólnych i dyrektorów szkół, z przykładem dla małej gminy.";
    private const string Justification = "W małych gminach szkoły nie mają własnych informatyków, a zadania są rozproszone między urząd i placówki.";

    private static string Content(string tag) =>
        $"Uwaga {tag}: moduł nie wskazuje, kto w jednostce samorządu odpowiada za cyberbezpieczeństwo szkół i jak dzielić zadania z dyrektorami.";

    /// <summary>The columns CommentCopy writes (every mapped column of the comment but its row version), in its order.</summary>
    private const string CopyComments = """
        COPY consultations.comments (id, anchor, content, disposed_at, disposed_by, disposition, duplicate_of_id, fingerprint, justification,
            member_jst_name, member_jst_teryt, organisation_id, position, proposed_change, quote, response, round_id, submission_id, submitted_at,
            taken_in_at, taken_into_version_id, taken_into_version_label, updated_at) FROM STDIN (FORMAT BINARY)
        """;

    private const string InsertSubmission = """
        INSERT INTO consultations.submissions (id, round_id, organisation_id, external_reference, source, meeting_id, submitted_by, submitted_at,
            comment_count, duplicate_count, updated_at) VALUES ($1, $2, $3, $4, 'PartnerSystem', NULL, $5, $6, $7, 0, $6)
        """;

    private sealed record RawComment(string? Anchor, string Content, string? MemberTeryt, string? MemberName, byte[] Fingerprint);

    private sealed record Round(string Side, double Seconds, double[] Batches, CpuReading Cpu, long Rss);

    public static async Task<int> RunAsync(string[] args)
    {
        var options = IngestOptions.Parse(args);
        var load = File.ReadAllText("/proc/loadavg").Split(' ')[..3];
        var key = new SymmetricSecurityKey(Convert.FromBase64String(options.SigningKey));
        var team = new AuthenticationHeaderValue("Bearer",
            DevelopmentTokens.Create(key, "trainingapi", Roles.ProgrammeTeam, "bench-team", null, TimeSpan.FromHours(2), DateTimeOffset.UtcNow));
        using var http = new HttpClient { BaseAddress = new Uri(options.Url), Timeout = TimeSpan.FromSeconds(120) };

        async Task<JsonElement> SendAsync(HttpMethod method, string path, object? body)
        {
            using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
            request.Headers.Authorization = team;
            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            return response.IsSuccessStatusCode ? JsonDocument.Parse(text).RootElement.Clone() : throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {text}");
        }

        // A programme version in consultation with five anchors, and a round open for a day.
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

        var roundId = Guid.Parse((await SendAsync(HttpMethod.Post, "/api/v1/consultation-rounds", new
        {
            versionId = version, title = "Konsultacje — test obciążeniowy", opensAt = DateTimeOffset.UtcNow.AddMinutes(-1), closesAt = DateTimeOffset.UtcNow.AddDays(1),
        })).GetProperty("id").GetString()!);
        var apiKey = (await SendAsync(HttpMethod.Post, $"/api/v1/organisations/{Zmp}/api-keys", new { name = "benchmark" })).GetProperty("secret").GetString()!;
        var zmp = Guid.Parse(Zmp);

        await using var database = NpgsqlDataSource.Create(options.Database);
        var postmaster = ProcessCpu.Postmaster(options.PgData);
        var apiStatuses = new List<HttpStatusCode>();
        var batchNumber = 0;

        // API batches: realistic comments, a few hundred characters of Polish text each, every one different.
        string ApiBody(int batch) => JsonSerializer.Serialize(new
        {
            externalReference = $"ZMP/BENCH/{batch:00000}",
            comments = Enumerable.Range(0, options.BatchSize).Select(i => new
            {
                anchor = i % 7 == 0 ? null : Anchors[i % Anchors.Length],
                quote = Quote,
                content = Content($"{batch}-{i}"),
                proposedChange = ProposedChange,
                justification = Justification,
                memberJst = i % 3 == 0 ? "1465011" : null,
            }),
        });

        // Raw batches: the same comments as the API stores them (trimmed, the member JST resolved, the fingerprint computed),
        // prepared before the clock starts, as the API's bodies are.
        RawComment[] RawBatch(int batch) => [.. Enumerable.Range(0, options.BatchSize).Select(i =>
        {
            var anchor = i % 7 == 0 ? null : Anchors[i % Anchors.Length];
            var content = Content($"raw {batch}-{i}");
            return new RawComment(anchor, content, i % 3 == 0 ? "1465011" : null, i % 3 == 0 ? "Warszawa" : null,
                TrainingApi.Features.Consultations.Submissions.CommentFingerprint.Of(roundId, zmp, anchor, content, ProposedChange));
        })];

        async Task<double> PostAsync(int batch, string body)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/consultation-rounds/{roundId}/submissions")
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("X-Api-Key", apiKey);
            request.Headers.Add("Idempotency-Key", $"bench-{roundId}-{batch}");
            var started = Stopwatch.GetTimestamp();
            using var response = await http.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            apiStatuses.Add(response.StatusCode);
            return elapsed;
        }

        var lockText = ConsultationsModule.SubmissionLock(roundId, zmp).ToString();
        async Task<double> CopyAsync(int batch, RawComment[] rows)
        {
            var started = Stopwatch.GetTimestamp();
            await using var connection = await database.OpenConnectionAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            var now = DateTimeOffset.UtcNow;
            var submission = Guid.CreateVersion7(now);
            await using (var locking = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", connection, transaction))
            {
                locking.Parameters.Add(new NpgsqlParameter<string> { TypedValue = lockText });
                await locking.ExecuteNonQueryAsync();
            }

            await using (var insert = new NpgsqlCommand(InsertSubmission, connection, transaction))
            {
                insert.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = submission });
                insert.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = roundId });
                insert.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = zmp });
                insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = $"RAW/BENCH/{batch:00000}" });
                insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = "api-key:raw" });
                insert.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
                insert.Parameters.Add(new NpgsqlParameter<int> { TypedValue = rows.Length });
                await insert.ExecuteNonQueryAsync();
            }

            await WriteCommentsAsync(connection, roundId, zmp, [(submission, rows)], now);
            await transaction.CommitAsync();
            return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        // Warm-up (JIT, EF Core's caches, connection pools; both sides), to the same round, not measured.
        for (var w = 0; w < options.Warmup; w++)
        {
            var b = batchNumber++;
            await PostAsync(b, ApiBody(b));
            await CopyAsync(b, RawBatch(b));
        }

        if (apiStatuses.Any(s => s != HttpStatusCode.Created))
        {
            throw new InvalidOperationException($"A warm-up batch answered {(int)apiStatuses.First(s => s != HttpStatusCode.Created)}.");
        }

        var batches = options.Comments / options.BatchSize;
        async Task<Round> ApiRoundAsync()
        {
            var numbers = Enumerable.Range(batchNumber, batches).ToArray();
            batchNumber += batches;
            var bodies = numbers.Select(ApiBody).ToArray();
            var times = new double[batches];
            var before = CpuReading.Take(options.ApiPid, postmaster);
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < batches; i++)
            {
                times[i] = await PostAsync(numbers[i], bodies[i]);
            }

            var seconds = clock.Elapsed.TotalSeconds;
            return new Round("api", seconds, times, CpuReading.Take(options.ApiPid, postmaster) - before, ResidentBytes(options.ApiPid));
        }

        async Task<Round> RawRoundAsync()
        {
            var numbers = Enumerable.Range(batchNumber, batches).ToArray();
            batchNumber += batches;
            var rows = numbers.Select(RawBatch).ToArray();
            var times = new double[batches];
            var before = CpuReading.Take(null, postmaster);
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < batches; i++)
            {
                times[i] = await CopyAsync(numbers[i], rows[i]);
            }

            var seconds = clock.Elapsed.TotalSeconds;
            return new Round("raw", seconds, times, CpuReading.Take(null, postmaster) - before, 0);
        }

        var tableSize = await CountAsync(database, "SELECT count(*) FROM consultations.comments");
        var sizes = options.GrowTo > 0 ? new long[] { 0, options.GrowTo / 4, options.GrowTo / 2, options.GrowTo } : [0];
        var results = new List<(long Size, List<Round> Rounds, double FillSeconds)>();
        foreach (var size in sizes)
        {
            double fill = 0;
            if (size > tableSize)
            {
                var clock = Stopwatch.StartNew();
                await FillAsync(database, roundId, size - tableSize);
                fill = clock.Elapsed.TotalSeconds;
            }

            tableSize = await CountAsync(database, "SELECT count(*) FROM consultations.comments");
            var rounds = new List<Round>();
            for (var r = 0; r < options.Rounds; r++)
            {
                if (r % 2 == 0)
                {
                    rounds.Add(await ApiRoundAsync());
                    rounds.Add(await RawRoundAsync());
                }
                else
                {
                    rounds.Add(await RawRoundAsync());
                    rounds.Add(await ApiRoundAsync());
                }
            }

            results.Add((tableSize, rounds, fill));
            tableSize = await CountAsync(database, "SELECT count(*) FROM consultations.comments");
        }

        // Exactness: every batch of each side stored whole, nothing twice.
        var apiStored = await CountAsync(database,
            "SELECT count(*) FROM consultations.comments c JOIN consultations.submissions s ON s.id = c.submission_id WHERE s.external_reference LIKE 'ZMP/BENCH/%'");
        var rawStored = await CountAsync(database,
            "SELECT count(*) FROM consultations.comments c JOIN consultations.submissions s ON s.id = c.submission_id WHERE s.external_reference LIKE 'RAW/BENCH/%'");
        var expected = (long)(options.Warmup + (sizes.Length * options.Rounds * batches)) * options.BatchSize;
        var created = apiStatuses.Count(s => s == HttpStatusCode.Created);
        var exact = apiStored == expected && rawStored == expected && created == apiStatuses.Count;

        static double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        }

        static double Percentile(IEnumerable<double> values, double p)
        {
            var sorted = values.Order().ToArray();
            return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        }

        string F(double value, string format = "0") => value.ToString(format, CultureInfo.InvariantCulture);
        var perRound = batches * options.BatchSize;
        var loadAfter = File.ReadAllText("/proc/loadavg").Split(' ')[..3];
        Console.WriteLine($"load average           {string.Join(' ', load)} at the start, {string.Join(' ', loadAfter)} at the end");
        Console.WriteLine($"run                    {options.Rounds} API and {options.Rounds} raw rounds per table size, alternating, each {perRound} comments in {batches} batches of {options.BatchSize} from one sender, one after another; {options.Warmup} warm-up batches per side not measured");
        foreach (var (size, rounds, fill) in results)
        {
            var api = rounds.Where(r => r.Side == "api").ToList();
            var raw = rounds.Where(r => r.Side == "raw").ToList();
            var apiRate = Median(api.Select(r => perRound / r.Seconds));
            var rawRate = Median(raw.Select(r => perRound / r.Seconds));
            var apiCpu = api.Aggregate(default(CpuReading), (a, r) => new CpuReading(a.Server + r.Cpu.Server, a.Database + r.Cpu.Database, a.Client + r.Cpu.Client)).Per(perRound * api.Count);
            var rawCpu = raw.Aggregate(default(CpuReading), (a, r) => new CpuReading(a.Server + r.Cpu.Server, a.Database + r.Cpu.Database, a.Client + r.Cpu.Client)).Per(perRound * raw.Count);
            Console.WriteLine();
            Console.WriteLine($"comments in the table  {size:N0} before these rounds" + (fill > 0 ? $" (filled with COPY in {F(fill, "0.0")} s)" : ""));
            Console.WriteLine($"API comments/s         {F(apiRate)} (median; rounds: {string.Join(' ', api.Select(r => F(perRound / r.Seconds)))})");
            Console.WriteLine($"raw COPY comments/s    {F(rawRate)} (median; rounds: {string.Join(' ', raw.Select(r => F(perRound / r.Seconds)))})");
            Console.WriteLine($"API / raw              {F(apiRate / rawRate, "0.00")} (target >= 0.90)");
            Console.WriteLine($"per batch p50 / p99    API {F(Percentile(api.SelectMany(r => r.Batches), 0.5), "0.0")} / {F(Percentile(api.SelectMany(r => r.Batches), 0.99), "0.0")} ms, " +
                              $"raw {F(Percentile(raw.SelectMany(r => r.Batches), 0.5), "0.0")} / {F(Percentile(raw.SelectMany(r => r.Batches), 0.99), "0.0")} ms");
            Console.WriteLine($"CPU ms per comment     API: API process {F(apiCpu.Server, "0.000")}, PostgreSQL {F(apiCpu.Database, "0.000")}, load generator {F(apiCpu.Client, "0.000")}; " +
                              $"raw: PostgreSQL {F(rawCpu.Database, "0.000")}, raw loop (this process) {F(rawCpu.Client, "0.000")}");
            Console.WriteLine($"PostgreSQL CPU/batch   API {F(apiCpu.Database * options.BatchSize, "0.0")} ms, raw {F(rawCpu.Database * options.BatchSize, "0.0")} ms");
            Console.WriteLine($"API memory (RSS, MiB)  {(options.ApiPid is null ? "not measured (no --api-pid)" : string.Join(' ', api.Select(r => F(r.Rss / 1048576.0))))} after each API round");
        }

        Console.WriteLine();
        Console.WriteLine($"stored                 API {apiStored:N0}, raw {rawStored:N0} (each expected {expected:N0}, warm-up included); API answers 201: {created} of {apiStatuses.Count}");
        Console.WriteLine($"exact                  {(exact ? "yes" : "NO")}");
        return exact ? 0 : 1;
    }

    private static async Task<long> CountAsync(NpgsqlDataSource database, string sql)
    {
        await using var command = database.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>Comments with the submissions they belong to, written with binary COPY in the columns CommentCopy writes.</summary>
    private static async Task WriteCommentsAsync(NpgsqlConnection connection, Guid roundId, Guid organisationId, IReadOnlyList<(Guid Submission, RawComment[] Rows)> submissions, DateTimeOffset now)
    {
        await using var importer = await connection.BeginBinaryImportAsync(CopyComments);
        foreach (var (submission, rows) in submissions)
        {
            for (var i = 0; i < rows.Length; i++)
            {
                var c = rows[i];
                await importer.StartRowAsync();
                await importer.WriteAsync(Guid.CreateVersion7(now), NpgsqlTypes.NpgsqlDbType.Uuid);
                await WriteOrNullAsync(importer, c.Anchor);
                await importer.WriteAsync(c.Content, NpgsqlTypes.NpgsqlDbType.Varchar);
                await importer.WriteNullAsync();   // disposed_at
                await importer.WriteNullAsync();   // disposed_by
                await importer.WriteNullAsync();   // disposition
                await importer.WriteNullAsync();   // duplicate_of_id
                await importer.WriteAsync(c.Fingerprint, NpgsqlTypes.NpgsqlDbType.Bytea);
                await importer.WriteAsync(Justification, NpgsqlTypes.NpgsqlDbType.Varchar);
                await WriteOrNullAsync(importer, c.MemberName);
                await WriteOrNullAsync(importer, c.MemberTeryt);
                await importer.WriteAsync(organisationId, NpgsqlTypes.NpgsqlDbType.Uuid);
                await importer.WriteAsync(i + 1, NpgsqlTypes.NpgsqlDbType.Integer);
                await importer.WriteAsync(ProposedChange, NpgsqlTypes.NpgsqlDbType.Varchar);
                await importer.WriteAsync(Quote, NpgsqlTypes.NpgsqlDbType.Varchar);
                await importer.WriteNullAsync();   // response
                await importer.WriteAsync(roundId, NpgsqlTypes.NpgsqlDbType.Uuid);
                await importer.WriteAsync(submission, NpgsqlTypes.NpgsqlDbType.Uuid);
                await importer.WriteAsync(now, NpgsqlTypes.NpgsqlDbType.TimestampTz);
                await importer.WriteNullAsync();   // taken_in_at
                await importer.WriteNullAsync();   // taken_into_version_id
                await importer.WriteNullAsync();   // taken_into_version_label
                await importer.WriteAsync(now, NpgsqlTypes.NpgsqlDbType.TimestampTz);
            }
        }

        await importer.CompleteAsync();
    }

    private static Task WriteOrNullAsync(NpgsqlBinaryImporter importer, string? value) =>
        value is null ? importer.WriteNullAsync() : importer.WriteAsync(value, NpgsqlTypes.NpgsqlDbType.Varchar);

    /// <summary>
    /// Other organisations' submissions of 500 comments to the same round, in transactions of 100 submissions, until the
    /// table has <paramref name="count"/> more comments: realistic rows (the same sizes of text), each its own fingerprint.
    /// </summary>
    private static async Task FillAsync(NpgsqlDataSource database, Guid roundId, long count)
    {
        const int PerSubmission = 500;
        var written = 0L;
        var serial = 0;
        while (written < count)
        {
            await using var connection = await database.OpenConnectionAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            var now = DateTimeOffset.UtcNow;
            foreach (var organisation in FillerOrganisations)
            {
                var submissions = new List<(Guid, RawComment[])>();
                for (var s = 0; s < 50 && written < count; s++)
                {
                    var rows = (int)Math.Min(PerSubmission, count - written);
                    var id = Guid.CreateVersion7(now);
                    var tag = serial++;
                    submissions.Add((id, [.. Enumerable.Range(0, rows).Select(i => new RawComment(i % 7 == 0 ? null : Anchors[i % Anchors.Length],
                        Content($"{organisation.ToString()[^1]}/{tag}-{i}"), null, null, System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)))]));
                    written += rows;
                }

                if (submissions.Count == 0)
                {
                    continue;
                }

                await using (var copy = await connection.BeginBinaryImportAsync(
                                 "COPY consultations.submissions (id, round_id, organisation_id, external_reference, source, submitted_by, submitted_at, comment_count, duplicate_count, updated_at) FROM STDIN (FORMAT BINARY)"))
                {
                    foreach (var (id, rows) in submissions)
                    {
                        await copy.StartRowAsync();
                        await copy.WriteAsync(id, NpgsqlTypes.NpgsqlDbType.Uuid);
                        await copy.WriteAsync(roundId, NpgsqlTypes.NpgsqlDbType.Uuid);
                        await copy.WriteAsync(organisation, NpgsqlTypes.NpgsqlDbType.Uuid);
                        await copy.WriteAsync($"FILL/{id}", NpgsqlTypes.NpgsqlDbType.Varchar);
                        await copy.WriteAsync("PartnerSystem", NpgsqlTypes.NpgsqlDbType.Varchar);
                        await copy.WriteAsync("api-key:fill", NpgsqlTypes.NpgsqlDbType.Varchar);
                        await copy.WriteAsync(now, NpgsqlTypes.NpgsqlDbType.TimestampTz);
                        await copy.WriteAsync(rows.Length, NpgsqlTypes.NpgsqlDbType.Integer);
                        await copy.WriteAsync(0, NpgsqlTypes.NpgsqlDbType.Integer);
                        await copy.WriteAsync(now, NpgsqlTypes.NpgsqlDbType.TimestampTz);
                    }

                    await copy.CompleteAsync();
                }

                await WriteCommentsAsync(connection, roundId, organisation, submissions, now);
            }

            await transaction.CommitAsync();
        }
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

internal sealed record IngestOptions(string Url, string SigningKey, string Database, int Comments, int BatchSize, int Rounds, int Warmup, long GrowTo, int? ApiPid, string? PgData)
{
    public static IngestOptions Parse(string[] args)
    {
        string? Get(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int Number(string name, int fallback) => Get(name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
        return new IngestOptions(
            Get("--url") ?? "http://127.0.0.1:5090",
            Get("--signing-key") ?? Environment.GetEnvironmentVariable("Auth__DevelopmentSigningKey") ?? "",
            Get("--database") ?? "Host=127.0.0.1;Port=55433;Database=trainingapi_bench;Username=postgres",
            Number("--comments", 10_000), Number("--batch", 500), Number("--rounds", 3), Number("--warmup", 4),
            Get("--grow-to") is { } grow ? long.Parse(grow, CultureInfo.InvariantCulture) : 0,
            Get("--api-pid") is { } pid ? int.Parse(pid, CultureInfo.InvariantCulture) : null,
            Get("--pg-data"));
    }
}
