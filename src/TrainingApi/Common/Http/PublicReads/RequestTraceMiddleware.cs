using System.Collections;
using System.Diagnostics;

namespace TrainingApi.Common.Http.PublicReads;

/// <summary>
/// The request's trace (an <see cref="Activity"/>, continuing the caller's W3C <c>traceparent</c>) and its log scope (RequestId,
/// RequestPath; TraceId and SpanId come from the activity), as the hosting layer makes them — for the full pipeline only.
/// Hosting would make both for every request, answers from memory included, as soon as its diagnostics logger is enabled at any
/// level, which costs the answers from memory more than answering does (docs/performance.md#decision-record), so appsettings.json switches the
/// <c>Microsoft.AspNetCore.Hosting.Diagnostics</c> logger off and this middleware, placed right after the fast lane, puts them
/// back for everything else. With tracing on (Common/Telemetry), hosting still starts the activity itself for its listeners;
/// then this one only adds the scope.
/// </summary>
public sealed class RequestTraceMiddleware(RequestDelegate next, ILogger<RequestTraceMiddleware> log)
{
    private const string ActivityName = "Microsoft.AspNetCore.Hosting.HttpRequestIn";

    public async Task InvokeAsync(HttpContext http)
    {
        var activity = Activity.Current is null ? Start(http.Request.Headers) : null;
        try
        {
            using (log.BeginScope(new RequestScope(http.TraceIdentifier, http.Request.Path.ToString())))
            {
                await next(http);
            }
        }
        finally
        {
            activity?.Stop();
        }
    }

    private static Activity Start(IHeaderDictionary headers)
    {
        var activity = new Activity(ActivityName);
        DistributedContextPropagator.Current.ExtractTraceIdAndState(
            headers,
            static (carrier, name, out value, out values) =>
            {
                values = default;
                value = carrier is IHeaderDictionary h && h.TryGetValue(name, out var found) ? found.ToString() : null;
            },
            out var parent,
            out var state);
        if (!string.IsNullOrEmpty(parent) && ActivityContext.TryParse(parent, state, isRemote: true, out var context))
        {
            activity.SetParentId(context.TraceId, context.SpanId, context.TraceFlags);
            activity.TraceStateString = context.TraceState;
        }

        return activity.Start();
    }

    /// <summary>The two fields hosting's own scope carries, so log entries look as they did.</summary>
    private sealed class RequestScope(string requestId, string requestPath) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public int Count => 2;

        public KeyValuePair<string, object?> this[int index] => index switch
        {
            0 => new("RequestId", requestId),
            1 => new("RequestPath", requestPath),
            _ => throw new ArgumentOutOfRangeException(nameof(index)),
        };

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
        {
            yield return this[0];
            yield return this[1];
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => $"RequestPath:{requestPath} RequestId:{requestId}";
    }
}
