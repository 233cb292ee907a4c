using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrainingApi.Common.Localization;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;
using TrainingApi.Common.UseCases;

namespace TrainingApi.Common.Idempotency;

/// <summary>
/// Idempotency-Key for creating POSTs, after the IETF httpapi draft: a retry with the same key and body gets the
/// stored status, headers and body; the same key with another body is 422; a retry while the first still runs is
/// 409. Keys are scoped per caller (a partner's organisation, else the token's subject).
/// The answer is stored in the same transaction as the request's writes (<see cref="IdempotentAnswer"/>), so a
/// client whose request failed in flight (a 503 while the database blinked, a dropped connection) learns the truth
/// by retrying: the original answer if the writes were committed, a fresh run if they were not. No claim outlives
/// its transaction, so nothing is held after a failure.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next, IOptions<IdempotencyOptions> options, TimeProvider clock)
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const int MaxKeyLength = 255;

    public async Task InvokeAsync(HttpContext http, Caller caller)
    {
        if (!HttpMethods.IsPost(http.Request.Method) || http.GetEndpoint()?.Metadata.GetMetadata<IdempotentMetadata>() is not { } metadata || caller.IsAnonymous)
        {
            await next(http);
            return;
        }

        // Resolved here, not as parameters of InvokeAsync: every request would lease a database context it never uses.
        var services = http.RequestServices;
        var db = services.GetRequiredService<TrainingDb>();
        var box = services.GetRequiredService<SecretBox>();
        var answers = services.GetRequiredService<IdempotentAnswers>();
        var current = services.GetRequiredService<CurrentIdempotencyClaim>();

        var key = http.Request.Headers[Header].ToString();
        if (key.Length == 0)
        {
            if (caller.Is(Roles.Partner))
            {
                throw Problem.Validation(Header, new Text(
                    "Partner systems must send an Idempotency-Key header (e.g. a UUID) with every creating POST, so a retry never stores twice.",
                    "Systemy partnerów muszą wysyłać nagłówek Idempotency-Key (np. UUID) z każdym żądaniem POST tworzącym zasób, aby ponowienie nie zapisało danych dwa razy."));
            }

            await next(http);
            return;
        }

        if (key.Length > MaxKeyLength || key.Any(c => c < 0x21 || c > 0x7e))
        {
            throw Problem.Validation(Header, new Text(
                $"The Idempotency-Key must be 1–{MaxKeyLength} visible ASCII characters.",
                $"Idempotency-Key musi mieć od 1 do {MaxKeyLength} widocznych znaków ASCII."));
        }

        var now = clock.GetUtcNow();
        var claim = new IdempotencyClaim(caller.OrganisationId is { } org ? "org:" + org : "sub:" + caller.Subject, key,
            await FingerprintAsync(http.Request), now, now.AddHours(Math.Max(24, options.Value.RetentionHours)));
        if (metadata.Answer == IdempotentAnswer.RecordedByUseCase)
        {
            await RunStagedAsync(http, db, box, claim, current);
        }
        else
        {
            await RunWithTheWritesAsync(http, db, box, answers, claim);
        }
    }

    /// <summary>
    /// The request runs in one transaction that first takes the key (a transaction-scoped advisory lock: a second
    /// request with it is told 409 while this one runs) and ends by storing the answer beside the writes.
    /// </summary>
    private async Task RunWithTheWritesAsync(HttpContext http, TrainingDb db, SecretBox box, IdempotentAnswers answers, IdempotencyClaim claim)
    {
        var original = http.Response.Body;
        await using var buffer = new MemoryStream();
        IdempotencyRecord? replay = null;
        try
        {
            await UseCaseRunner.InRequestTransactionAsync(db, async ct =>
            {
                // Held until the transaction ends, whichever way: a request that dies releases its key with its connection.
                if (!await db.TryAdvisoryLockAsync(new AdvisoryLockKey(AdvisoryLockNamespace.Idempotency, claim.Scope + "\n" + claim.Key), ct))
                {
                    throw StillRunning();
                }

                // Almost every key is new: whether it is stored is asked first, and the stored row (tracked, to be replayed or reused) read only if so.
                var record = await KeyStored(db, claim.Scope, claim.Key, ct)
                    ? await db.Set<IdempotencyRecord>().SingleAsync(r => r.Scope == claim.Scope && r.Key == claim.Key, ct)
                    : null;
                if (record is not null && record.ExpiresAt >= claim.CreatedAt)
                {
                    replay = ToReplay(record, claim);
                    return false;
                }

                http.Response.Body = buffer;
                await next(http);
                http.Response.Body = original;
                if (http.Response.StatusCode >= 500)
                {
                    return false;   // rolled back: nothing written, nothing remembered
                }

                if (record is null)
                {
                    record = IdempotentAnswers.New(claim);
                    db.Add(record);
                }
                else
                {
                    // An expired key used again: a new request under it.
                    record.RequestHash = claim.RequestHash;
                    record.CreatedAt = claim.CreatedAt;
                    record.ExpiresAt = claim.ExpiresAt;
                    record.ResourceId = null;
                }

                answers.Complete(record, http.Response.StatusCode, http.Response.ContentType,
                    http.Response.Headers.Location.ToString(), http.Response.Headers.ETag.ToString(), buffer.ToArray());
                return true;
            }, DatabaseFailedMidway, http.RequestAborted);
        }
        finally
        {
            http.Response.Body = original;
        }

        if (replay is not null)
        {
            await ReplayAsync(http, replay, box);
            return;
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, http.RequestAborted);
    }

    /// <summary>
    /// The use case stores the key itself (pending with its first commit, answered with its last); here a stored
    /// answer is replayed, and a retry of a request whose answer never came is handed to the use case to finish.
    /// </summary>
    /// <summary>
    /// The key's state without its stored answer. This and <see cref="KeyStored"/> run on every request with a key, so they are
    /// compiled once: EF's per-call work on a LINQ query (finding its plan in the query cache by the expression tree) was most
    /// of the 9 % of the API's CPU that the lookup took under the enrollment burst.
    /// </summary>
    private static readonly Func<TrainingDb, string, string, CancellationToken, Task<IdempotencyRecord?>> KeyState = EF.CompileAsyncQuery(
        (TrainingDb db, string scope, string key, CancellationToken ct) => db.Set<IdempotencyRecord>().AsNoTracking().Where(r => r.Scope == scope && r.Key == key)
            .Select(r => new IdempotencyRecord { Scope = r.Scope, Key = r.Key, RequestHash = r.RequestHash, Completed = r.Completed, ResourceId = r.ResourceId, ExpiresAt = r.ExpiresAt })
            .SingleOrDefault());

    private static readonly Func<TrainingDb, string, string, CancellationToken, Task<bool>> KeyStored = EF.CompileAsyncQuery(
        (TrainingDb db, string scope, string key, CancellationToken ct) => db.Set<IdempotencyRecord>().Any(r => r.Scope == scope && r.Key == key));

    private async Task RunStagedAsync(HttpContext http, TrainingDb db, SecretBox box, IdempotencyClaim claim, CurrentIdempotencyClaim current)
    {
        // Almost every key is new: the lookup reads only the key's state, and the stored answer only for a replay.
        var record = await KeyState(db, claim.Scope, claim.Key, http.RequestAborted);
        if (record is not null && record.ExpiresAt >= claim.CreatedAt)
        {
            if (record.Completed || record.ResourceId is null)
            {
                SameRequest(record, claim);
                var stored = await db.Set<IdempotencyRecord>().AsNoTracking().SingleAsync(r => r.Scope == claim.Scope && r.Key == claim.Key, http.RequestAborted);
                await ReplayAsync(http, ToReplay(stored, claim), box);
                return;
            }

            SameRequest(record, claim);
            current.Claim = claim;
            current.PendingResourceId = record.ResourceId;
            await next(http);
            return;
        }

        if (record is not null)
        {
            await db.Set<IdempotencyRecord>().Where(r => r.Scope == claim.Scope && r.Key == claim.Key && r.ExpiresAt < claim.CreatedAt)
                .ExecuteDeleteAsync(http.RequestAborted);
        }

        current.Claim = claim;
        await next(http);
    }

    private static IdempotencyRecord ToReplay(IdempotencyRecord record, IdempotencyClaim claim)
    {
        SameRequest(record, claim);
        return record.Completed ? record : throw StillRunning();
    }

    private static void SameRequest(IdempotencyRecord record, IdempotencyClaim claim)
    {
        if (!CryptographicOperations.FixedTimeEquals(record.RequestHash, claim.RequestHash))
        {
            throw Problem.Unprocessable(new Text(
                "This Idempotency-Key was already used with a different request. Use a new key for a new request.",
                "Ten Idempotency-Key użyto już z innym żądaniem. Dla nowego żądania użyj nowego klucza."));
        }
    }

    private static ProblemException DatabaseFailedMidway() => new(ProblemKind.ServiceUnavailable, new Text(
        "The database failed while this request ran. Retry it with the same Idempotency-Key: you get its answer if it was stored, or it runs again if not.",
        "Baza danych zawiodła w trakcie tego żądania. Ponów je z tym samym Idempotency-Key: otrzymasz jego wynik, jeśli został zapisany, albo zostanie wykonane ponownie."))
    {
        RetryAfterSeconds = ProblemExceptionHandler.RetryAfterSeconds,
    };

    public static ProblemException StillRunning() => Problem.Conflict(new Text(
        "A request with this Idempotency-Key is still being processed. Retry in a moment to get its result.",
        "Żądanie z tym Idempotency-Key jest wciąż przetwarzane. Ponów za chwilę, aby otrzymać jego wynik."), "idempotency-key-in-use", retryAfterSeconds: 1);

    private static async Task ReplayAsync(HttpContext http, IdempotencyRecord record, SecretBox box)
    {
        http.Response.StatusCode = record.StatusCode ?? StatusCodes.Status200OK;
        http.Response.Headers[ReplayedHeader] = "true";
        http.RequestServices.GetRequiredService<Telemetry.BusinessMetrics>().IdempotentReplay();
        if (record.ContentType is not null)
        {
            http.Response.ContentType = record.ContentType;
        }

        if (record.Location is not null)
        {
            http.Response.Headers.Location = record.Location;
        }

        if (record.ETag is not null)
        {
            http.Response.Headers.ETag = record.ETag;
        }

        if (record.Body is { Length: > 0 } body)
        {
            await http.Response.Body.WriteAsync(box.Open(body), http.RequestAborted);
        }
    }

    /// <summary>The method, path and body: what makes two requests "the same request".</summary>
    private static async Task<byte[]> FingerprintAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes(request.Method + " " + request.Path + request.QueryString + "\n"));
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
            {
                sha.AppendData(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        request.Body.Position = 0;
        return sha.GetHashAndReset();
    }
}
