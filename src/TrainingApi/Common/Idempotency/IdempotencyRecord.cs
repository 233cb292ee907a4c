using TrainingApi.Common.Audit;

namespace TrainingApi.Common.Idempotency;

/// <summary>
/// One Idempotency-Key of one caller: the fingerprint of the first request and, once it finished, the
/// response to replay. Kept in PostgreSQL so every instance sees it.
/// </summary>
public sealed class IdempotencyRecord : INotAudited
{
    public string Scope { get; set; } = "";
    public string Key { get; set; } = "";
    public byte[] RequestHash { get; set; } = [];
    public bool Completed { get; set; }
    public int? StatusCode { get; set; }
    public string? ContentType { get; set; }
    public string? Location { get; set; }
    public string? ETag { get; set; }
    /// <summary>The answer, sealed by <see cref="Security.SecretBox"/>.</summary>
    public byte[]? Body { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
}
