using Microsoft.AspNetCore.HttpLogging;

namespace TrainingApi.Common.Http.PublicReads;

public sealed class PublicReadsOptions
{
    public const string Section = "PublicReads";

    /// <summary>Memory the answers of one tag may hold (keys, headers and bodies); past it new answers are served, not kept.</summary>
    public long MaxBytesPerTag { get; set; } = 64L * 1024 * 1024;

    /// <summary>Distinct request targets one tag may hold, whatever their size.</summary>
    public int MaxEntriesPerTag { get; set; } = 10_000;

    /// <summary>An answer larger than this is sent but never kept.</summary>
    public int MaxBodyBytes { get; set; } = 16 * 1024 * 1024;
}

/// <summary>The fast lane for anonymous reads answered from memory, and the sampled access log. See docs/performance.md.</summary>
public static class PublicReadsSetup
{
    public static IServiceCollection AddPublicReads(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AccessLogOptions>(configuration.GetSection(AccessLogOptions.Section));
        services.Configure<PublicReadsOptions>(configuration.GetSection(PublicReadsOptions.Section));
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
