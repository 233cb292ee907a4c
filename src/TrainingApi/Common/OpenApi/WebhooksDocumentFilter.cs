using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using TrainingApi.Common.Events;

namespace TrainingApi.Common.OpenApi;

/// <summary>
/// The webhook deliveries as OpenAPI 3.1 <c>webhooks</c>: one POST per event type of the <see cref="EventCatalogue"/>, its body the
/// event's schema exactly as <see cref="EventSchemas"/> writes it to api-spec/events/ (one source, so the two cannot drift), with the
/// Standard Webhooks headers the deliverer signs (Common/Webhooks/WebhookDeliverer) and the answers it acts on.
/// </summary>
public sealed class WebhooksDocumentFilter(EventCatalogue catalogue) : IDocumentFilter
{
    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        document.Webhooks ??= new Dictionary<string, IOpenApiPathItem>();
        foreach (var type in catalogue.All)
        {
            var id = SchemaId(type);
            context.SchemaRepository.AddDefinition(id, Schema(type, document));
            document.Webhooks[type.Type] = new OpenApiPathItem
            {
                Operations = new Dictionary<HttpMethod, OpenApiOperation> { [HttpMethod.Post] = Delivery(type, id, document) },
            };
        }
    }

    /// <summary><c>application.offer-confirmed</c> v1 → <c>ApplicationOfferConfirmedEventV1</c>.</summary>
    public static string SchemaId(EventTypeInfo type) =>
        string.Concat(type.Type.Split('.', '-').Select(part => char.ToUpperInvariant(part[0]) + part[1..])) + "EventV" +
        type.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static OpenApiSchema Schema(EventTypeInfo type, OpenApiDocument document) =>
        JsonSchemaComponents.Read(EventSchemas.For(type), document, type.Type);

    private static OpenApiOperation Delivery(EventTypeInfo type, string schemaId, OpenApiDocument document) => new()
    {
        OperationId = SchemaId(type).Replace("EventV", "V", StringComparison.Ordinal) + "Delivery",
        Summary = $"Delivery of {type.Type} (version {type.Version})",
        Description = type.Description + " Sent to each active subscription to the type; at least once (deduplicate by `webhook-id`), " +
                      (type.ForMinistry ? "the Ministry's subscriptions included." : "not to the Ministry's subscriptions."),
        Security = [],
        Parameters =
        [
            Header("webhook-id", "The delivery's id: the same in every attempt of it, so a receiver deduplicates by it."),
            Header("webhook-timestamp", "Unix seconds of this attempt; refuse one too far from your clock."),
            Header("webhook-signature", "`v1,` and the base64 HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}`, keyed with the " +
                                        "base64-decoded part of the subscription's secret after `whsec_` (Standard Webhooks)."),
        ],
        RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, IOpenApiMediaType>
            {
                ["application/json"] = new OpenApiMediaType { Schema = new OpenApiSchemaReference(schemaId, document) },
            },
        },
        Responses = new OpenApiResponses
        {
            ["200"] = new OpenApiResponse { Description = "Received. Any 2xx counts; anything else, or no answer in time, is retried (honouring Retry-After)." },
            ["410"] = new OpenApiResponse { Description = "Gone: the subscription is disabled until its owner enables it again." },
        },
    };

    private static OpenApiParameter Header(string name, string description) => new()
    {
        Name = name,
        In = ParameterLocation.Header,
        Required = true,
        Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
    };
}
