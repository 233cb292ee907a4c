using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;
using NpgsqlTypes;
using TrainingApi.Common.Events;
using TrainingApi.Common.Http;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security;
using TrainingApi.Features.PilotEnrollment.Applications;

namespace TrainingApi.Benchmarks;

/// <summary>
/// The platform pilot applications are compared with: the API's SQL work done by hand with Npgsql in this process, no
/// HTTP, no EF Core, no pipeline. The same transactions, locks and rows as the API's first-come path: per application one
/// transaction inserting the application, its participants, an audit entry for each (as AuditInterceptor writes them) and
/// the pending Idempotency-Key record; then, per recruitment, one placement loop batching everyone waiting, which in one
/// transaction takes the recruitment's row lock, runs the API's own placement statement and records, for each application
/// placed, its audit entry, its outbox event and the key's answer (201, sealed with AES-GCM as SecretBox does).
/// What it leaves out is what a hand-written service would not need: the lookup of the key before the insert (a new key's
/// insert is its own check), the read-back of applications for the answers (they are in memory) and of the decisions.
/// </summary>
internal sealed class RawEnrollment : IAsyncDisposable
{
    /// <summary>
    /// SlotAllocation.PlaceSubmittedAsync's statement, the same text with its interpolated values as parameters
    /// ($1 the recruitment, $2 now). It must stay the API's statement: copy it again whenever that one changes.
    /// </summary>
    public const string PlaceSubmittedSql = """
        WITH r AS (
            SELECT capacity, accepted_count, waitlisted_count FROM enrollment.recruitments WHERE id = $1
        ), pending AS (
            SELECT a.id, row_number() OVER (ORDER BY a.submitted_at, a.id) AS n
            FROM enrollment.applications a
            WHERE a.recruitment_id = $1 AND a.status = 'Submitted'
        ), decided AS (
            SELECT p.id, r.accepted_count + p.n <= r.capacity AS accept,
                   r.waitlisted_count + p.n - GREATEST(r.capacity - r.accepted_count, 0) AS position
            FROM pending p CROSS JOIN r
        ), placed AS (
            UPDATE enrollment.applications a
               SET status = CASE WHEN d.accept THEN 'Accepted' ELSE 'Waitlisted' END,
                   waitlist_position = CASE WHEN d.accept THEN NULL ELSE d.position END,
                   decided_at = $2,
                   accepted_at = CASE WHEN d.accept THEN $2 END
              FROM decided d WHERE a.id = d.id
            RETURNING a.id, a.status, a.waitlist_position, a.jst_teryt, a.submitted_by, a.submitted_trace_id
        ), counted AS (
            UPDATE enrollment.recruitments t
               SET accepted_count = t.accepted_count + (SELECT count(*) FROM placed WHERE placed.status = 'Accepted'),
                   waitlisted_count = t.waitlisted_count + (SELECT count(*) FROM placed WHERE placed.status = 'Waitlisted')
             WHERE t.id = $1
            RETURNING 1
        )
        SELECT placed.id, placed.status, placed.waitlist_position, placed.jst_teryt, placed.submitted_by, placed.submitted_trace_id FROM placed, counted
        """;

    /// <summary>
    /// Whether <see cref="PlaceSubmittedSql"/> is still the API's statement, read from SlotAllocation.cs in the source tree this
    /// benchmark was built from (whitespace aside); null when the source is not there.
    /// </summary>
    public static bool? PlacementSqlIsTheApis()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var path = Path.Combine(folder.FullName, "src", "TrainingApi", "Features", "PilotEnrollment", "Applications", "SlotAllocation.cs");
            if (!File.Exists(path))
            {
                continue;
            }

            var source = File.ReadAllText(path);
            var method = source.IndexOf("PlaceSubmittedAsync(", StringComparison.Ordinal);
            var start = method < 0 ? -1 : source.IndexOf("$\"\"\"", method, StringComparison.Ordinal);
            var end = start < 0 ? -1 : source.IndexOf("\"\"\"", start + 4, StringComparison.Ordinal);
            if (end < 0)
            {
                return false;
            }

