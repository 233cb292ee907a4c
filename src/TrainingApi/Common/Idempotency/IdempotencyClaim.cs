namespace TrainingApi.Common.Idempotency;

/// <summary>The key a request runs under: who (scope), which key, what request (hash), and how long it is kept.</summary>
public sealed record IdempotencyClaim(string Scope, string Key, byte[] RequestHash, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt);

/// <summary>
/// The claim of the running request, for a use case that records its own answer
/// (<see cref="IdempotentAnswer.RecordedByUseCase"/>); null when the request carries no key.
/// </summary>
public sealed class CurrentIdempotencyClaim
{
    public IdempotencyClaim? Claim { get; internal set; }

    /// <summary>
    /// On a retry whose first request stored its resource but whose answer is still to come (its instance or the
    /// database failed in between): that resource. The use case finishes it and answers, instead of refusing the
    /// retry as a second request.
    /// </summary>
    public Guid? PendingResourceId { get; internal set; }
}
