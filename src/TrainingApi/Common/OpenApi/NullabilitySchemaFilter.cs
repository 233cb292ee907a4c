using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using TrainingApi.Common.Http;

namespace TrainingApi.Common.OpenApi;

/// <summary>
/// Makes each object schema say what the serializer does with its type: a property the C# type declares nullable is
/// nullable (<c>type: [X, "null"]</c>; a nullable record or enum as <c>oneOf: [{$ref}, {type: "null"}]</c>), every other one
/// is not; and every property the server writes is <c>required</c>, as nulls are written,
/// not left out. Whether a schema is also read from a request is known only once the document is complete:
/// <see cref="RequestRequiredDocumentFilter"/> then narrows <c>required</c> to what a request must carry.
/// </summary>
public sealed class NullabilitySchemaFilter(IOptions<Microsoft.AspNetCore.Mvc.JsonOptions> json) : ISchemaFilter
{
    /// <summary>Carries what a request must send from this filter to the document filter, which removes it.</summary>
    internal const string RequestRequiredExtension = "x-request-required";

    private readonly Lazy<JsonSerializerOptions> options = new(() =>
    {
        var copy = new JsonSerializerOptions(json.Value.JsonSerializerOptions);
        copy.TypeInfoResolver ??= new DefaultJsonTypeInfoResolver();
        return copy;
    });

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema { Properties.Count: > 0 } concrete || context.MemberInfo is not null || context.ParameterInfo is not null
            || context.Type.IsPrimitive || context.Type == typeof(string))
        {
            return;
        }

        var typeInfo = options.Value.GetTypeInfo(context.Type);
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        var nullability = new NullabilityInfoContext();
        var written = new SortedSet<string>(StringComparer.Ordinal);
        var mustSend = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var property in typeInfo.Properties)
        {
            if (!concrete.Properties.TryGetValue(property.Name, out var propertySchema))
            {
                continue;
            }

            var nullable = IsNullable(property, nullability);
            concrete.Properties[property.Name] = WithNullability(propertySchema, nullable);
            if (property.Get is not null && !IgnoredWhenDefault(property))
            {
                written.Add(property.Name);
            }

            // What a request must carry: a non-nullable value without a C# default (refused when missing, see
            // RequiredRequestMembers) and a non-nullable reference without one (the validators refuse the null it would be).
            // A member with a default may be left out, and the contract says the default.
            var parameter = property.AssociatedParameter;
            if (property.IsRequired || RequiredRequestMembers.MustBeSent(property)
                                    || (parameter is { HasDefaultValue: false } && !nullable && !property.PropertyType.IsValueType))
            {
                mustSend.Add(property.Name);
            }
            else if (parameter is { HasDefaultValue: true, DefaultValue: { } value } && concrete.Properties[property.Name] is OpenApiSchema described)
            {
                described.Default = JsonSerializer.SerializeToNode(value, property.PropertyType, options.Value);
            }
        }

        concrete.Required = written;
        concrete.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        concrete.Extensions[RequestRequiredExtension] = new JsonNodeExtension(new JsonArray([.. mustSend.Select(n => JsonValue.Create(n))]));
    }

    private static bool IgnoredWhenDefault(JsonPropertyInfo property) =>
        property.AttributeProvider?.GetCustomAttributes(typeof(JsonIgnoreAttribute), true).OfType<JsonIgnoreAttribute>()
            .Any(a => a.Condition is JsonIgnoreCondition.WhenWritingNull or JsonIgnoreCondition.WhenWritingDefault) == true;

    private static bool IsNullable(JsonPropertyInfo property, NullabilityInfoContext context)
    {
        if (property.PropertyType.IsValueType)
        {
            return Nullable.GetUnderlyingType(property.PropertyType) is not null;
        }

        // A record's positional member carries the annotation of its constructor parameter.
        var info = property.AttributeProvider switch
        {
            PropertyInfo p => context.Create(p),
            FieldInfo f => context.Create(f),
            _ => null,
        };
        return info is null || info.ReadState != NullabilityState.NotNull;
    }

    private static IOpenApiSchema WithNullability(IOpenApiSchema schema, bool nullable)
    {
        switch (schema)
        {
            case OpenApiSchemaReference reference when nullable:
                // "The referenced schema, or null" as OpenAPI 3.1 writes it, the one form NSwag, Kiota and openapi-typescript
                // all read as a nullable reference (docs/contract.md): NSwag makes an `anyOf` a required wrapper type.
                return new OpenApiSchema
                {
                    OneOf = [reference, new OpenApiSchema { Type = JsonSchemaType.Null }],
                    Description = reference.Description,
                };
            case OpenApiSchema { AllOf.Count: 1 } wrapper when !nullable && wrapper.AllOf[0] is OpenApiSchemaReference only
                                                                && wrapper.Properties is not { Count: > 0 }:
                return only;
            case OpenApiSchema concrete:
                if (concrete.Type is { } type)
                {
                    concrete.Type = nullable ? type | JsonSchemaType.Null : type & ~JsonSchemaType.Null;
                }
                else if (nullable && concrete.AllOf is { Count: > 0 })
                {
                    concrete.Type = JsonSchemaType.Object | JsonSchemaType.Null;
                }

                return concrete;
            default:
                return schema;
        }
    }
}