            var api = source[(start + 4)..end].Replace("{recruitmentId}", "$1", StringComparison.Ordinal).Replace("{now}", "$2", StringComparison.Ordinal);
            return Words(api) == Words(PlaceSubmittedSql);
        }

        return null;

        static string Words(string sql) => string.Join(' ', sql.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>The API's lock of the recruitment's row (RowLocks: RowLock.NoKeyUpdate, waiting).</summary>
    public const string LockSql = """SELECT 1 FROM "enrollment"."recruitments" WHERE "id" = $1 FOR NO KEY UPDATE""";

    private const string InsertApplicationSql = """
        INSERT INTO enrollment.applications (id, accepted_at, completed_at, confirmed_at, decided_at, has_digital_strategy, jst_teryt, motivation,
            offer_expires_at, recruitment_id, rodo_acknowledged_at, rodo_clause_version, schools_run, score, score_note, status, submitted_at,
            submitted_by, submitted_trace_id, waitlist_position, withdrawal_reason)
        VALUES ($1, NULL, NULL, NULL, NULL, $2, $3, $4, NULL, $5, $6, $7, $8, NULL, NULL, 'Submitted', $6, $9, $10, NULL, NULL)
        """;

    private const string InsertParticipantSql = """
        INSERT INTO enrollment.participants (id, application_id, email, erased_at, name, phone, position) VALUES ($1, $2, $3, NULL, $4, $5, $6)
        """;

    private const string InsertAuditSql = """
        INSERT INTO platform.audit_entries (id, action, actor_organisation_id, actor_role, actor_subject, at, changes, entity_id, entity_type, on_behalf_of, operation, trace_id)
        VALUES ($1, $2, NULL, $3, $4, $5, $6, $7, $8, $9, $10, $11)
        """;

    private const string InsertPendingKeySql = """
        INSERT INTO platform.idempotency_records (scope, key, body, completed, content_type, created_at, e_tag, expires_at, location, request_hash, resource_id, status_code)
        VALUES ($1, $2, NULL, FALSE, NULL, $3, NULL, $4, NULL, $5, $6, NULL)
        """;

    private const string InsertEventSql = """
        INSERT INTO platform.outbox_events (id, audience_organisation_id, dispatched_at, occurred_at, payload, type, version) VALUES ($1, NULL, NULL, $2, $3, $4, $5)
        """;

    private const string CompleteKeySql = """
        UPDATE platform.idempotency_records SET body = $3, completed = TRUE, content_type = $4, location = $5, status_code = 201 WHERE scope = $1 AND key = $2
        """;

    private const string JsonContentType = "application/json; charset=utf-8";

    /// <summary>AuditInterceptor's options for summaries of created entities.</summary>
    private static readonly JsonSerializerOptions AuditJson = WithApiSetup(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>The HTTP answer's options (what the endpoint writes, and so what the key's record keeps: Polish letters unescaped).</summary>
    private static readonly JsonSerializerOptions AnswerJson = WithApiSetup(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    private static readonly JsonSerializerOptions EventJson = EventOutbox.CreateJsonOptions();

    private readonly NpgsqlDataSource dataSource;
    private readonly byte[] sealingKey = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<Guid, Placement> placements = new();

    public RawEnrollment(string connectionString) =>
        dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString)
        {
            MaxPoolSize = 100, MaxAutoPrepare = 50, NoResetOnClose = true,
        }.ConnectionString);

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();

    /// <summary>The JST whose answer is kept in <see cref="SampleAnswer"/>, to compare with the API's.</summary>
    public string? SampleTeryt { get; init; }

    /// <summary>The last answer sealed for <see cref="SampleTeryt"/>'s key, as JSON.</summary>
    public string? SampleAnswer { get; private set; }

    /// <summary>Drops what the placement of a finished round kept in memory.</summary>
    public void Forget(Guid recruitmentId) => placements.TryRemove(recruitmentId, out _);

    /// <summary>One application as a coordinator sends it (the same request the API gets: path and body, for the key's hash).</summary>
    public sealed record Request(Guid RecruitmentId, string Teryt, string Subject, string Path, byte[] Body, string RodoClauseVersion,
        IReadOnlyList<Apply.ParticipantRequest> Participants, Questionnaire Questionnaire);

    public sealed record Decision(string Status, int? WaitlistPosition);

    /// <summary>Stores the application as submitted, then waits for the placement loop's decision. Null when the JST already applied.</summary>
    public async Task<Decision?> ApplyAsync(Request request, CancellationToken ct)
    {
        var now = DateTimeOffset.UtcNow.ForDatabase();
        var traceId = ActivityTraceId.CreateRandom().ToString();
        var application = new Application(request.RecruitmentId, request.Teryt, request.Subject, traceId, request.RodoClauseVersion, request.Questionnaire, now);
        application.Participants.AddRange(request.Participants.Select(p => new Participant(p.Name.Trim(), p.Position.Trim(), p.Email.Trim(), p.Phone?.Trim())));
        var key = Guid.NewGuid().ToString();
        var scope = "sub:" + request.Subject;
        var at = DateTimeOffset.UtcNow;

        await using (var connection = await dataSource.OpenConnectionAsync(ct))
        await using (var transaction = await connection.BeginTransactionAsync(ct))
        {
            await using var batch = new NpgsqlBatch(connection, transaction);
            batch.BatchCommands.Add(Command(InsertApplicationSql, application.Id, application.HasDigitalStrategy, application.JstTeryt, Text(application.Motivation),
                application.RecruitmentId, now, application.RodoClauseVersion, application.SchoolsRun, application.SubmittedBy, Text(traceId)));
            foreach (var p in application.Participants)
            {
                batch.BatchCommands.Add(Command(InsertParticipantSql, p.Id, application.Id, p.Email, p.Name, Text(p.Phone), p.Position));
            }

            // AuditInterceptor: one entry per created entity, every property but the key and the row version, personal data named.
            batch.BatchCommands.Add(Audit(at, "Apply", Roles.JstCoordinator, request.Subject, null, nameof(Application), application.Id, "created", new JsonObject
            {
                ["acceptedAt"] = null, ["completedAt"] = null, ["confirmedAt"] = null, ["decidedAt"] = null,
                ["hasDigitalStrategy"] = application.HasDigitalStrategy, ["jstTeryt"] = application.JstTeryt, ["motivation"] = application.Motivation,
                ["offerExpiresAt"] = null, ["recruitmentId"] = application.RecruitmentId,
                ["rodoAcknowledgedAt"] = JsonSerializer.SerializeToNode(now, AuditJson), ["rodoClauseVersion"] = application.RodoClauseVersion,
                ["schoolsRun"] = application.SchoolsRun, ["score"] = null, ["scoreNote"] = null,
                ["status"] = JsonSerializer.SerializeToNode(ApplicationStatus.Submitted, AuditJson),
                ["submittedAt"] = JsonSerializer.SerializeToNode(now, AuditJson), ["submittedBy"] = application.SubmittedBy, ["submittedTraceId"] = traceId,
                ["waitlistPosition"] = null, ["withdrawalReason"] = null,
            }.ToJsonString(AuditJson), traceId));
            foreach (var p in application.Participants)
            {
                batch.BatchCommands.Add(Audit(at, "Apply", Roles.JstCoordinator, request.Subject, null, nameof(Participant), p.Id, "created", new JsonObject
                {
                    ["applicationId"] = application.Id, ["email"] = "(personal data)", ["erasedAt"] = null, ["name"] = "(personal data)",
                    ["phone"] = "(personal data)", ["position"] = p.Position,
                }.ToJsonString(AuditJson), traceId));
            }

            // IdempotencyMiddleware's claim (method, path and body hashed; kept 24 h), pending on the application.
            batch.BatchCommands.Add(Command(InsertPendingKeySql, scope, key, at, at.AddHours(24), Fingerprint(request.Path, request.Body), application.Id));
            try
            {
                await batch.ExecuteNonQueryAsync(ct);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                return null;
            }

            await transaction.CommitAsync(ct);
        }

        return await placements.GetOrAdd(request.RecruitmentId, id => new Placement(this, id)).PlaceAsync(new Submitted(application, scope, key));
    }

    /// <summary>The application's row, its key and what the answer needs, kept in memory for the placement.</summary>
    private sealed record Submitted(Application Application, string Scope, string Key);

    /// <summary>
    /// PlacementCoordinator's loop, by hand: everyone waiting joins a batch, one transaction places them all under the
    /// recruitment's lock. A batch may place applications whose tasks have not joined yet (committed, not yet queued);
    /// their decisions are kept and answered when they join.
    /// </summary>
    private sealed class Placement(RawEnrollment raw, Guid recruitmentId)
    {
        private readonly Dictionary<Guid, (Submitted Submitted, TaskCompletionSource<Decision> Waiter)> waiting = [];
        private readonly ConcurrentDictionary<Guid, Decision> decided = new();
        private readonly ConcurrentDictionary<Guid, Submitted> submitted = new();
        private bool running;

        public Task<Decision> PlaceAsync(Submitted application)
        {
            var waiter = new TaskCompletionSource<Decision>(TaskCreationOptions.RunContinuationsAsynchronously);
            submitted[application.Application.Id] = application;
            lock (waiting)
            {
                waiting[application.Application.Id] = (application, waiter);
                if (!running)
                {
                    running = true;
                    _ = Task.Run(DrainAsync);
                }
            }

            return waiter.Task;
        }

        private async Task DrainAsync()
        {
            while (true)
            {
                List<(Submitted Submitted, TaskCompletionSource<Decision> Waiter)> batch;
                lock (waiting)
                {
                    if (waiting.Count == 0)
                    {
                        running = false;
                        return;
                    }

                    batch = [.. waiting.Values];
                    waiting.Clear();
                }

                try
                {
                    await PlaceBatchAsync();
                    foreach (var (application, waiter) in batch)
                    {
                        waiter.TrySetResult(decided.TryGetValue(application.Application.Id, out var decision)
                            ? decision
                            : throw new InvalidOperationException($"Application {application.Application.Id} was committed before it was queued, yet not placed."));
                    }
                }
                catch (Exception e)
                {
                    foreach (var (_, waiter) in batch)
                    {
                        waiter.TrySetException(e);
                    }
                }
            }
        }

        private async Task PlaceBatchAsync()
        {
            await using var connection = await raw.dataSource.OpenConnectionAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await using (var lockRow = new NpgsqlCommand(LockSql, connection, transaction) { Parameters = { new() { Value = recruitmentId } } })
            {
                await lockRow.ExecuteScalarAsync();
            }

            var now = DateTimeOffset.UtcNow.ForDatabase();
            var placed = new List<(Guid Id, string Status, int? Position, string Teryt, string SubmittedBy, string? TraceId)>();
            await using (var place = new NpgsqlCommand(PlaceSubmittedSql, connection, transaction)
            {
                Parameters = { new() { Value = recruitmentId }, new() { Value = now, NpgsqlDbType = NpgsqlDbType.TimestampTz } },
            })
            await using (var reader = await place.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    placed.Add((reader.GetGuid(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetInt32(2), reader.GetString(3), reader.GetString(4),
                        reader.IsDBNull(5) ? null : reader.GetString(5)));
                }
            }

            if (placed.Count > 0)
            {
                await using var batch = new NpgsqlBatch(connection, transaction);
                var at = DateTimeOffset.UtcNow;
                foreach (var p in placed)
                {
                    // AuditLog.Changed: the system, for the submitter, under the submission's trace.
                    batch.BatchCommands.Add(Audit(at, "PlaceApplication", null, Caller.System.Subject, p.SubmittedBy, nameof(Application), p.Id, "updated",
                        JsonSerializer.Serialize(new { status = p.Status, waitlistPosition = p.Position }, JsonSerializerOptions.Web), p.TraceId));
                    batch.BatchCommands.Add(p.Position is { } position
                        ? Event(new ApplicationWaitlisted(recruitmentId, p.Id, p.Teryt, position), now)
                        : Event(new ApplicationAccepted(recruitmentId, p.Id, p.Teryt), now));
                    if (submitted.TryGetValue(p.Id, out var mine))
                    {
                        var status = p.Position is null ? ApplicationStatus.Accepted : ApplicationStatus.Waitlisted;
                        var answer = ApplicationView.From(mine.Application) with { Status = status, WaitlistPosition = p.Position, DecidedAt = now };
                        var bytes = JsonSerializer.SerializeToUtf8Bytes(answer, AnswerJson);
                        batch.BatchCommands.Add(Command(CompleteKeySql, mine.Scope, mine.Key, raw.Seal(bytes), JsonContentType, ApplicationView.Location(p.Id)));
                        if (p.Teryt == raw.SampleTeryt)
                        {
                            raw.SampleAnswer = Encoding.UTF8.GetString(bytes);
                        }
                    }
                }

                await batch.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
            foreach (var p in placed)
            {
                decided[p.Id] = new Decision(p.Position is null ? "Accepted" : "Waitlisted", p.Position);
            }
        }
    }

    /// <summary>EventOutbox.Publish: the envelope and its data, fixed when the event happens.</summary>
    private static NpgsqlBatchCommand Event<T>(T data, DateTimeOffset now) where T : IIntegrationEvent
    {
        var id = Guid.CreateVersion7(now);
        var envelope = new JsonObject
        {
            ["id"] = id,
            ["type"] = T.EventType,
            ["version"] = T.Version,
            ["timestamp"] = now,
            ["data"] = JsonSerializer.SerializeToNode(data, EventJson),
        };
        return Command(InsertEventSql, id, now, Jsonb(envelope.ToJsonString(EventJson)), T.EventType, T.Version);
    }

    private static NpgsqlBatchCommand Audit(DateTimeOffset at, string action, string? role, string? subject, string? onBehalfOf, string entityType, Guid entityId,
        string operation, string changes, string? traceId) =>
        Command(InsertAuditSql, Guid.CreateVersion7(at), action, Text(role), Text(subject), at, Jsonb(changes), entityId.ToString(), entityType, Text(onBehalfOf),
            operation, Text(traceId));

    /// <summary>SecretBox.Seal: nonce, tag, ciphertext (AES-GCM, 12-byte nonce, 16-byte tag).</summary>
    private byte[] Seal(ReadOnlySpan<byte> plain)
    {
        var box = new byte[12 + 16 + plain.Length];
        RandomNumberGenerator.Fill(box.AsSpan(0, 12));
        using var aes = new AesGcm(sealingKey, 16);
        aes.Encrypt(box.AsSpan(0, 12), plain, box.AsSpan(28), box.AsSpan(12, 16));
        return box;
    }

    private static byte[] Fingerprint(string path, byte[] body)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes("POST " + path + "\n"));
        sha.AppendData(body);
        return sha.GetHashAndReset();
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(value as NpgsqlParameter ?? new NpgsqlParameter { Value = value });
        }

        return command;
    }

    private static NpgsqlParameter Text(string? value) => new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };

    private static NpgsqlParameter Jsonb(string json) => new() { Value = json, NpgsqlDbType = NpgsqlDbType.Jsonb };

    private static JsonSerializerOptions WithApiSetup(JsonSerializerOptions options)
    {
        JsonSetup.Configure(options);
        return options;
    }
}
