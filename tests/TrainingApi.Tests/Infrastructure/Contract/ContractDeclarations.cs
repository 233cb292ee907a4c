using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace TrainingApi.Tests.Infrastructure.Contract;

/// <summary>
/// What the committed contract (api-spec/openapi.json) declares an operation may answer, and whether an answer the API gave
/// keeps to it: a declared status, a declared media type, every header a client could read declared (and every required one
/// sent), and a JSON body that validates against the declared schema.
/// </summary>
public sealed class ContractDeclarations
{
    /// <summary>
    /// Headers of HTTP itself and of the platform, which a client never reads as part of an operation's answer: framing,
    /// negotiation, and the browser policy every answer carries (nosniff, HSTS; CORS's Access-Control-* follow below).
    /// Everything else an answer carries must be declared.
    /// </summary>
    private static readonly HashSet<string> TransportHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        HeaderNames.ContentType, HeaderNames.ContentLength, HeaderNames.TransferEncoding, HeaderNames.Date, HeaderNames.Server,
        HeaderNames.Connection, HeaderNames.KeepAlive, HeaderNames.Vary, HeaderNames.ContentEncoding,
        HeaderNames.XContentTypeOptions, HeaderNames.StrictTransportSecurity, HeaderNames.ContentSecurityPolicy,

        // The caching policy is for caches (browsers, proxies, the CDN), which obey it whatever the contract says; the
        // documentation states it per kind of answer (docs/frontend-guide.md, docs/materials-handover.md).
        // (Pragma and Expires are the exception handler's no-cache for HTTP/1.0 caches.)
        HeaderNames.CacheControl, HeaderNames.Pragma, HeaderNames.Expires,
    };

    private static readonly Lazy<ContractDeclarations> Committed = new(() => new ContractDeclarations(
        JsonNode.Parse(File.ReadAllText(Path.Combine(Common.OpenApiContractTests.RepositoryRoot(), "api-spec", "openapi.json")))!));

    private readonly JsonNode document;
    private readonly ContractSchemas schemas;
    private readonly Dictionary<string, (string Path, string Method, JsonNode Operation)> operations = new(StringComparer.Ordinal);

    public ContractDeclarations(JsonNode document)
    {
        this.document = document;
        schemas = new ContractSchemas(document);
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                if (operation?["operationId"]?.GetValue<string>() is { } id)
                {
                    operations[id] = (path, method.ToUpperInvariant(), operation);
                }
            }
        }
    }

    /// <summary>The contract as committed, read once.</summary>
    public static ContractDeclarations Current => Committed.Value;

    public bool Declares(string operationId) => operations.ContainsKey(operationId);

    /// <summary>Where the answer departs from the operation's declaration (empty when it keeps to it).</summary>
    public IReadOnlyList<string> Departures(string operationId, string method, HttpResponse response, ReadOnlyMemory<byte>? body)
    {
        var (_, _, operation) = operations[operationId];
        var status = response.StatusCode;
        // A 500 is a defect wherever it happens, not something an operation promises; its shape (a problem without internals)
        // is ErrorResponsesTests' to check.
        if (status == StatusCodes.Status500InternalServerError)
        {
            return [];
        }

        var responses = operation["responses"]!.AsObject();
        var declared = responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)]
            ?? responses[$"{status / 100}XX"] ?? responses["default"];
        if (declared is null)
        {
            return [$"status {status} is not declared (declared: {string.Join(", ", responses.Select(r => r.Key))})"];
        }

        declared = Resolve(declared);
        var departures = new List<string>();
        var headers = declared["headers"]?.AsObject();
        foreach (var (name, _) in response.Headers)
        {
            if (!TransportHeaders.Contains(name) && !name.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase)
                && headers?.Any(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)) != true)
            {
                departures.Add($"header {name} is sent on {status} but not declared");
            }
        }

        foreach (var (name, header) in headers ?? [])
        {
            if (Resolve(header!)["required"]?.GetValue<bool>() == true && !response.Headers.ContainsKey(name))
            {
                departures.Add($"required header {name} is not sent on {status}");
            }
        }

        var sentBody = method != HttpMethods.Head && body is { Length: > 0 };
        if (!sentBody)
        {
            return departures;
        }

        var content = declared["content"]?.AsObject();
        var mediaType = MediaTypeHeaderValue.TryParse(response.ContentType, out var parsed) ? parsed.MediaType.Value : null;
        if (content is null || content.Count == 0)
        {
            departures.Add($"a body ({mediaType ?? "no Content-Type"}) is sent on {status}, which declares none");
            return departures;
        }

        var match = content.FirstOrDefault(c => mediaType is not null && Matches(c.Key, mediaType));
        if (match.Value is null)
        {
            departures.Add($"media type {mediaType ?? "(none)"} on {status} is not declared (declared: {string.Join(", ", content.Select(c => c.Key))})");
            return departures;
        }

        // A 206 carries a byte range of the representation, which is not itself JSON.
        if (status != StatusCodes.Status206PartialContent && IsJson(mediaType!) && match.Value["schema"] is { } schema && !response.Headers.ContainsKey(HeaderNames.ContentEncoding))
        {
            JsonElement instance;
            try
            {
                instance = JsonDocument.Parse(body!.Value).RootElement;
            }
            catch (JsonException e)
            {
                departures.Add($"the {mediaType} body on {status} is not JSON: {e.Message}");
                return departures;
            }

            departures.AddRange(schemas.Errors($"{operationId} {status} {match.Key}", schema, instance).Take(8)
                .Select(error => $"body on {status} does not match its schema at {error}"));
        }

        return departures;
    }

    private static bool Matches(string declared, string sent)
    {
        var essence = declared.Split(';')[0].Trim();
        return essence == "*/*" || string.Equals(essence, sent, StringComparison.OrdinalIgnoreCase)
            || (essence.EndsWith("/*", StringComparison.Ordinal) && sent.StartsWith(essence[..^1], StringComparison.OrdinalIgnoreCase));
    }

    private static bool IsJson(string mediaType) =>
        mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);

    /// <summary>A response or header given as a reference into components, followed.</summary>
    private JsonNode Resolve(JsonNode node)
    {
        while (node["$ref"]?.GetValue<string>() is { } reference && reference.StartsWith("#/", StringComparison.Ordinal))
        {
            node = reference[2..].Split('/').Aggregate(document, (at, part) => at[part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)]!);
        }

        return node;
    }
}
