using System.Globalization;
using System.Text.Json.Nodes;
using FluentValidation;
using FluentValidation.Validators;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace TrainingApi.Common.OpenApi;

/// <summary>
/// Writes the bounds the validators enforce into the request schemas, from the validators themselves (no second list to
/// keep in step): lengths, ranges, patterns, e-mail format, and NotEmpty/NotNull as <c>required</c>. A use case validates
/// its Command, which the endpoint builds from the body's Request: a rule on a Command member applies to the Request member
/// of the same name and type, beside it in the use-case class. Rules under a condition (<c>When</c>) and rules on nested
/// members or collection items are left out, as the schema cannot say when they apply.
/// </summary>
public sealed class ValidationRulesSchemaFilter(IServiceScopeFactory scopes, IOptions<Microsoft.AspNetCore.Mvc.JsonOptions> json) : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema { Properties.Count: > 0 } concrete || context.MemberInfo is not null || context.ParameterInfo is not null)
        {
            return;
        }

        var naming = json.Value.JsonSerializerOptions.PropertyNamingPolicy;
        using var scope = scopes.CreateScope();
        foreach (var validated in ValidatedTypesFor(context.Type))
        {
            if (scope.ServiceProvider.GetService(typeof(IValidator<>).MakeGenericType(validated)) is not IValidator validator)
            {
                continue;
            }

            foreach (var rule in validator.CreateDescriptor().Rules)
            {
                if (rule.PropertyName is not { } name || name.Contains('.', StringComparison.Ordinal) || IsCollectionRule(rule)
                    || context.Type.GetProperty(name, Member) is not { } target || validated.GetProperty(name, Member) is not { } source
                    || Underlying(target.PropertyType) != Underlying(source.PropertyType)
                    || (naming?.ConvertName(target.Name) ?? target.Name) is not { } jsonName
                    || !concrete.Properties.TryGetValue(jsonName, out var property))
                {
                    continue;
                }

                foreach (var component in rule.Components.Where(c => !c.HasCondition && !c.HasAsyncCondition))
                {
                    Apply(concrete, jsonName, property as OpenApiSchema, component.Validator);
                }
            }
        }
    }

    // The validators name members as JSON does (camelCase), the types as C# does.
    private const System.Reflection.BindingFlags Member =
        System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.IgnoreCase;

    /// <summary>The type itself, or the Command/Query validated beside a Request nested in a use-case class.</summary>
    private static IEnumerable<Type> ValidatedTypesFor(Type type)
    {
        yield return type;
        if (type.DeclaringType is not { } useCase)
        {
            yield break;
        }

        foreach (var nested in useCase.GetNestedTypes())
        {
            for (var b = nested.BaseType; b is not null; b = b.BaseType)
            {
                if (b.IsGenericType && b.GetGenericTypeDefinition() == typeof(AbstractValidator<>) && b.GetGenericArguments()[0] is { } validated
                    && validated != type && !validated.IsInterface)
                {
                    yield return validated;
                }
            }
        }
    }

    private static bool IsCollectionRule(IValidationRule rule) =>
        rule.GetType().GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICollectionRule<,>));

    private static Type Underlying(Type type) => Nullable.GetUnderlyingType(type) ?? type;

    private static void Apply(OpenApiSchema owner, string name, OpenApiSchema? property, IPropertyValidator validator)
    {
        var isString = property?.Type?.HasFlag(JsonSchemaType.String) == true;
        var isArray = property?.Type?.HasFlag(JsonSchemaType.Array) == true;
        var isNumber = property?.Type is { } t && (t.HasFlag(JsonSchemaType.Integer) || t.HasFlag(JsonSchemaType.Number));
        switch (validator)
        {
            case INotEmptyValidator:
                MustSend(owner, name, property);
                if (isString)
                {
                    property!.MinLength = Math.Max(property.MinLength ?? 0, 1);
                }
                else if (isArray)
                {
                    property!.MinItems = Math.Max(property.MinItems ?? 0, 1);
                }

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
            case IRegularExpressionValidator regex when isString:
                property!.Pattern = regex.Expression;
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
    private static void MustSend(OpenApiSchema owner, string name, OpenApiSchema? property)
    {
        if (property?.Type is { } type)
        {
            property.Type = type & ~JsonSchemaType.Null;
        }

        if (owner.Extensions?.TryGetValue(NullabilitySchemaFilter.RequestRequiredExtension, out var extension) == true
            && extension is JsonNodeExtension { Node: JsonArray names } && !names.Any(n => n?.GetValue<string>() == name))
        {
            names.Add(JsonValue.Create(name));
        }
    }
}
