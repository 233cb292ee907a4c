using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using FluentValidation;
using FluentValidation.Internal;
using FluentValidation.Validators;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TrainingApi.Common.OpenApi;
using TrainingApi.Tests.Infrastructure;
using Xunit.Abstractions;

namespace TrainingApi.Tests.Common.OpenApi;

/// <summary>
/// What the validators refuse, the contract says: for every validator of a request body in the committed contract (the body's
/// own type, and the Command its use case sends), every check JSON Schema can state appears on the body's schema, nested
/// objects and list items included. The walk over the validators is this test's own, not the schema filter's, so a rule the
/// filter fails to find is a mismatch here. Checks the schema cannot state are counted by kind in <see cref="Skipped"/>; a
/// kind in neither list fails the test until someone decides which it is.
/// </summary>
public sealed class ValidationRulesContractTests(ApiFactory api, ITestOutputHelper output) : IClassFixture<ApiFactory>
{
    /// <summary>Kinds of check the schema deliberately does not state, and why.</summary>
    private static readonly IReadOnlyDictionary<string, string> Skipped = new Dictionary<string, string>
    {
        ["condition"] = "under When/Unless: the schema cannot say when it applies (SchemaNeutralConditions are not counted here)",
        ["asynchronous"] = "MustAsync/CustomAsync: database and DNS checks, answered as 400, 409 or 422",
        ["predicate"] = "Must: a C# predicate (uniqueness in a list, quarters of an hour, a known code)",
        ["custom"] = "Custom/CustomAsync: failures added by code (the Markdown safety checks, the webhook URL policy's DNS lookup)",
        ["enum"] = "IsInEnum: the member's schema is the enum already",
        ["must be absent"] = "Null/Empty: only ever under a condition on another member",
        ["comparison with another member"] = "GreaterThan(x => x.Other) and the like: JSON Schema compares with constants only",
        ["bound on a date or time"] = "InclusiveBetween(date, date): minimum and maximum compare numbers only",
        ["child validator chosen at run time"] = "SetValidator(provider): no fixed validator to describe",
        ["not in the body"] = "a Command member the endpoint fills from the route or a header",
    };

