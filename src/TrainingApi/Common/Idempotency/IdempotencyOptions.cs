namespace TrainingApi.Common.Idempotency;

public sealed class IdempotencyOptions
{
    public const string Section = "Idempotency";

    /// <summary>How long a key is remembered (at least 24 h, per the conventions).</summary>
    public int RetentionHours { get; set; } = 24;

    /// <summary>
    /// A request still marked running after this long is taken to have died with its instance, and a retry
    /// may take the key over instead of getting 409 until the key expires.
    /// </summary>
    public int AbandonAfterSeconds { get; set; } = 120;
}

/// <summary>Marks a creating POST that honours Idempotency-Key (and requires it from partners).</summary>
public sealed record IdempotentMetadata;

public static class IdempotentEndpointExtensions
{
    public static RouteHandlerBuilder Idempotent(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new IdempotentMetadata())
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
