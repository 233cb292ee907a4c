using Microsoft.AspNetCore.HttpLogging;
using TrainingApi.Common.Audit;
using TrainingApi.Common.Events;
using TrainingApi.Common.Health;
using TrainingApi.Common.Http;
using TrainingApi.Common.Http.PublicReads;
using TrainingApi.Common.Idempotency;
using TrainingApi.Common.Localization;
using TrainingApi.Common.Logging;
using TrainingApi.Common.Mediator;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Persistence;
using TrainingApi.Common.PersonalData;
using TrainingApi.Common.Problems;
using TrainingApi.Common.RateLimiting;
using TrainingApi.Common.Security;
using TrainingApi.Common.Security.ApiKeys;
using TrainingApi.Common.Telemetry;
using TrainingApi.Common.Webhooks;

namespace TrainingApi.Common.Startup;

/// <summary>The cross-cutting services and middleware every slice relies on, in one place so Program.cs stays composition only.</summary>
public static class Platform
{
    private const string AuditTag = "Audit";

    public static WebApplicationBuilder AddPlatform(this WebApplicationBuilder builder)
    {
        var services = builder.Services;

        builder.AddApiConsoleLog();
        // Method, path, status and duration only: no query strings, headers or bodies, which can carry personal data.
        services.AddHttpLogging(o =>
        {
            o.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath
                              | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
            o.CombineLogs = true;
        });

        // Anonymous reads answered from memory before the pipeline, and the sampled access log (Common/Http/PublicReads).
        services.AddPublicReads(builder.Configuration);
        services.AddSingleton(TimeProvider.System);
        builder.AddApiTelemetry();
        services.AddApiForwardedHeaders(builder.Configuration);
        services.Configure<RequestLimitsOptions>(builder.Configuration.GetSection(RequestLimitsOptions.Section));
        services.Configure<IdempotencyOptions>(builder.Configuration.GetSection(IdempotencyOptions.Section));
        services.AddSingleton<IdempotentAnswers>();
        services.AddScoped<CurrentIdempotencyClaim>();
        services.AddApiKestrel();
        services.AddApiHttps(builder.Configuration);
        services.AddApiJson();
        services.AddApiProblemDetails();
        services.AddApiLocalization();
        services.AddScoped<UseCases.UseCaseContext>();
        services.AddSingleton<UseCases.UseCaseRunner>();
        services.AddSingleton<AuditInterceptor>();
        services.AddScoped<AuditLog>();
        services.AddPersistence(builder.Configuration);
        services.AddUseCases();
        services.AddApiCors(builder.Configuration);
        services.AddPublicBaseUrl(builder.Configuration);
        services.AddApiCompression();
        services.AddDownloads();
        services.AddApiSecurity(builder.Configuration);
        services.AddApiRateLimits(builder.Configuration);
        services.AddWebhooks(builder.Configuration);
        services.AddPersonalData(builder.Configuration);
        services.AddIntegrationEvent<ApiKeyIssued>();
        services.AddIntegrationEvent<ApiKeyRevoked>();
        services.AddApiHealth();
        services.AddApiContract();
        services.AddApiTag(AuditTag, "The audit trail: who changed what and when, with a summary before and after, for the programme team.");
        services.AddHostedService<Housekeeping>();
        return builder;
    }

    public static WebApplication UsePlatform(this WebApplication app)
    {
        // Forwarded headers first: the fast lane's per-address limit and its https check read the client's address and scheme.
        app.UseApiForwardedHeaders();
        // Next, so that what it answers from memory pays for nothing below (docs/performance.md).
        app.UsePublicFastLane();
        app.UseHttpLogging();
        // Outside everything below that can answer (HTTPS redirect, the exception handler, status-code pages), so every response they
        // make gets its headers, redirects and problems included.
        app.UseMiddleware<ResponseHeadersMiddleware>();
        app.UseApiHttps();
        app.UseResponseCompression();
        // Culture first: the exception handler runs outside the inner middleware's async flow, and its
        // problems must be in the language the client asked for.
        app.UseRequestLocalization();
        app.UseExceptionHandler();
        // Framework-made errors (unknown route, wrong method) become problems too.
        app.UseStatusCodePages();
        app.UseMiddleware<RequestHeadLimitMiddleware>();
        app.UseApiContract();
        app.UseRouting();
        // After routing: an upload endpoint declares a larger limit than the rest.
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.UseMiddleware<NulCharacterMiddleware>();
        // Before authentication: a browser's preflight carries no credentials, and is answered here (204) for any endpoint.
        app.UseCors();
        app.UseAuthentication();
        // From here on the caller is a value of the request's scope (UseCaseContext), never read back from HttpContext.
        app.UseMiddleware<UseCases.RequestActorMiddleware>();
        app.UseRateLimiter();
        app.UseMiddleware<PartnerRateLimitMiddleware>();
        app.UseAuthorization();
        // After authorization, so a refused caller never claims a key; before the endpoint, to replay.
        app.UseMiddleware<IdempotencyMiddleware>();

        app.MapApiHealth();
        app.MapApiTelemetry();
        app.MapApiKeys();
        app.MapWebhooks();
        app.MapPersonalData();
        ListAuditEntries.Map(app.MapGroup("/api/v1/audit-entries").WithTags(AuditTag));
        return app;
    }
}
