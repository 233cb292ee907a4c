using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace TrainingApi.Common.Problems;

/// <summary>
/// The only problem writer: every problem is sent as <c>application/problem+json</c>, whatever the request's Accept named. The
/// framework's own writer declines when Accept names no JSON type (<c>text/csv</c> for a report, <c>application/zip</c> for a
/// download), and a problem nobody can write turned a 401, 404 or 429 into an empty 500. RFC 9110 §12.5.1 lets a server send an
/// error in a type the client did not ask for, and a client that asked for CSV still needs to learn why it got none.
/// </summary>
public sealed class ProblemJsonWriter(IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, IOptions<ProblemDetailsOptions> options) : IProblemDetailsWriter
{
    public const string ContentType = "application/problem+json";

    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        options.Value.CustomizeProblemDetails?.Invoke(context);
        var http = context.HttpContext;
        var problem = context.ProblemDetails;
        problem.Status ??= http.Response.StatusCode;
        var typeInfo = json.Value.SerializerOptions.GetTypeInfo(problem.GetType());
        return new ValueTask(http.Response.WriteAsJsonAsync(problem, typeInfo, ContentType, http.RequestAborted));
    }
}
