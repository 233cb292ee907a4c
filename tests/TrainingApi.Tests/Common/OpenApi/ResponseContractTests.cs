using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TrainingApi.Common.Idempotency;
using TrainingApi.Common.OpenApi;
using TrainingApi.Common.Security;
using TrainingApi.Tests.Infrastructure;

namespace TrainingApi.Tests.Common.OpenApi;

/// <summary>
/// What a generated client relies on, over the whole served document: success responses with their media types, the headers the
/// platform sends (Location, Idempotent-Replayed, Retry-After, Content-Disposition), the problems its middleware can answer, and
/// the document's servers, contact, licence and tag descriptions. The endpoints' metadata says which operation is idempotent or a
/// download, so a new endpoint is checked without being listed here.
/// </summary>
public sealed class ResponseContractTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private sealed record Operation(string Name, string Id, JsonNode Node)
    {
        public IEnumerable<(string Status, JsonNode Response)> Responses =>
            Node["responses"]!.AsObject().Select(r => (r.Key, r.Value!));

        public JsonNode? Header(string status, string name) => Node["responses"]?[status]?["headers"]?[name];
    }

    [Fact]
    public async Task Every_operation_declares_a_success_response_with_its_media_types()
    {
        var operations = await OperationsAsync();

        Assert.All(operations, op =>
        {
            // A resolver of persistent addresses succeeds by 303 See Other: its answer is where to go, not a body.
            var successes = op.Responses.Where(r => r.Status.StartsWith('2') || r.Status == "303").ToList();
            Assert.True(successes.Count > 0, $"{op.Name} declares no 2xx (or 303) response");
            Assert.All(successes.Where(r => r.Status is not ("204" or "205" or "303")), r =>
                Assert.True(r.Response["content"]?.AsObject().Count > 0, $"{op.Name} {r.Status} declares no media type (a client would type it as nothing)"));
        });
    }

    [Fact]
    public async Task Every_201_and_303_declares_Location_and_every_429_and_503_Retry_After()
    {
        var operations = await OperationsAsync();

        Assert.All(operations, op => Assert.All(op.Responses, r =>
        {
            if (r.Status is "201" or "202" or "303")
            {
                AssertHeader(op, r.Status, "Location", required: true);
            }

            if (r.Status is "429" or "503")
            {
                AssertHeader(op, r.Status, "Retry-After", required: true);
            }
        }));
    }

    [Fact]
    public async Task Every_idempotent_operation_declares_Idempotent_Replayed_on_its_successes_and_Retry_After_on_its_409()
    {
        var operations = await OperationsAsync();
        var idempotent = EndpointIdsWith<IdempotentMetadata>();

        Assert.NotEmpty(idempotent);
        Assert.All(idempotent, id =>
        {
            var op = Assert.Single(operations, o => o.Id == id);
            Assert.All(op.Responses.Where(r => r.Status.StartsWith('2')), r => AssertHeader(op, r.Status, IdempotencyMiddleware.ReplayedHeader, required: false));
            AssertHeader(op, "409", "Retry-After", required: false);
            Assert.Contains(op.Node["parameters"]!.AsArray(), p => p?["name"]?.GetValue<string>() == IdempotencyMiddleware.Header && p["in"]?.GetValue<string>() == "header");
        });
        Assert.All(operations.Where(o => !idempotent.Contains(o.Id)), op =>
            Assert.All(op.Responses, r => Assert.Null(op.Header(r.Status, IdempotencyMiddleware.ReplayedHeader))));
    }

    [Fact]
    public async Task Every_file_declares_a_binary_text_or_document_schema_and_every_download_Content_Disposition()
    {
        var operations = await OperationsAsync();
        var files = Endpoints()
            .SelectMany(e => e.Metadata.OfType<FileResponseMetadata>().Select(f => (Id: e.Metadata.GetMetadata<IEndpointNameMetadata>()!.EndpointName, File: f)))
            .ToList();

        Assert.NotEmpty(files);
        Assert.All(operations, op => Assert.All(op.Responses.Where(r => r.Status.StartsWith('2')), r =>
        {
            foreach (var (mediaType, media) in r.Response["content"]?.AsObject() ?? [])
            {
                // A 206 is a part of the file its 200 sends.
                var whole = r.Status == "206" ? "200" : r.Status;
                var file = files.FirstOrDefault(f => f.Id == op.Id && f.File.ContentType == mediaType && f.File.StatusCode.ToString() == whole).File;
                if (file is null)
                {
                    // JSON, or a JSON-based type (RFC 6839 `+json`, e.g. CSL-JSON) typed by a schema like any JSON answer.
                    Assert.True(mediaType == "application/json" || (mediaType.StartsWith("application/", StringComparison.Ordinal) && mediaType.EndsWith("+json", StringComparison.Ordinal)),
                        $"{op.Name} {r.Status} {mediaType} is neither JSON nor a declared file");
                    continue;
                }

                // A published JSON document (release.json) is typed by the schema the API publishes for it; its ranges are bytes.
                if (file.Document is { } document && r.Status != "206")
                {
                    Assert.Equal("#/components/schemas/" + document.ComponentId, media!["schema"]?["$ref"]?.GetValue<string>());
                    continue;
                }

                Assert.Equal("string", media!["schema"]?["type"]?.GetValue<string>());
                Assert.True(media["schema"]?["format"]?.GetValue<string>() == "binary" || media["example"] is not null,
                    $"{op.Name} {r.Status} {mediaType} is neither binary nor text with an example");
                if (file.Attachment)
                {
                    Assert.NotNull(op.Header(r.Status, "Content-Disposition"));
                }
            }
        }));
    }

    [Fact]
    public async Task Bodies_may_be_refused_as_too_large_or_not_json_and_every_operation_may_be_rate_limited_or_unavailable()
    {
        var operations = await OperationsAsync();

        Assert.All(operations, op =>
        {
            var statuses = op.Responses.ToDictionary(r => r.Status, r => r.Response);
            var expected = new List<string> { "429", "503" };
            if (op.Node["requestBody"] is { } body)
            {
                expected.Add("413");
                if (body["content"]!.AsObject().Any(m => m.Key.Contains("json", StringComparison.Ordinal)))
                {
                    expected.Add("415");
                }
            }

            Assert.All(expected, status =>
            {
                Assert.True(statuses.ContainsKey(status), $"{op.Name} does not declare {status}");
                Assert.Equal("#/components/schemas/ProblemDetails", statuses[status]["content"]?["application/problem+json"]?["schema"]?["$ref"]?.GetValue<string>());
            });
        });
    }

    [Fact]
    public async Task The_document_names_its_server_contact_licence_and_describes_every_tag()
    {
        var document = await DocumentAsync();
        var used = (await OperationsAsync()).SelectMany(op => op.Node["tags"]!.AsArray().Select(t => t!.GetValue<string>())).ToHashSet();
        var tags = document["tags"]!.AsArray().ToDictionary(t => t!["name"]!.GetValue<string>(), t => t!["description"]?.GetValue<string>());

        Assert.NotEmpty(document["servers"]!.AsArray());
        Assert.All(document["servers"]!.AsArray(), server => Assert.False(string.IsNullOrWhiteSpace(server?["url"]?.GetValue<string>())));
        Assert.False(string.IsNullOrWhiteSpace(document["info"]?["contact"]?["name"]?.GetValue<string>()));
        Assert.NotNull(document["info"]?["contact"]?["url"]);
        Assert.False(string.IsNullOrWhiteSpace(document["info"]?["license"]?["name"]?.GetValue<string>()));
        Assert.Equal(used.Order(), tags.Keys.Order());
        Assert.All(tags, tag => Assert.False(string.IsNullOrWhiteSpace(tag.Value), $"tag {tag.Key} has no description"));
    }

    private static void AssertHeader(Operation op, string status, string name, bool required)
    {
        var header = op.Header(status, name);
        Assert.True(header is not null, $"{op.Name} {status} does not declare {name}");
        Assert.NotNull(header["schema"]);
        Assert.False(string.IsNullOrWhiteSpace(header["description"]?.GetValue<string>()), $"{op.Name} {status} {name} has no description");
        if (required)
        {
            Assert.True(header["required"]?.GetValue<bool>() == true, $"{op.Name} {status} {name} is not required");
        }
    }

    private async Task<JsonNode> DocumentAsync() =>
        JsonNode.Parse(await api.ClientAs(Roles.ProgrammeTeam).GetStringAsync("/swagger/v1/swagger.json"))!;

    private async Task<List<Operation>> OperationsAsync() =>
        [.. (await DocumentAsync())["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject().Select(op =>
            new Operation($"{op.Key.ToUpperInvariant()} {path.Key}", op.Value!["operationId"]!.GetValue<string>(), op.Value!)))];

    private IEnumerable<Endpoint> Endpoints() =>
        api.Services.GetRequiredService<EndpointDataSource>().Endpoints.Where(e => e.Metadata.GetMetadata<IEndpointNameMetadata>() is not null);

    private HashSet<string> EndpointIdsWith<T>() where T : class =>
        [.. Endpoints().Where(e => e.Metadata.GetMetadata<T>() is not null).Select(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()!.EndpointName)];
}
