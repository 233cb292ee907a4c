using Microsoft.AspNetCore.Mvc;
using TrainingApi.Common.Localization;

namespace TrainingApi.Common.Problems;

/// <summary>
/// Writes a problem straight to a response, for the places that answer before any handler runs (a refused credential, a
/// rate limit) and so have no exception to throw: the same body as <see cref="ProblemExceptionHandler"/> writes, through
/// the same <see cref="IProblemDetailsService"/> (trace id, Content-Language, <see cref="ProblemJsonWriter"/>).
/// </summary>
public static class ProblemResponse
{
    /// <summary>The problem of a kind with a detail: status, type and title from the kind.</summary>
    public static ProblemDetails Of(ProblemKind kind, string? detail) =>
        new() { Status = kind.Status, Type = kind.Type, Title = kind.Title.ToString(), Detail = detail };

    /// <summary>Sets the status and writes the problem of <paramref name="kind"/> with <paramref name="detail"/>.</summary>
    public static async Task WriteProblemAsync(this HttpContext http, ProblemKind kind, Text detail)
    {
        http.Response.StatusCode = kind.Status;
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = Of(kind, detail.ToString()),
        });
    }
}
