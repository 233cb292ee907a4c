using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace TrainingApi.Common.Http;

public static class KestrelSetup
{
    /// <summary>No Server banner; request line and header limits at twice the application's (see <see cref="RequestHeadLimitMiddleware"/>).</summary>
    public static IServiceCollection AddApiKestrel(this IServiceCollection services)
    {
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<RequestLimitsOptions>>((kestrel, options) =>
        {
            var limits = options.Value;
            kestrel.AddServerHeader = false;
            // Never lower than Kestrel would have had (its defaults: 8 KiB, 32 KiB, 100 headers), however small ours are.
            kestrel.Limits.MaxRequestLineSize = Math.Max(kestrel.Limits.MaxRequestLineSize, 2 * limits.MaxUrlBytes);
            kestrel.Limits.MaxRequestHeadersTotalSize = Math.Max(kestrel.Limits.MaxRequestHeadersTotalSize, 2 * limits.MaxHeaderBytes);
            kestrel.Limits.MaxRequestHeaderCount = Math.Max(kestrel.Limits.MaxRequestHeaderCount, 2 * limits.MaxHeaderCount);
        });
        return services;
    }
}
