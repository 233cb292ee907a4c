using System.Diagnostics;
using TrainingApi.Common.Security;

namespace TrainingApi.Common.UseCases;

/// <summary>
/// Tells the request's <see cref="UseCaseContext"/> who is calling, right after authentication: from here on the
/// caller is a value of the scope, not a lookup into the HttpContext, so nothing that outlives the request can
/// read a disposed request.
/// </summary>
public sealed class RequestActorMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext http, UseCaseContext context)
    {
        context.Begin(new Actor(Caller.From(http.User)), Activity.Current?.TraceId.ToString());
        return next(http);
    }
}
