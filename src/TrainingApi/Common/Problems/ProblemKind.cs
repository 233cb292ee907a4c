using TrainingApi.Common.Localization;

namespace TrainingApi.Common.Problems;

/// <summary>
/// The stable catalogue of problem types (RFC 9457 <c>type</c>). Clients switch on the type URI,
/// never on the title or detail, which are localized and may be reworded.
/// </summary>
public sealed record ProblemKind(string Slug, int Status, Text Title)
{
    public const string BaseUri = "https://trainingapi.ore.edu.pl/problems/";

    public string Type => BaseUri + Slug;

    public static readonly ProblemKind ValidationFailed = new("validation-failed", 400,
        new("One or more fields are invalid.", "Co najmniej jedno pole ma niepoprawną wartość."));
    public static readonly ProblemKind MalformedRequest = new("malformed-request", 400,
        new("The request could not be read.", "Nie można odczytać żądania."));
    public static readonly ProblemKind Unauthorized = new("unauthorized", 401,
        new("Authentication is required.", "Wymagane jest uwierzytelnienie."));
    public static readonly ProblemKind Forbidden = new("forbidden", 403,
        new("You may not perform this operation.", "Nie masz uprawnień do tej operacji."));
    public static readonly ProblemKind NotFound = new("not-found", 404,
        new("The resource was not found.", "Nie znaleziono zasobu."));
    public static readonly ProblemKind MethodNotAllowed = new("method-not-allowed", 405,
        new("The method is not allowed for this resource.", "Ta metoda nie jest dozwolona dla tego zasobu."));
    public static readonly ProblemKind NotAcceptable = new("not-acceptable", 406,
        new("The requested representation is not available.", "Żądana reprezentacja nie jest dostępna."));
    public static readonly ProblemKind Conflict = new("conflict", 409,
        new("The request conflicts with the current state of the resource.", "Żądanie jest sprzeczne z bieżącym stanem zasobu."));
    public static readonly ProblemKind PreconditionFailed = new("precondition-failed", 412,
        new("The resource has changed since you read it.", "Zasób zmienił się od chwili odczytu."));
    public static readonly ProblemKind PayloadTooLarge = new("payload-too-large", 413,
        new("The request body is too large.", "Treść żądania jest zbyt duża."));
    public static readonly ProblemKind UriTooLong = new("uri-too-long", 414,
        new("The request URL is too long.", "Adres URL żądania jest zbyt długi."));
    public static readonly ProblemKind UnsupportedMediaType = new("unsupported-media-type", 415,
        new("The request body has an unsupported media type.", "Nieobsługiwany typ treści żądania."));
    public static readonly ProblemKind UnprocessableContent = new("unprocessable-content", 422,
        new("The request is well-formed but cannot be processed.", "Żądanie jest poprawne składniowo, ale nie może zostać przetworzone."));
    public static readonly ProblemKind PreconditionRequired = new("precondition-required", 428,
        new("This update requires an If-Match header.", "Ta zmiana wymaga nagłówka If-Match."));
    public static readonly ProblemKind TooManyRequests = new("too-many-requests", 429,
        new("Too many requests.", "Zbyt wiele żądań."));
    public static readonly ProblemKind HeadersTooLarge = new("headers-too-large", 431,
        new("The request headers are too large.", "Nagłówki żądania są zbyt duże."));
    public static readonly ProblemKind InternalError = new("internal-error", 500,
        new("An unexpected error occurred.", "Wystąpił nieoczekiwany błąd."));
    public static readonly ProblemKind ServiceUnavailable = new("service-unavailable", 503,
        new("The service is temporarily unavailable.", "Usługa jest chwilowo niedostępna."));

    public static IReadOnlyList<ProblemKind> All { get; } =
    [
        ValidationFailed, MalformedRequest, Unauthorized, Forbidden, NotFound, MethodNotAllowed, NotAcceptable,
        Conflict, PreconditionFailed, PayloadTooLarge, UriTooLong, UnsupportedMediaType, UnprocessableContent,
        PreconditionRequired, TooManyRequests, HeadersTooLarge, InternalError, ServiceUnavailable,
    ];

    /// <summary>The kind used when only a status code is known (status code pages, framework results).</summary>
    public static ProblemKind ForStatus(int status) =>
        All.FirstOrDefault(k => k.Status == status && k != MalformedRequest)
        ?? (status >= 500 ? InternalError : MalformedRequest);
}
