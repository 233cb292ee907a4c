using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TrainingApi.Common.Http;

/// <summary>
/// File downloads answer HEAD as they answer GET (same status and headers, no body) and byte ranges (see
/// <see cref="ConditionalGet.Download"/>). HEAD is one route with GET, under the same authorization; the contract documents the GET
/// only (HEAD is implied by RFC 9110 §9.3.2), so HEAD descriptions are left out of the API explorer.
/// </summary>
public static class Downloads
{
    /// <summary>
    /// The methods of a download route: <c>MapMethods(pattern, Downloads.GetAndHead, handler)</c> at the call site (not a
    /// wrapper taking a <see cref="Delegate"/>), so the request delegate generator sees the handler and builds it at compile time.
    /// </summary>
    public static readonly IReadOnlyList<string> GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    public static IServiceCollection AddDownloads(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Transient<IApiDescriptionProvider, HeadLeftOut>());
        return services;
    }

    private sealed class HeadLeftOut : IApiDescriptionProvider
    {
        /// <summary>After the framework's providers, which describe each of an endpoint's methods.</summary>
        public int Order => 0;

        public void OnProvidersExecuting(ApiDescriptionProviderContext context)
        {
        }

        public void OnProvidersExecuted(ApiDescriptionProviderContext context)
        {
            var heads = context.Results.Where(d => HttpMethods.IsHead(d.HttpMethod ?? "")).ToList();
            foreach (var head in heads)
            {
                context.Results.Remove(head);
            }
        }
    }
}
