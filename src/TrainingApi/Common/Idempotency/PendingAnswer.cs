namespace TrainingApi.Common.Idempotency;

/// <summary>
/// A resource whose request's Idempotency-Key is still pending on it, with that key: the step that decides the resource
/// answers the key by its primary key (<see cref="IdempotentAnswers.CompleteCreatedAsync{T}(Persistence.TrainingDb, IReadOnlyDictionary{Guid, PendingAnswer{T}}, Func{Guid, string}, CancellationToken)"/>).
/// </summary>
public sealed record PendingAnswer<T>(string Scope, string Key, T Resource);

public static class PendingAnswer
{
    /// <summary>The resource with the running request's key; null when the request carries none.</summary>
    public static PendingAnswer<T>? For<T>(IdempotencyClaim? claim, T resource) => claim is null ? null : new(claim.Scope, claim.Key, resource);
}
