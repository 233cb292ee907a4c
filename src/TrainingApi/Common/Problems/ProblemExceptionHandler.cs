using System.Net.Sockets;
using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using TrainingApi.Common.Http;
using TrainingApi.Common.Localization;

namespace TrainingApi.Common.Problems;

/// <summary>
/// The one place where exceptions become RFC 9457 problems. Anything it does not recognise is a 500
/// whose body says nothing about the internals; the exception itself goes to the log with the trace id.
/// </summary>
public sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> log)
    : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var (kind, detail, extensions) = Classify(exception, http);

        if (kind.Status >= 500)
        {
            LogServerError(log, exception, kind.Slug);
        }

        var retryAfter = exception is ProblemException { RetryAfterSeconds: { } seconds } ? seconds
            : kind == ProblemKind.ServiceUnavailable ? RetryAfterSeconds
            : (int?)null;
        if (retryAfter is not null)
        {
            http.Response.Headers.RetryAfter = retryAfter.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var problem = ProblemResponse.Of(kind, detail);
        foreach (var (key, value) in extensions)
        {
            problem.Extensions[key] = value;
        }

        http.Response.StatusCode = kind.Status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static (ProblemKind Kind, string? Detail, IReadOnlyDictionary<string, object?> Extensions) Classify(Exception exception, HttpContext http)
    {
        var none = new Dictionary<string, object?>();
        switch (exception)
        {
            case ProblemException p:
                return (p.Kind, p.Detail.ToString(), p.Extensions);

            case ValidationException v:
                var errors = v.Errors
                    .GroupBy(e => string.IsNullOrEmpty(e.PropertyName) ? "$" : e.PropertyName)
                    .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());
                return (ProblemKind.ValidationFailed,
                    new Text("Correct the fields listed in 'errors' and send the request again.",
                        "Popraw pola wymienione w 'errors' i wyślij żądanie ponownie.").ToString(),
                    new Dictionary<string, object?> { ["errors"] = errors });

            case BadHttpRequestException bad:
                return ClassifyBadRequest(bad, http);

            case DbUpdateConcurrencyException:
                var stale = Problem.PreconditionFailed();
                return (stale.Kind, stale.Detail.ToString(), none);

            case DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } }:
                return (ProblemKind.Conflict, new Text(
                    "The resource already exists or conflicts with one that does.",
                    "Zasób już istnieje albo koliduje z istniejącym.").ToString(), none);
        }

        if (IsDatabaseUnavailable(exception))
        {
            return (ProblemKind.ServiceUnavailable, new Text(
                $"The database is not answering. Retry in {RetryAfterSeconds} seconds.",
                $"Baza danych nie odpowiada. Spróbuj ponownie za {RetryAfterSeconds} s.").ToString(), none);
        }

        return (ProblemKind.InternalError, new Text(
            "The error was logged; quote the traceId when you report it.",
            "Błąd został zapisany; podaj traceId, zgłaszając go.").ToString(), none);
    }

    private static (ProblemKind, string?, IReadOnlyDictionary<string, object?>) ClassifyBadRequest(BadHttpRequestException bad, HttpContext http)
    {
        var none = new Dictionary<string, object?>();
        if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (ProblemKind.PayloadTooLarge, new Text(
                "The request body is larger than this API accepts; send less data per request.",
                "Treść żądania przekracza dopuszczalny rozmiar; wyślij mniej danych w jednym żądaniu.").ToString(), none);
        }

        if (bad.StatusCode == StatusCodes.Status414UriTooLong)
        {
            return (ProblemKind.UriTooLong, new Text(
                "The URL is longer than this API accepts; send fewer or shorter query parameters.",
                "Adres URL jest dłuższy, niż przyjmuje to API; wyślij mniej lub krótsze parametry zapytania.").ToString(), none);
        }

        if (bad.StatusCode == StatusCodes.Status431RequestHeaderFieldsTooLarge)
        {
            return (ProblemKind.HeadersTooLarge, new Text(
                "The request headers are larger than this API accepts (in total, or too many of them); send fewer or shorter headers.",
                "Nagłówki żądania są większe, niż przyjmuje to API (łącznie lub jest ich zbyt wiele); wyślij mniej lub krótsze nagłówki.").ToString(), none);
        }

        if (bad.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            return (ProblemKind.UnsupportedMediaType, UnreadableParameter.UnsupportedMediaType(http).ToString(), none);
        }

        // System.Text.Json's own message names .NET types; report only the JSON path and what was wrong there.
        if (bad.InnerException is JsonException json)
        {
            if (MissingMembers(json) is { Count: > 0 } missing)
            {
                return (ProblemKind.ValidationFailed,
                    new Text("Correct the fields listed in 'errors' and send the request again.",
                        "Popraw pola wymienione w 'errors' i wyślij żądanie ponownie.").ToString(),
                    new Dictionary<string, object?> { ["errors"] = missing.ToDictionary(m => m, _ => new[] { MissingMember.ToString() }) });
            }

            var path = string.IsNullOrEmpty(json.Path) ? "$" : json.Path;
            var unknownMember = json.Message.Contains("could not be mapped", StringComparison.Ordinal);
            var message = json is NulCharacterJsonException ? NulCharacters.Message
                : unknownMember ? new Text("This member is not part of the request; remove it.", "Ten element nie należy do żądania; usuń go.")
                : UnreadableParameter.FromJson(json, path, http);
            var detail = unknownMember || json is NulCharacterJsonException
                ? new Text($"The request body could not be read at \"{path}\": {message.En}", $"Nie można odczytać treści żądania w miejscu \"{path}\": {message.Pl}")
                : message;
            return (ProblemKind.MalformedRequest, detail.ToString(),
                new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [path] = [message.ToString()] } });
        }

        if (UnreadableParameter.FromRuntimeMessage(bad.Message, http) is { } parameter)
        {
            var extensions = new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [parameter.Name] = [parameter.Message.ToString()] } };
            if (parameter.Name != "$")
            {
                extensions["parameter"] = parameter.Name;
            }

            return (ProblemKind.MalformedRequest, parameter.Message.ToString(), extensions);
        }

        // Whatever else the runtime could not read: its message is English and names .NET types, so it stays in the log only.
        return (ProblemKind.MalformedRequest, UnreadableRequestDetail(), none);
    }

    private static readonly Text MissingMember = new(
        "This member is required: send it (the server never assumes a value for it).",
        "To pole jest wymagane: prześlij je (serwer nie przyjmuje za nie żadnej wartości domyślnej).");

    /// <summary>
    /// The members a body left out that must be sent (see <see cref="RequiredRequestMembers"/>), as field paths like the
    /// validators' (<c>opensAt</c>, <c>items[0].disposition</c>). System.Text.Json names them only in its message, after the type's
    /// .NET name, which is not repeated to the client.
    /// </summary>
    private static List<string> MissingMembers(JsonException json)
    {
        const string marker = "missing required properties including: ";
        var at = json.Message.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return [];
        }

        var owner = string.IsNullOrEmpty(json.Path) || json.Path == "$" ? "" : json.Path.StartsWith("$.", StringComparison.Ordinal) ? json.Path[2..] : json.Path.TrimStart('$');
        return json.Message[(at + marker.Length)..].TrimEnd('.').Split(", ")
            .Select(name => name.Trim('\''))
            .Where(name => name.Length > 0)
            .Select(name => owner.Length == 0 ? name : owner + "." + name)
            .ToList();
    }

    /// <summary>The detail of a 400 for a request that could not be read, when no parameter can be named.</summary>
    public static string UnreadableRequestDetail() => new Text(
        "A parameter or the body of the request could not be read; check them against the API description.",
        "Nie można odczytać parametru lub treści żądania; sprawdź je z opisem API.").ToString();

    private static bool IsDatabaseUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException pg when pg.SqlState.StartsWith("08", StringComparison.Ordinal)
                                              || pg.SqlState.StartsWith("57P", StringComparison.Ordinal)
                                              || pg.SqlState == PostgresErrorCodes.SerializationFailure
                                              || pg.SqlState == PostgresErrorCodes.DeadlockDetected
                                              || pg.SqlState == PostgresErrorCodes.TooManyConnections:
                case NpgsqlException { IsTransient: true }:
                case SocketException:
                case TimeoutException:
                case RetryLimitExceededException:
                    return true;
            }
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Request failed with {ProblemSlug}")]
    private static partial void LogServerError(ILogger logger, Exception exception, string problemSlug);
}
