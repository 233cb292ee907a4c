using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.Security;

namespace TrainingApi.Common.Idempotency;

/// <summary>
/// Makes the answers stored for Idempotency-Keys. Every answer is written in the transaction that commits the
/// request's writes: the middleware does so for ordinary requests; a use case that answers in a later transaction
/// records its key as pending with the resource it created, and the later step completes it.
/// </summary>
public sealed class IdempotentAnswers(SecretBox box, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
{
    private const string JsonContentType = "application/json; charset=utf-8";

    public static IdempotencyRecord New(IdempotencyClaim claim) => new()
    {
        Scope = claim.Scope,
        Key = claim.Key,
        RequestHash = claim.RequestHash,
        CreatedAt = claim.CreatedAt,
        ExpiresAt = claim.ExpiresAt,
    };

    /// <summary>Fills the record with the answer. Answers can hold secrets (an API key, a webhook secret) or personal data: kept encrypted.</summary>
    public void Complete(IdempotencyRecord record, int status, string? contentType, string? location, string? etag, byte[] body)
    {
        record.Completed = true;
        record.StatusCode = status;
        record.ContentType = contentType;
        record.Location = string.IsNullOrEmpty(location) ? null : location;
        record.ETag = string.IsNullOrEmpty(etag) ? null : etag;
        record.Body = box.Seal(body);
    }

    /// <summary>A 201 with the resource as JSON, the same bytes the endpoint writes.</summary>
    public IdempotencyRecord Created<T>(IdempotencyClaim claim, string location, T resource)
    {
        var record = New(claim);
        CompleteCreated(record, location, resource);
        return record;
    }

    /// <summary>The key is taken by the resource just created; its answer comes with a later step (<see cref="CompleteCreatedAsync"/>).</summary>
    public static IdempotencyRecord Pending(IdempotencyClaim claim, Guid resourceId)
    {
        var record = New(claim);
        record.ResourceId = resourceId;
        return record;
    }

    /// <summary>
    /// The later step, for resources the caller holds as they now stand (those of requests still waiting for their answer),
    /// by resource id: answers their keys in one statement, in the caller's transaction; a key no longer pending on its
    /// resource (answered already) is left as it is.
    /// </summary>
    /// <remarks>
    /// Each key is found by the table's primary key, one unique lookup per answer whatever the statistics say, and the
    /// statement is planned for its own parameters (plan_cache_mode, for the rest of the transaction). Matched on the pending
    /// resource instead, PostgreSQL planned from statistics gathered while the table was young and scanned every record on
    /// each placement batch, under the recruitment's lock: about 20 ms a batch once the table held a burst's keys.
    /// </remarks>
    public async Task CompleteCreatedAsync<T>(TrainingDb db, IReadOnlyDictionary<Guid, PendingAnswer<T>> resources, Func<Guid, string> location, CancellationToken ct)
    {
        if (resources.Count == 0)
        {
            return;
        }

        var ids = resources.Keys.ToArray();
        var scopes = Array.ConvertAll(ids, id => resources[id].Scope);
        var keys = Array.ConvertAll(ids, id => resources[id].Key);
        var locations = Array.ConvertAll(ids, id => location(id));
        var bodies = Array.ConvertAll(ids, id => box.Seal(JsonSerializer.SerializeToUtf8Bytes(resources[id].Resource, json.Value.SerializerOptions)));
        await db.Database.ExecuteSqlAsync($"""
            SET LOCAL plan_cache_mode = force_custom_plan;
            UPDATE platform.idempotency_records r
               SET completed = TRUE, status_code = {StatusCodes.Status201Created}, content_type = {JsonContentType}, location = u.location, e_tag = NULL, body = u.body
              FROM unnest({scopes}, {keys}, {ids}, {locations}, {bodies}) AS u(scope, key, resource_id, location, body)
             WHERE r.scope = u.scope AND r.key = u.key AND r.resource_id = u.resource_id AND NOT r.completed
            """, ct);
    }

    /// <summary>The later step, for resources placed by work no request waits for (a sweep): answers the keys still pending on them, reading the resources with <paramref name="resources"/>.</summary>
    public async Task CompleteCreatedAsync<T>(TrainingDb db, IReadOnlyCollection<Guid> resourceIds, Func<IReadOnlyCollection<Guid>, CancellationToken, Task<Dictionary<Guid, T>>> resources,
        Func<Guid, string> location, CancellationToken ct)
    {
        var pending = await db.Set<IdempotencyRecord>().Where(r => !r.Completed && r.ResourceId != null && resourceIds.Contains(r.ResourceId.Value)).ToListAsync(ct);
        if (pending.Count == 0)
        {
            return;
        }

        var views = await resources(pending.Select(r => r.ResourceId!.Value).ToList(), ct);
        foreach (var record in pending)
        {
            CompleteCreated(record, location(record.ResourceId!.Value), views[record.ResourceId!.Value]);
        }
    }

    /// <summary>
    /// Erasure reaches the answers kept for replay: every stored answer holding an erased value (<paramref name="erased"/>: each
    /// value as it was, and what it reads as now) is rewritten in the caller's transaction, so a replay shows the erased person
    /// as her records now show her, and the table keeps nothing of her. Returns how many answers changed.
    /// </summary>
    public async Task<int> RedactAsync(TrainingDb db, IReadOnlyDictionary<string, string?> erased, CancellationToken ct)
    {
        if (erased.Count == 0)
        {
            return 0;
        }

        // Read through first (one connection, one command at a time), then rewrite the few that change.
        var changed = new List<(string Scope, string Key, byte[] Was, byte[] Now)>();
        await foreach (var stored in db.Set<IdempotencyRecord>().AsNoTracking().Where(r => r.Body != null)
                           .Select(r => new { r.Scope, r.Key, r.Body }).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (AnswerRedaction.Redact(box.Open(stored.Body!), erased, json.Value.SerializerOptions) is { } redacted)
            {
                changed.Add((stored.Scope, stored.Key, stored.Body!, box.Seal(redacted)));
            }
        }

        foreach (var (scope, key, was, now) in changed)
        {
            // Only the answer read: one stored since (an expired key used again) is another request's.
            await db.Set<IdempotencyRecord>().Where(r => r.Scope == scope && r.Key == key && r.Body == was)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Body, now), ct);
        }

        return changed.Count;
    }

    private void CompleteCreated<T>(IdempotencyRecord record, string location, T resource) =>
        Complete(record, StatusCodes.Status201Created, JsonContentType, location, null, JsonSerializer.SerializeToUtf8Bytes(resource, json.Value.SerializerOptions));
}
