using System.Runtime.CompilerServices;
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

/// <summary>
/// Shorthands for the refusals every slice needs, with bilingual details. Each kind takes an optional detail (the kind's title
/// otherwise), an optional stable <c>code</c> clients switch on, and further members after it, in that order on the wire.
/// </summary>
public static class Problem
{
    /// <summary>
    /// "No {resource} with id … exists". Positional (noun, id) always means this form, even for a string id such as an anchor
    /// (hence the priority); the detail form takes its code by name: <c>NotFound(detail, code: "…")</c>.
    /// </summary>
    [OverloadResolutionPriority(1)]
    public static ProblemException NotFound(Text resource, object id) => new(ProblemKind.NotFound,
        new($"No {resource.En} with id '{id}' exists, or you may not see it.",
            $"Nie istnieje {resource.Pl} o identyfikatorze '{id}' albo nie masz do niego dostępu."));

    public static ProblemException NotFound(Text? detail = null, string? code = null, IEnumerable<(string Key, object? Value)>? more = null) =>
        Of(ProblemKind.NotFound, detail, code, more);

    public static ProblemException Forbidden(Text? detail = null, string? code = null, IEnumerable<(string Key, object? Value)>? more = null) =>
        Of(ProblemKind.Forbidden, detail, code, more);

    public static ProblemException Conflict(Text? detail = null, string? code = null, IEnumerable<(string Key, object? Value)>? more = null,
        int? retryAfterSeconds = null) =>
        new(ProblemKind.Conflict, detail ?? ProblemKind.Conflict.Title, Extensions(code, more)) { RetryAfterSeconds = retryAfterSeconds };

    public static ProblemException Unprocessable(Text? detail = null, string? code = null, IEnumerable<(string Key, object? Value)>? more = null) =>
        Of(ProblemKind.UnprocessableContent, detail, code, more);

    public static ProblemException TooManyRequests(int retryAfterSeconds) => new(ProblemKind.TooManyRequests,
        new($"You sent more requests than your limit allows. Retry in {retryAfterSeconds} s.",
            $"Przekroczono limit żądań. Spróbuj ponownie za {retryAfterSeconds} s."))
    {
        RetryAfterSeconds = retryAfterSeconds,
    };

    public static ProblemException PreconditionFailed() => new(ProblemKind.PreconditionFailed,
        new("The resource has changed since you read it: read it again and retry with the new ETag in If-Match.",
            "Zasób zmienił się od chwili odczytu: odczytaj go ponownie i powtórz zmianę z nowym ETag w nagłówku If-Match."));

    public static ProblemException PreconditionRequired() => new(ProblemKind.PreconditionRequired,
        new("Send the ETag you read in an If-Match header, so that concurrent edits are not lost.",
            "Prześlij odczytany ETag w nagłówku If-Match, aby równoległe zmiany nie zostały utracone."));

    public static ProblemException Validation(string field, Text message) =>
        new(ProblemKind.ValidationFailed, message,
            new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [message.ToString()] } });

    private static ProblemException Of(ProblemKind kind, Text? detail, string? code, IEnumerable<(string Key, object? Value)>? more) =>
        new(kind, detail ?? kind.Title, Extensions(code, more));

    private static Dictionary<string, object?>? Extensions(string? code, IEnumerable<(string Key, object? Value)>? more)
    {
        var extensions = new Dictionary<string, object?>();
        if (code is not null)
        {
            extensions["code"] = code;
        }

        foreach (var (key, value) in more ?? [])
        {
            extensions.Add(key, value);
        }

        return extensions.Count == 0 ? null : extensions;
    }
}
