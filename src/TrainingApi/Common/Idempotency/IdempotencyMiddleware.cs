using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrainingApi.Common.Localization;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Problems;
using TrainingApi.Common.Security;

namespace TrainingApi.Common.Idempotency;

/// <summary>
/// Idempotency-Key for creating POSTs, after the IETF httpapi draft: the first request with a key claims it
/// (a row committed at once, so other instances see it); a retry with the same key and body gets the stored
/// status, headers and body; the same key with another body is 422; a retry while the first still runs is
/// 409. Keys are scoped per caller (a partner's organisation, else the token's subject). 5xx answers and
/// crashes release the key, so the client can retry.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next, IOptions<IdempotencyOptions> options, TimeProvider clock)
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const int MaxKeyLength = 255;

    public async Task InvokeAsync(HttpContext http, TrainingDb db, Caller caller, SecretBox box)
    {
        if (!HttpMethods.IsPost(http.Request.Method) || http.GetEndpoint()?.Metadata.GetMetadata<IdempotentMetadata>() is null || caller.IsAnonymous)
        {
            await next(http);
            return;
        }

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

        var scope = caller.OrganisationId is { } org ? "org:" + org : "sub:" + caller.Subject;
        var hash = await FingerprintAsync(http.Request);
        var now = clock.GetUtcNow();

        if (!await TryClaimAsync(db, scope, key, hash, now))
        {
            var existing = await db.Set<IdempotencyRecord>().AsNoTracking().SingleAsync(r => r.Scope == scope && r.Key == key, http.RequestAborted);
            if (!CryptographicOperations.FixedTimeEquals(existing.RequestHash, hash))
            {
                throw Problem.Unprocessable(new Text(
                    "This Idempotency-Key was already used with a different request. Use a new key for a new request.",
                    "Ten Idempotency-Key użyto już z innym żądaniem. Dla nowego żądania użyj nowego klucza."));
            }

            if (!existing.Completed)
            {
                throw Problem.Conflict(new Text(
                    "A request with this Idempotency-Key is still being processed. Retry in a moment to get its result.",
                    "Żądanie z tym Idempotency-Key jest wciąż przetwarzane. Ponów za chwilę, aby otrzymać jego wynik."), "idempotency-key-in-use", retryAfterSeconds: 1);
            }

            await ReplayAsync(http, existing, box);
            return;
        }

        await RunAndRememberAsync(http, db, box, scope, key);
    }

    private async Task RunAndRememberAsync(HttpContext http, TrainingDb db, SecretBox box, string scope, string key)
    {
        var original = http.Response.Body;
        await using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await next(http);
        }
        catch
        {
            http.Response.Body = original;
            await ReleaseAsync(db, scope, key);
            throw;
        }

        http.Response.Body = original;
        var status = http.Response.StatusCode;
        if (status >= 500)
        {
            await ReleaseAsync(db, scope, key);
        }
        else
        {
            // Answers can hold secrets (an API key, a webhook secret) or personal data: kept encrypted.
            var body = box.Seal(buffer.ToArray());
            var contentType = http.Response.ContentType;
            var location = http.Response.Headers.Location.ToString();
            var etag = http.Response.Headers.ETag.ToString();
            await db.Set<IdempotencyRecord>().Where(r => r.Scope == scope && r.Key == key).ExecuteUpdateAsync(set => set
                .SetProperty(r => r.Completed, true)
                .SetProperty(r => r.StatusCode, status)
                .SetProperty(r => r.ContentType, contentType)
                .SetProperty(r => r.Location, location.Length > 0 ? location : null)
                .SetProperty(r => r.ETag, etag.Length > 0 ? etag : null)
                .SetProperty(r => r.Body, body), CancellationToken.None);
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, http.RequestAborted);
    }

    /// <summary>
    /// Inserts the key as running, or takes over one that expired or whose request was abandoned. One
    /// statement, committed on its own, so two instances racing for one key cannot both win.
    /// </summary>
    private async Task<bool> TryClaimAsync(TrainingDb db, string scope, string key, byte[] hash, DateTimeOffset now)
    {
        var expires = now.AddHours(Math.Max(24, options.Value.RetentionHours));
        var abandoned = now.AddSeconds(-options.Value.AbandonAfterSeconds);
        var claimed = await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO platform.idempotency_records (scope, key, request_hash, completed, created_at, expires_at)
            VALUES ({scope}, {key}, {hash}, false, {now}, {expires})
            ON CONFLICT (scope, key) DO UPDATE
               SET request_hash = EXCLUDED.request_hash, completed = false, status_code = NULL, content_type = NULL,
                   location = NULL, e_tag = NULL, body = NULL, created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at
             WHERE platform.idempotency_records.expires_at < {now}
                OR (NOT platform.idempotency_records.completed AND platform.idempotency_records.created_at < {abandoned}
                    AND platform.idempotency_records.request_hash = EXCLUDED.request_hash)
            """);
        return claimed == 1;
    }

    private static Task ReleaseAsync(TrainingDb db, string scope, string key) =>
        db.Set<IdempotencyRecord>().Where(r => r.Scope == scope && r.Key == key && !r.Completed).ExecuteDeleteAsync(CancellationToken.None);

    private static async Task ReplayAsync(HttpContext http, IdempotencyRecord record, SecretBox box)
    {
        http.Response.StatusCode = record.StatusCode ?? StatusCodes.Status200OK;
        http.Response.Headers[ReplayedHeader] = "true";
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
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            sha.AppendData(chunk, 0, read);
        }

        request.Body.Position = 0;
        return sha.GetHashAndReset();
    }
}
