using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace TrainingApi.Common.Http;

public static class KestrelSetup
{
    /// <summary>No Server banner: it tells an attacker what to look up.</summary>
    public static IServiceCollection AddApiKestrel(this IServiceCollection services)
    {
        services.AddOptions<KestrelServerOptions>().Configure(kestrel =>
        {
            kestrel.AddServerHeader = false;
        });
        return services;
    }
}
