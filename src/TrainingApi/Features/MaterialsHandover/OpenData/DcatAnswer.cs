using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using TrainingApi.Common.Http;
using TrainingApi.Common.Http.PublicReads;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Problems;
using TrainingApi.Features.MaterialsHandover.Catalogue;
using TrainingApi.Features.MaterialsHandover.OpenData.Rdf;

namespace TrainingApi.Features.MaterialsHandover.OpenData;

/// <summary>The shape of the JSON-LD answer, for the contract: prefixes in <c>@context</c>, one node object per subject in <c>@graph</c>.</summary>
public sealed record JsonLdDocument(
    [property: JsonPropertyName("@context")] IReadOnlyDictionary<string, string> Context,
    [property: JsonPropertyName("@graph")] IReadOnlyList<IReadOnlyDictionary<string, JsonElement>> Graph)
{
    public static readonly JsonLdDocument Example = new(
        new Dictionary<string, string> { ["dcat"] = "http://www.w3.org/ns/dcat#", ["dct"] = "http://purl.org/dc/terms/" },
        [new Dictionary<string, JsonElement>
        {
            ["@id"] = JsonSerializer.SerializeToElement("https://szkolenia.example.org/id/programmes/zarzadzanie-cyfryzacja-szkol-w-jst"),
            ["@type"] = JsonSerializer.SerializeToElement(new[] { "dcat:Dataset" }),
            ["dct:title"] = JsonSerializer.SerializeToElement(new[] { new Dictionary<string, string> { ["@value"] = "Zarządzanie cyfryzacją szkół w JST", ["@language"] = "pl" } }),
        }]);
}

/// <summary>A DCAT-AP description as one of the three RDF syntaxes, negotiated on Accept, with validators for conditional GET.</summary>
public static class DcatAnswer
{
    /// <summary>Turtle first: what a client that names nothing (or <c>*/*</c>) gets.</summary>
    public static readonly IReadOnlyList<string> Offered = [TurtleWriter.MediaType, JsonLdWriter.MediaType, RdfXmlWriter.MediaType];

    public sealed record Description(RdfGraph Graph, DateTimeOffset? LastModified);

    public static string Negotiate(HttpRequest request) => AcceptNegotiation.Choose(request, Offered);

    public static byte[] Write(RdfGraph graph, string mediaType) => mediaType switch
    {
        TurtleWriter.MediaType => TurtleWriter.Write(graph),
        JsonLdWriter.MediaType => JsonLdWriter.Write(graph),
        RdfXmlWriter.MediaType => RdfXmlWriter.Write(graph),
        _ => throw new ArgumentOutOfRangeException(nameof(mediaType)),
    };

    /// <summary>
    /// 200 with the description in the negotiated syntax, or 304. The tag is the bytes' hash, so each syntax has its own; Vary: Accept
    /// tells shared caches the same, and the fast lane keeps each negotiated answer apart (CachedPerAcceptWhenAnonymous).
    /// </summary>
    public static Results<FileContentHttpResult, StatusCodeHttpResult> Send(HttpContext http, Description description, string mediaType)
    {
        var bytes = Write(description.Graph, mediaType);
        var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..32]}\"";
        http.Response.Headers.CacheControl = CatalogueRelease.CacheControl;
        http.Response.Headers.Vary = StringValues.Concat(http.Response.Headers.Vary, HeaderNames.Accept);
        return ConditionalGet.File(http, bytes, mediaType + "; charset=utf-8", null, etag, description.LastModified);
    }

    /// <summary>What every DCAT operation declares: public, cached until a publication, the three syntaxes, 304, 404 and 406.</summary>
    public static RouteHandlerBuilder Describe(this RouteHandlerBuilder builder, string name, string summary, string description, params string[] queryParameters) =>
        builder.WithName(name)
            .WithSummary(summary)
            .WithDescription(description + " Turtle (`text/turtle`, also for no Accept or `*/*`), JSON-LD (`application/ld+json`, a `@context` of prefixes " +
                             "and a flattened `@graph`) or RDF/XML (`application/rdf+xml`) by Accept; anything else is 406 listing the three. " +
                             "Every node has an IRI (no blank nodes). ETag (per syntax) and Last-Modified; 304 while unchanged; `Vary: Accept`.")
            .AllowAnonymous()
            .CachedPerAcceptWhenAnonymous(CatalogueCache.Tag, queryParameters)
            .SupportsIfNoneMatch(lastModified: true)
            .ProducesTextFile(StatusCodes.Status200OK, TurtleWriter.MediaType,
                "@prefix dcat: <http://www.w3.org/ns/dcat#> .\n@prefix dct: <http://purl.org/dc/terms/> .\n\n" +
                "<https://szkolenia.example.org/id/programmes/zarzadzanie-cyfryzacja-szkol-w-jst>\n    a dcat:Dataset ;\n    dct:title \"Zarządzanie cyfryzacją szkół w JST\"@pl .\n",
                attachment: false)
            .Produces<JsonLdDocument>(StatusCodes.Status200OK, JsonLdWriter.MediaType)
            .WithResponseExample(StatusCodes.Status200OK, JsonLdDocument.Example)
            .ProducesTextFile(StatusCodes.Status200OK, RdfXmlWriter.MediaType,
                "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:dcat=\"http://www.w3.org/ns/dcat#\" " +
                "xmlns:dct=\"http://purl.org/dc/terms/\">\n  <rdf:Description rdf:about=\"https://szkolenia.example.org/id/programmes/zarzadzanie-cyfryzacja-szkol-w-jst\">\n" +
                "    <rdf:type rdf:resource=\"http://www.w3.org/ns/dcat#Dataset\" />\n    <dct:title xml:lang=\"pl\">Zarządzanie cyfryzacją szkół w JST</dct:title>\n" +
                "  </rdf:Description>\n</rdf:RDF>\n",
                attachment: false)
            .ProducesTypedProblem(StatusCodes.Status406NotAcceptable, AcceptNegotiation.Refusal);
}
