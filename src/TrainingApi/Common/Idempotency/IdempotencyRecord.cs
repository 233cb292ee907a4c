using TrainingApi.Common.Audit;

namespace TrainingApi.Common.Idempotency;

/// <summary>
/// One Idempotency-Key of one caller: the fingerprint of its request and the answer to replay. Written in the same
/// transaction as the request's own writes, so it exists exactly when they were committed. Kept in PostgreSQL so
/// every instance sees it.
/// </summary>
public sealed class IdempotencyRecord : INotAudited
{
    public string Scope { get; set; } = "";
    public string Key { get; set; } = "";
    public byte[] RequestHash { get; set; } = [];

    /// <summary>False only while a use case that answers in a later transaction (a first-come application's placement) has not yet answered.</summary>
    public bool Completed { get; set; }

    /// <summary>The resource created by a use case whose answer is still to come: the later step completes the answer by it.</summary>
    public Guid? ResourceId { get; set; }

    public int? StatusCode { get; set; }
    public string? ContentType { get; set; }
    public string? Location { get; set; }
    public string? ETag { get; set; }
    /// <summary>The answer, sealed by <see cref="Security.SecretBox"/>.</summary>
    public byte[]? Body { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
}