    [Fact]
    public void Every_validator_bound_the_schema_can_state_is_on_the_request_schema()
    {
        var contract = JsonNode.Parse(File.ReadAllText(Path.Combine(OpenApiContractTests.RepositoryRoot(), "api-spec", "openapi.json")))!;
        var schemas = contract["components"]!["schemas"]!.AsObject();
        var json = new JsonSerializerOptions(api.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Mvc.JsonOptions>>().Value.JsonSerializerOptions);
        json.TypeInfoResolver ??= new DefaultJsonTypeInfoResolver();
        var descriptions = api.Services.GetRequiredService<IApiDescriptionGroupCollectionProvider>().ApiDescriptionGroups.Items.SelectMany(g => g.Items).ToList();
        using var scope = api.Services.CreateScope();

        var mismatches = new SortedSet<string>(StringComparer.Ordinal);
        var skipped = new Dictionary<string, List<string>>();
        var checkedRules = 0;
        void Skip(string kind, string rule) => (skipped.TryGetValue(kind, out var list) ? list : skipped[kind] = []).Add(rule);
        var walkedValidators = new HashSet<Type>();

        foreach (var (body, validatedTypes) in RequestMemberRules.Bodies(descriptions))
        {
            if (RequestBody(contract, descriptions, body) is not { } requestBody || SchemaOf(requestBody) is not { } bodySchema)
            {
                continue;
            }

            foreach (var validated in validatedTypes)
            {
                if (scope.ServiceProvider.GetService(typeof(IValidator<>).MakeGenericType(validated)) is not IValidator validator)
                {
                    continue;
                }

                walkedValidators.Add(validated);
                foreach (var (fullPath, component, conditional) in Walk(validator, [], conditional: false))
                {
                    IReadOnlyList<string> path = CarriedWhole(validated, body, fullPath) ? [.. fullPath.Skip(1)] : fullPath;
                    var where = $"{validated.FullName![(validated.Namespace!.Length + 1)..]}.{string.Join(".", path)}";
                    var kind = conditional ? "condition" : KindOf(component.Validator);
                    if (kind is not null)
                    {
                        Assert.True(Skipped.ContainsKey(kind), $"{where}: {component.Validator.Name} is of no known kind ({kind})");
                        Skip(kind, $"{where} {component.Validator.Name}");
                        continue;
                    }

                    if (path.Count == 0 && component.Validator is INotNullValidator or INotEmptyValidator)
                    {
                        // A check on the body itself (a Command carrying it whole): the operation requires a body.
                        checkedRules++;
                        if (requestBody["required"]?.GetValue<bool>() != true)
                        {
                            mismatches.Add($"{where} {component.Validator.Name}: the request body is not required");
                        }

                        continue;
                    }

                    if (Locate(bodySchema, body, path, schemas, json) is not { } located)
                    {
                        if (path.Count > 0 && !BodyHas(body, path[0], json))
                        {
                            Skip("not in the body", $"{where} {component.Validator.Name}");
                        }
                        else
                        {
                            mismatches.Add($"{where} {component.Validator.Name}: no such member in the schema of {body.Name}");
                        }

                        continue;
                    }

                    checkedRules++;
                    if (Mismatch(component.Validator, located) is { } problem)
                    {
                        mismatches.Add($"{where} {component.Validator.Name}: {problem}");
                    }
                }
            }
        }

        output.WriteLine($"{checkedRules} checks stated in the schema, over {walkedValidators.Count} validators of request bodies; skipped by kind:");
        foreach (var (kind, rules) in skipped.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {kind}: {rules.Count} ({Skipped[kind]})");
            rules.ForEach(r => output.WriteLine($"    {r}"));
        }

        // Validators of no request body (queries, commands without a body) are not walked; named so a missing link shows.
        var unwalked = typeof(Program).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && !t.IsGenericTypeDefinition && typeof(IValidator).IsAssignableFrom(t))
            .Select(t => t.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>))?.GetGenericArguments()[0])
            .Where(v => v is not null && !walkedValidators.Contains(v))
            .Select(v => v!.FullName![(v.Namespace!.Length + 1)..]).Order(StringComparer.Ordinal).ToList();
        output.WriteLine($"{unwalked.Count} validators of no request body: {string.Join(", ", unwalked)}");

        Assert.True(checkedRules > 150, $"Only {checkedRules} checks were compared; the walk found too few validators.");
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} validator checks are not in the contract:\n" + string.Join("\n", mismatches));
    }

    [Fact]
    public void Every_member_typed_as_an_absolute_uri_is_a_uri_in_the_schema()
    {
        var contract = JsonNode.Parse(File.ReadAllText(Path.Combine(OpenApiContractTests.RepositoryRoot(), "api-spec", "openapi.json")))!;
        var json = new JsonSerializerOptions(api.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Mvc.JsonOptions>>().Value.JsonSerializerOptions);
        json.TypeInfoResolver ??= new DefaultJsonTypeInfoResolver();
        var descriptions = api.Services.GetRequiredService<IApiDescriptionGroupCollectionProvider>().ApiDescriptionGroups.Items.SelectMany(g => g.Items).ToList();
        var schemas = contract["components"]!["schemas"]!.AsObject();
        var mismatches = new List<string>();

        foreach (var (body, _) in RequestMemberRules.Bodies(descriptions))
        {
            if (RequestBody(contract, descriptions, body) is not { } requestBody || SchemaOf(requestBody) is not { } schema)
            {
                continue;
            }

            foreach (var property in json.GetTypeInfo(body).Properties.Where(p => (Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType) == typeof(Uri)))
            {
                if (Deref(schema, schemas)?["properties"]?[property.Name] is not { } member || Deref(member, schemas)?["format"]?.GetValue<string>() != "uri")
                {
                    mismatches.Add($"{body.Name}.{property.Name}");
                }
            }
        }

        Assert.True(mismatches.Count == 0, "Uri members without format: uri: " + string.Join(", ", mismatches));
    }

    /// <summary>A check this test cannot compare with the schema, by its kind; null for one the schema states.</summary>
    private static string? KindOf(IPropertyValidator validator) => validator switch
    {
        INotNullValidator or INotEmptyValidator or ILengthValidator or IRegularExpressionValidator or IEmailValidator
            or IMaximumItemsValidator or IAbsoluteUrlValidator => null,
        IBetweenValidator between when IsNumber(between.From) && IsNumber(between.To) => null,
        IComparisonValidator { MemberToCompare: null, Comparison: not (Comparison.Equal or Comparison.NotEqual) } comparison
            when IsNumber(comparison.ValueToCompare) => null,
        IComparisonValidator { MemberToCompare: not null } => "comparison with another member",
        IComparisonValidator or IBetweenValidator => "bound on a date or time",
        IChildValidatorAdaptor => "child validator chosen at run time",
        _ when validator.Name is "AsyncPredicateValidator" || !Implements(validator, typeof(IPropertyValidator<,>)) => "asynchronous",
        _ => validator.Name switch
        {
            "PredicateValidator" => "predicate",
            "EnumValidator" => "enum",
            "NullValidator" or "EmptyValidator" => "must be absent",
            _ when validator.GetType().Name.StartsWith("Custom", StringComparison.Ordinal) => "custom",
            _ => validator.Name,
        },
    };

    private static bool Implements(IPropertyValidator validator, Type generic) =>
        validator.GetType().GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == generic);

    private static bool IsNumber(object? value) => value is int or long or short or byte or decimal or double or float;

    private static string Number(object value) => Convert.ToString(value, CultureInfo.InvariantCulture)!;

    /// <summary>What the schema at <paramref name="at"/> lacks of the check, or null when it states it.</summary>
    private static string? Mismatch(IPropertyValidator validator, Located at)
    {
        var schema = at.Schema;
        var types = Types(at.Declared);
        switch (validator)
        {
            case INotNullValidator or INotEmptyValidator when at.Required is false:
                return $"not in {at.OwnerName}'s required";
            case INotNullValidator or INotEmptyValidator when at.Nullable:
                return "the schema admits null";
            case INotEmptyValidator when types.Contains("string") && schema["format"]?.GetValue<string>() != "uuid" && Int(schema["minLength"]) < 1:
                return "no minLength 1";
            case INotEmptyValidator when types.Contains("array") && Int(schema["minItems"]) < 1:
                return "no minItems 1";
            case INotEmptyValidator when types.Contains("object") && schema["additionalProperties"] is not null && Int(schema["minProperties"]) < 1:
                return "no minProperties 1";
            case INotNullValidator or INotEmptyValidator:
                return null;
            case ILengthValidator length:
                if (!types.Contains("string"))
                {
                    return "a length on a member that is no string in the schema";
                }

                return length.Max > 0 && Int(schema["maxLength"]) != length.Max ? $"maxLength {length.Max} expected, schema has {schema["maxLength"]?.ToJsonString() ?? "none"}"
                    : length.Min > 0 && Int(schema["minLength"]) < length.Min ? $"minLength {length.Min} expected, schema has {schema["minLength"]?.ToJsonString() ?? "none"}"
                    : null;
            case IRegularExpressionValidator regex:
                return EcmaPattern.From(regex.Expression) is not { } pattern ? $"`{regex.Expression}` has no ECMA-262 equivalent the schema could state"
                    : schema["pattern"]?.GetValue<string>() != pattern ? $"pattern {pattern} expected, schema has {schema["pattern"]?.ToJsonString() ?? "none"}"
                    : null;
            case IEmailValidator:
                return schema["format"]?.GetValue<string>() == "email" ? null : "no format: email";
            case IAbsoluteUrlValidator:
                return schema["format"]?.GetValue<string>() == "uri" ? null : "no format: uri";
            case IMaximumItemsValidator items:
                return Int(schema["maxItems"]) == items.Max ? null : $"maxItems {items.Max} expected, schema has {schema["maxItems"]?.ToJsonString() ?? "none"}";
            case IBetweenValidator between:
                var exclusive = validator is not IInclusiveBetweenValidator;
                return Bound(schema, exclusive ? "exclusiveMinimum" : "minimum", between.From) ?? Bound(schema, exclusive ? "exclusiveMaximum" : "maximum", between.To);
            case IComparisonValidator comparison:
                return comparison.Comparison switch
                {
                    Comparison.GreaterThan => Bound(schema, "exclusiveMinimum", comparison.ValueToCompare),
                    Comparison.GreaterThanOrEqual => Bound(schema, "minimum", comparison.ValueToCompare),
                    Comparison.LessThan => Bound(schema, "exclusiveMaximum", comparison.ValueToCompare),
                    _ => Bound(schema, "maximum", comparison.ValueToCompare),
                };
            default:
                return $"the test does not know how to compare {validator.Name}";
        }
    }

    private static string? Bound(JsonNode schema, string keyword, object value) =>
        schema[keyword] is { } stated && decimal.Parse(stated.ToJsonString(), CultureInfo.InvariantCulture) == decimal.Parse(Number(value), CultureInfo.InvariantCulture)
            ? null
            : $"{keyword} {Number(value)} expected, schema has {schema[keyword]?.ToJsonString() ?? "none"}";

    private static int Int(JsonNode? node) => node?.GetValue<int>() ?? -1;

    private static IReadOnlyCollection<string> Types(JsonNode declared) => declared["type"] switch
    {
        JsonArray list => [.. list.Select(t => t!.GetValue<string>())],
        JsonValue one => [one.GetValue<string>()],
        _ => [],
    };

    // ---- The validators, flattened: this test's own walk over FluentValidation's descriptors.

    private static IEnumerable<(IReadOnlyList<string> Path, IRuleComponent Component, bool Conditional)> Walk(IValidator validator, IReadOnlyList<string> prefix, bool conditional)
    {
        foreach (var rule in validator.CreateDescriptor().Rules)
        {
            var isEach = rule.GetType().GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICollectionRule<,>));
            IReadOnlyList<string> path = [.. prefix, .. rule.PropertyName?.Split('.') ?? [], .. isEach ? ["[]"] : Array.Empty<string>()];
            foreach (var component in rule.Components)
            {
                var under = conditional || component.HasAsyncCondition || (component.HasCondition && !SchemaNeutralConditions.IsNeutral(component));
                if (component.Validator is IChildValidatorAdaptor && ValidatorPaths.Child(component.Validator) is { } child)
                {
                    foreach (var nested in Walk(child, path, under))
                    {
                        yield return nested;
                    }
                }
                else
                {
                    yield return (path, component, under);
                }
            }
        }
    }

    // ---- The contract, followed by JSON names: the schema a check lands on.

    /// <param name="Schema">The member's schema with references and the null branch followed: where its keywords are.</param>
    /// <param name="Declared">The member's schema as declared: its <c>type</c> says whether null is allowed.</param>
    /// <param name="Required">Whether the owner requires it; null for a list's items.</param>
    private sealed record Located(JsonNode Schema, JsonNode Declared, bool Nullable, bool? Required, string OwnerName);

    private static Located? Locate(JsonNode bodySchema, Type body, IReadOnlyList<string> path, JsonObject schemas, JsonSerializerOptions json)
    {
        if (path.Count == 0)
        {
            return null;
        }

        var owner = Deref(bodySchema, schemas);
        var ownerName = body.Name;
        Located? at = null;
        foreach (var segment in path)
        {
            if (segment == "[]")
            {
                if (at?.Schema["items"] is not { } items)
                {
                    return null;
                }

                at = new Located(Deref(items, schemas)!, items, IsNullable(items), null, ownerName);
                continue;
            }

            if (at is not null)
            {
                owner = at.Schema;
            }

            if (owner?["properties"]?[segment] is not { } declared)
            {
                return null;
            }

            var required = owner["required"]?.AsArray().Any(n => n?.GetValue<string>() == segment) == true;
            at = new Located(Deref(declared, schemas)!, declared, IsNullable(declared), required, ownerName);
            ownerName = segment;
        }

        return at;
    }

    private static bool IsNullable(JsonNode declared) =>
        declared["type"] is JsonArray types && types.Any(t => t?.GetValue<string>() == "null")
        || declared["oneOf"]?.AsArray().Any(b => b?["type"]?.GetValue<string>() == "null") == true;

    private static JsonNode? Deref(JsonNode? schema, JsonObject schemas)
    {
        for (var i = 0; i < 10 && schema is not null; i++)
        {
            if (schema["$ref"]?.GetValue<string>() is { } reference)
            {
                schema = schemas[reference["#/components/schemas/".Length..]];
            }
            else if (schema["oneOf"] is JsonArray branches && branches.FirstOrDefault(b => b?["type"]?.GetValue<string>() != "null") is { } value)
            {
                schema = value;
            }
            else
            {
                return schema;
            }
        }

        return schema;
    }

    /// <summary>A Command member that is the body itself (AddParticipant's participant): its checks are on the body's members.</summary>
    private static bool CarriedWhole(Type validated, Type body, IReadOnlyList<string> path) =>
        path.Count > 0 && validated != body
                       && validated.GetProperty(path[0], System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.IgnoreCase)?.PropertyType == body;

    private static bool BodyHas(Type body, string member, JsonSerializerOptions json) =>
        json.GetTypeInfo(body) is { Kind: JsonTypeInfoKind.Object } info && info.Properties.Any(p => p.Name == member);

    /// <summary>The <c>requestBody</c> of an operation that reads <paramref name="body"/>.</summary>
    private static JsonNode? RequestBody(JsonNode contract, IEnumerable<ApiDescription> descriptions, Type body)
    {
        foreach (var description in descriptions.Where(d => d.ParameterDescriptions.Any(p => p.Source == BindingSource.Body && p.Type == body)))
        {
            // Route constraints ({id:guid}) are not part of the contract's paths.
            var path = System.Text.RegularExpressions.Regex.Replace("/" + description.RelativePath!.TrimEnd('/').Split('?')[0], @"\{([^}:?]+)[^}]*\}", "{$1}");
            if (contract["paths"]?[path]?[description.HttpMethod!.ToLowerInvariant()]?["requestBody"] is { } requestBody)
            {
                return requestBody;
            }
        }

        return null;
    }

    private static JsonNode? SchemaOf(JsonNode requestBody) =>
        requestBody["content"]?.AsObject().FirstOrDefault(c => c.Key.Contains("json", StringComparison.Ordinal)).Value?["schema"];
}
