namespace TrainingApi.Common.Idempotency;

public sealed class IdempotencyOptions
{
    public const string Section = "Idempotency";

    /// <summary>How long a key is remembered (at least 24 h: docs/conventions.md).</summary>
    public int RetentionHours { get; set; } = 24;
}

/// <summary>Who writes the stored answer of an idempotent request.</summary>
public enum IdempotentAnswer
{
    /// <summary>The middleware, in the request's own transaction: the answer exists exactly when the writes were committed.</summary>
    RecordedWithTheWrites,

    /// <summary>
    /// The use case, for one that commits in stages (an application is stored, then placed in a shared batch): it records
    /// the key with its first commit (<see cref="CurrentIdempotencyClaim"/>) and the answer with the last.
    /// </summary>
    RecordedByUseCase,
}

/// <summary>Marks a creating POST that honours Idempotency-Key (and requires it from partners).</summary>
public sealed record IdempotentMetadata(IdempotentAnswer Answer);

public static class IdempotentEndpointExtensions
{
    public static RouteHandlerBuilder Idempotent(this RouteHandlerBuilder builder, IdempotentAnswer answer = IdempotentAnswer.RecordedWithTheWrites) =>
        builder.WithMetadata(new IdempotentMetadata(answer))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
