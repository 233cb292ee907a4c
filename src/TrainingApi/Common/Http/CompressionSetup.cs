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
            // webhook signing secrets) are answers to POSTs, and answers to anything but GET and HEAD are never compressed (Negotiated).
            o.EnableForHttps = true;
            o.MimeTypes = MimeTypes;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
        });
        // Fastest: the bodies are small and made per request; the level that pays off for static files costs CPU here.
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.AddSingleton<IResponseCompressionProvider, Negotiated>();
        return services;
    }

    /// <summary>
    /// The coding <see cref="ContentCoding.Choose"/> picks (the framework's own choice lets <c>*</c> cover a coding the client
    /// refused), for GET and HEAD only: a HEAD says what the GET would send.
    /// </summary>
    private sealed class Negotiated(IServiceProvider services, IOptions<ResponseCompressionOptions> options)
        : ResponseCompressionProvider(services, options)
    {
        private readonly BrotliCompressionProvider brotli = new(services.GetRequiredService<IOptions<BrotliCompressionProviderOptions>>());
        private readonly GzipCompressionProvider gzip = new(services.GetRequiredService<IOptions<GzipCompressionProviderOptions>>());

        public override ICompressionProvider? GetCompressionProvider(HttpContext context) =>
            ContentCoding.Choose(context.Request.Headers.AcceptEncoding) switch
            {
                ContentCoding.Brotli => brotli,
                ContentCoding.Gzip => gzip,
                _ => null,
            };

        public override bool ShouldCompressResponse(HttpContext context) =>
            (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)) && base.ShouldCompressResponse(context);
    }
}
