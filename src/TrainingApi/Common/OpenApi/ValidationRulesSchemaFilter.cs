using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using FluentValidation;
using FluentValidation.Validators;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace TrainingApi.Common.OpenApi;

/// <summary>
/// Writes the checks the validators make into the request schemas, from the validators themselves (no second list to keep in
/// step): lengths, ranges, patterns, e-mail and URL formats, list sizes, and NotEmpty/NotNull as <c>required</c>. The checks are
/// found by <see cref="RequestMemberRules"/> on every type a request body holds: members of nested objects (checked by child
/// validators) and the items of lists (<c>RuleForEach</c>, written on the <c>items</c> schema) too. Checks under a condition
/// are left out, as the schema cannot say when they apply, save those under a <see cref="SchemaNeutralConditions"/> one; so are
/// predicates (<c>Must</c>), asynchronous checks and any other check JSON Schema has no word for.
/// </summary>
public sealed class ValidationRulesSchemaFilter : ISchemaFilter
{
    private readonly Lazy<ILookup<Type, MemberRule>> rules;

    public ValidationRulesSchemaFilter(IServiceScopeFactory scopes, IApiDescriptionGroupCollectionProvider api, IOptions<Microsoft.AspNetCore.Mvc.JsonOptions> json) =>
        rules = new Lazy<ILookup<Type, MemberRule>>(() =>
        {
            var options = new JsonSerializerOptions(json.Value.JsonSerializerOptions);
            options.TypeInfoResolver ??= new DefaultJsonTypeInfoResolver();
            // The validators outlive the scope only as descriptions; none is run.
            using var scope = scopes.CreateScope();
            return RequestMemberRules.Build(api.ApiDescriptionGroups.Items.SelectMany(g => g.Items), scope.ServiceProvider, options);
        });

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema { Properties.Count: > 0 } concrete || context.MemberInfo is not null || context.ParameterInfo is not null)
        {
            return;
        }

        foreach (var rule in rules.Value[context.Type].Where(r => !r.Rule.Conditional))
        {
            if (!concrete.Properties.TryGetValue(rule.JsonName, out var property))
            {
                continue;
            }

            var target = property as OpenApiSchema;
            for (var depth = 0; depth < rule.ItemsDepth; depth++)
            {
                target = target?.Items as OpenApiSchema;
            }

            // The body must carry a member it requires; an item is always there once the list is.
            Apply(rule.ItemsDepth == 0 ? concrete : null, rule.JsonName, target, rule.Rule.Component.Validator);
        }
    }

    private static void Apply(OpenApiSchema? owner, string name, OpenApiSchema? property, IPropertyValidator validator)
    {
        var isString = property?.Type?.HasFlag(JsonSchemaType.String) == true;
        var isArray = property?.Type?.HasFlag(JsonSchemaType.Array) == true;
        var isObject = property?.Type?.HasFlag(JsonSchemaType.Object) == true;
        var isNumber = property?.Type is { } t && (t.HasFlag(JsonSchemaType.Integer) || t.HasFlag(JsonSchemaType.Number));
        switch (validator)
        {
            case INotEmptyValidator:
                MustSend(owner, name, property);
                // A uuid is a string in the schema, and never an empty one: NotEmpty refuses the all-zero id, which no keyword says.
                if (isString && property!.Format != "uuid")
                {
                    property.MinLength = Math.Max(property.MinLength ?? 0, 1);
                }
                else if (isArray)
                {
                    property!.MinItems = Math.Max(property.MinItems ?? 0, 1);
                }
                else if (isObject && property!.AdditionalProperties is not null)
                {
                    // A dictionary: NotEmpty wants one entry.
                    property.MinProperties = Math.Max(property.MinProperties ?? 0, 1);
                }

                break;
            case IMaximumItemsValidator items when isArray:
                property!.MaxItems = items.Max;
                break;
            case IAbsoluteUrlValidator when isString:
                property!.Format = "uri";
                break;
            case INotNullValidator:
                MustSend(owner, name, property);
                break;
            case ILengthValidator length when isString:
                if (length.Max > 0)
                {
                    property!.MaxLength = length.Max;
                }

                if (length.Min > 0)
                {
                    property!.MinLength = Math.Max(property.MinLength ?? 0, length.Min);
                }

                break;
            case IRegularExpressionValidator regex when isString && EcmaPattern.From(regex.Expression) is { } pattern:
                property!.Pattern = pattern;
                break;
            case IEmailValidator when isString:
                property!.Format = "email";
                break;
            case IBetweenValidator between when isNumber && Number(between.From) is { } from && Number(between.To) is { } to:
                property!.Minimum = from;
                property.Maximum = to;
                if (validator is not IInclusiveBetweenValidator)
                {
                    property.ExclusiveMinimum = from;
                    property.ExclusiveMaximum = to;
                }

                break;
            case IComparisonValidator { MemberToCompare: null } comparison when isNumber && Number(comparison.ValueToCompare) is { } value:
                switch (comparison.Comparison)
                {
                    case Comparison.GreaterThanOrEqual:
                        property!.Minimum = value;
                        break;
                    case Comparison.LessThanOrEqual:
                        property!.Maximum = value;
                        break;
                    case Comparison.GreaterThan:
                        property!.Minimum = value;
                        property.ExclusiveMinimum = value;
                        break;
                    case Comparison.LessThan:
                        property!.Maximum = value;
                        property.ExclusiveMaximum = value;
                        break;
                    case Comparison.Equal:
                    case Comparison.NotEqual:
                    default:
                        break;
                }

                break;
            default:
                break;
        }
    }

    private static string? Number(object? value) => value switch
    {
        int or long or short or byte or decimal or double or float => Convert.ToString(value, CultureInfo.InvariantCulture),
        _ => null,
    };

    /// <summary>The validator refuses a missing member and a null alike.</summary>
    private static void MustSend(OpenApiSchema? owner, string name, OpenApiSchema? property)
    {
        if (property?.Type is { } type)
        {
            property.Type = type & ~JsonSchemaType.Null;
        }

        if (owner?.Extensions?.TryGetValue(NullabilitySchemaFilter.RequestRequiredExtension, out var extension) == true
            && extension is JsonNodeExtension { Node: JsonArray names } && !names.Any(n => n?.GetValue<string>() == name))
        {
            names.Add(JsonValue.Create(name));
        }
    }
}
