using TrainingApi.Common.Localization;

namespace TrainingApi.Common.Problems;

/// <summary>
/// A refusal the client can act on. Thrown from handlers and entities, turned into an RFC 9457 problem
/// by <see cref="ProblemExceptionHandler"/>. The message is the English detail, safe to show a client.
/// </summary>
public class ProblemException(ProblemKind kind, Text detail, IReadOnlyDictionary<string, object?>? extensions = null)
    : Exception(detail.En)
{
    public ProblemKind Kind { get; } = kind;
    public Text Detail { get; } = detail;
    public IReadOnlyDictionary<string, object?> Extensions { get; } = extensions ?? new Dictionary<string, object?>();

    /// <summary>Sent as Retry-After (the exception handler clears headers set before the throw).</summary>
    public int? RetryAfterSeconds { get; init; }
}

/// <summary>Shorthands for the refusals every slice needs, with bilingual details.</summary>
public static class Problem
{
    public static ProblemException NotFound(Text resource, object id) => new(ProblemKind.NotFound,
        new($"No {resource.En} with id '{id}' exists, or you may not see it.",
            $"Nie istnieje {resource.Pl} o identyfikatorze '{id}' albo nie masz do niego dostępu."));

    public static ProblemException Conflict(Text detail, string? code = null, int? retryAfterSeconds = null) =>
        new(ProblemKind.Conflict, detail, code is null ? null : new Dictionary<string, object?> { ["code"] = code })
        {
            RetryAfterSeconds = retryAfterSeconds,
        };

    public static ProblemException TooManyRequests(int retryAfterSeconds) => new(ProblemKind.TooManyRequests,
        new($"You sent more requests than your limit allows. Retry in {retryAfterSeconds} s.",
            $"Przekroczono limit żądań. Spróbuj ponownie za {retryAfterSeconds} s."))
    {
        RetryAfterSeconds = retryAfterSeconds,
    };

    public static ProblemException Unprocessable(Text detail, IReadOnlyDictionary<string, object?>? extensions = null) =>
        new(ProblemKind.UnprocessableContent, detail, extensions);

    public static ProblemException PreconditionFailed() => new(ProblemKind.PreconditionFailed,
        new("The resource has changed since you read it: read it again and retry with the new ETag in If-Match.",
            "Zasób zmienił się od chwili odczytu: odczytaj go ponownie i powtórz zmianę z nowym ETag w nagłówku If-Match."));

    public static ProblemException PreconditionRequired() => new(ProblemKind.PreconditionRequired,
        new("Send the ETag you read in an If-Match header, so that concurrent edits are not lost.",
            "Prześlij odczytany ETag w nagłówku If-Match, aby równoległe zmiany nie zostały utracone."));

    public static ProblemException Validation(string field, Text message) =>
        new(ProblemKind.ValidationFailed, message,
            new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [message.ToString()] } });
}
