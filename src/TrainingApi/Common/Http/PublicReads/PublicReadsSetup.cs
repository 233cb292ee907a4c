using Microsoft.AspNetCore.HttpLogging;

namespace TrainingApi.Common.Http.PublicReads;

/// <summary>The fast lane for anonymous reads answered from memory, and the sampled access log. See docs/performance.md.</summary>
public static class PublicReadsSetup
{
    public static IServiceCollection AddPublicReads(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AccessLogOptions>(configuration.GetSection(AccessLogOptions.Section));
        services.AddSingleton<AccessLogSampler>();
        services.AddSingleton<IHttpLoggingInterceptor, SampledAccessLog>();
        services.AddSingleton<PublicResponseCache>();
        return services;
    }

    /// <summary>
    /// First in the pipeline: what it answers never reaches the rest. Then the request's trace and log scope, which hosting no
    /// longer makes for every request (its diagnostics logger is off in appsettings.json; see RequestTraceMiddleware).
    /// </summary>
    public static WebApplication UsePublicFastLane(this WebApplication app)
    {
        app.UseMiddleware<PublicFastLaneMiddleware>();
        app.UseMiddleware<RequestTraceMiddleware>();
        return app;
    }
}
