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

    /// <summary>The typed refusal this problem is, when it carries members beyond <c>code</c> and <c>errors</c>.</summary>
    public ProblemShape? Shape { get; init; }
}

/// <summary>
/// Shorthands for the refusals every slice needs, with bilingual details. Each kind takes an optional detail (the kind's title
/// otherwise) and an optional stable <c>code</c> clients switch on. A refusal with further members is a <see cref="ProblemShape{TMembers}"/>,
/// so that the contract describes every member it sends.
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

    public static ProblemException NotFound(Text? detail = null, string? code = null) =>
        Of(ProblemKind.NotFound, detail, code);

    public static ProblemException Forbidden(Text? detail = null, string? code = null) =>
        Of(ProblemKind.Forbidden, detail, code);

    public static ProblemException Conflict(Text? detail = null, string? code = null,
        int? retryAfterSeconds = null) =>
        new(ProblemKind.Conflict, detail ?? ProblemKind.Conflict.Title, Extensions(code)) { RetryAfterSeconds = retryAfterSeconds };

    public static ProblemException Unprocessable(Text? detail = null, string? code = null) =>
        Of(ProblemKind.UnprocessableContent, detail, code);

    public static ProblemException PayloadTooLarge(Text? detail = null, string? code = null) =>
        Of(ProblemKind.PayloadTooLarge, detail, code);

    public static ProblemException UnsupportedMediaType(Text? detail = null, string? code = null) =>
        Of(ProblemKind.UnsupportedMediaType, detail, code);

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

    /// <summary>Several fields refused at once, each with its messages, as the validation behaviour answers.</summary>
    public static ProblemException Validation(IReadOnlyDictionary<string, string[]> errors) =>
        new(ProblemKind.ValidationFailed,
            new("Correct the fields listed in 'errors' and send the request again.", "Popraw pola wymienione w 'errors' i wyślij żądanie ponownie."),
            new Dictionary<string, object?> { ["errors"] = errors });

    private static ProblemException Of(ProblemKind kind, Text? detail, string? code) =>
        new(kind, detail ?? kind.Title, Extensions(code));

    private static Dictionary<string, object?>? Extensions(string? code) =>
        code is null ? null : new Dictionary<string, object?> { ["code"] = code };
}
