using System.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace TrainingApi.Common.Problems;

public static class ProblemDetailsSetup
{
    public static IServiceCollection AddApiProblemDetails(this IServiceCollection services)
    {
        services.AddExceptionHandler<ProblemExceptionHandler>();
        // Registered before AddProblemDetails adds the framework's writer, and it always accepts, so it writes every problem.
        services.AddSingleton<IProblemDetailsWriter, ProblemJsonWriter>();
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            var problem = ctx.ProblemDetails;
            var status = problem.Status ?? ctx.HttpContext.Response.StatusCode;
            // Problems produced by the framework (status code pages, 404 for an unknown route, 405) get the
            // same stable type and localized title as ours.
            if (problem.Type is null || !problem.Type.StartsWith(ProblemKind.BaseUri, StringComparison.Ordinal))
            {
                var unreadable = status == StatusCodes.Status400BadRequest && ctx.Exception is null
                    ? UnreadableParameter.Describe(ctx.HttpContext)
                    : null;
                var kind = unreadable is null ? ProblemKind.ForStatus(status) : ProblemKind.MalformedRequest;
                problem.Type = kind.Type;
                problem.Title = kind.Title.ToString();
                if (unreadable is { } found)
                {
                    problem.Detail = found.Message.ToString();
                    problem.Extensions["errors"] = new Dictionary<string, string[]> { [found.Name] = [found.Message.ToString()] };
                    problem.Extensions["parameter"] = found.Name;
                }
                else if (status == StatusCodes.Status415UnsupportedMediaType && ctx.Exception is null)
                {
                    problem.Detail ??= UnreadableParameter.UnsupportedMediaType(ctx.HttpContext).ToString();
                }
            }

            // Every problem has a code, so that a client can always switch on it (and a generated client can pick the typed problem
            // by it, see Common/OpenApi/TypedProblems): the specific refusal's, or else the kind's.
            if (!problem.Extensions.ContainsKey("code"))
            {
                problem.Extensions["code"] = problem.Type[ProblemKind.BaseUri.Length..];
            }

            problem.Instance ??= ctx.HttpContext.Request.Path;
            problem.Extensions["traceId"] = Activity.Current?.TraceId.ToString()
                ?? ctx.HttpContext.Features.Get<IHttpActivityFeature>()?.Activity.TraceId.ToString()
                ?? ctx.HttpContext.TraceIdentifier;
        });
        return services;
    }
}
