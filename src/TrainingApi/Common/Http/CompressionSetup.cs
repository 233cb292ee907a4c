using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;

namespace TrainingApi.Common.Http;

/// <summary>
/// Brotli or gzip, as the client asks, for the text the API sends (JSON, problems, CSV, HTML, Atom/XML, Markdown); never for ZIP,
/// XLSX or IMS Common Cartridge packages, which are compressed already, nor for a byte range.
/// </summary>
public static class CompressionSetup
{
    public static readonly string[] MimeTypes =
    [
        "application/json", "application/problem+json", "application/atom+xml", "application/xml", "text/xml", "text/csv", "text/html",
        "text/markdown", "text/plain", "text/css", "application/javascript", "text/javascript",
    ];

    public static IServiceCollection AddApiCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            // BREACH needs a secret and attacker-chosen text in one compressed body: the secrets the API sends (issued API keys,
            // webhook signing secrets) are answers to POSTs, and answers to anything but GET are never compressed (SafeMethodsOnly).
            o.EnableForHttps = true;
            o.MimeTypes = MimeTypes;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
        });
        // Fastest: the bodies are small and made per request; the level that pays off for static files costs CPU here.
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.AddSingleton<IResponseCompressionProvider, SafeMethodsOnly>();
        return services;
    }

    /// <summary>The framework's choice, for GET only.</summary>
    private sealed class SafeMethodsOnly(IServiceProvider services, IOptions<ResponseCompressionOptions> options)
        : ResponseCompressionProvider(services, options)
    {
        public override bool ShouldCompressResponse(HttpContext context) =>
            HttpMethods.IsGet(context.Request.Method) && base.ShouldCompressResponse(context);
    }
}
