using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace TrainingApi.Common.OpenApi;

/// <summary>A validator's check on a member of a request body type: on its value, or with <see cref="ItemsDepth"/> on its items.</summary>
public sealed record MemberRule(string JsonName, int ItemsDepth, PathRule Rule, Type Validated);

/// <summary>
/// Finds the validators that check each request body and places their checks on the body's types, nested ones included.
/// An endpoint reads a Request and sends a Command built from it; both are validated types of the body: the body's own type,
/// and every type validated by a validator declared in the use case that maps the endpoint (the class of its handler). A check
/// lands on the member its error names, looked up in the body by JSON name; a Command that carries the body whole as one
/// member (<c>AddParticipant</c>'s <c>participant</c>) names the body's members under it. A check on a member the body does not
/// carry (a route value, a header) lands nowhere.
/// </summary>
public static class RequestMemberRules
{
    /// <summary>Body types with the types validated for them, from the endpoints' metadata.</summary>
    public static IEnumerable<(Type Body, IReadOnlyList<Type> Validated)> Bodies(IEnumerable<ApiDescription> descriptions) =>
        descriptions
            .Select(d => (Body: d.ParameterDescriptions.FirstOrDefault(p => p.Source == BindingSource.Body)?.Type,
                Handler: d.ActionDescriptor.EndpointMetadata.OfType<MethodInfo>().FirstOrDefault()))
            .Where(x => x.Body is not null)
            .GroupBy(x => x.Body!)
            .Select(g => (g.Key, (IReadOnlyList<Type>)
            [
                .. new[] { g.Key }.Concat(g.SelectMany(x => ValidatedBeside(UseCase(x.Handler?.DeclaringType)))).Distinct(),
            ]));

    public static ILookup<Type, MemberRule> Build(IEnumerable<ApiDescription> descriptions, IServiceProvider services, JsonSerializerOptions json)
    {
        var found = new List<(Type Owner, MemberRule Rule)>();
        foreach (var (body, validatedTypes) in Bodies(descriptions))
        {
            foreach (var validated in validatedTypes)
            {
                if (services.GetService(typeof(IValidator<>).MakeGenericType(validated)) is not IValidator validator)
                {
                    continue;
                }

                foreach (var rule in ValidatorPaths.Of(validator))
                {
                    if (Resolve(body, WithinBody(validated, body, rule.Path, json), json) is { } member)
                    {
                        found.Add((member.Owner, new MemberRule(member.Name, member.Depth, rule, validated)));
                    }
                }
            }
        }

        return found.Distinct().ToLookup(x => x.Owner, x => x.Rule);
    }

    /// <summary>The path from the body: without its first member when that member is the body itself, carried whole by the Command.</summary>
    public static IReadOnlyList<string> WithinBody(Type validated, Type body, IReadOnlyList<string> path, JsonSerializerOptions json) =>
        path.Count > 0 && validated != body && json.GetTypeInfo(validated) is { Kind: JsonTypeInfoKind.Object } command
                       && command.Properties.FirstOrDefault(p => p.Name == path[0])?.PropertyType == body
                       && json.GetTypeInfo(body).Properties.All(p => p.Name != path[0])
            ? [.. path.Skip(1)]
            : path;

    /// <summary>The type that declares a member at <paramref name="path"/> in <paramref name="body"/>, its JSON name and how many "items of" follow it.</summary>
    public static (Type Owner, string Name, int Depth)? Resolve(Type body, IReadOnlyList<string> path, JsonSerializerOptions json)
    {
        var owner = body;
        var i = 0;
        while (i < path.Count && path[i] != ValidatorPaths.Items)
        {
            var typeInfo = json.GetTypeInfo(owner);
            if (typeInfo.Kind != JsonTypeInfoKind.Object || typeInfo.Properties.FirstOrDefault(p => p.Name == path[i]) is not { } property)
            {
                return null;
            }

            i++;
            var type = property.PropertyType;
            var depth = 0;
            for (; i < path.Count && path[i] == ValidatorPaths.Items; i++, depth++)
            {
                if (json.GetTypeInfo(type) is not { Kind: JsonTypeInfoKind.Enumerable, ElementType: { } element })
                {
                    return null;
                }

                type = element;
            }

            if (i == path.Count)
            {
                return (owner, property.Name, depth);
            }

            owner = Nullable.GetUnderlyingType(type) ?? type;
        }

        return null;
    }

    /// <summary>The class that declares a handler lambda (the compiler nests it in a closure class of the use case).</summary>
    private static Type? UseCase(Type? type)
    {
        while (type is not null && type.IsDefined(typeof(CompilerGeneratedAttribute), false))
        {
            type = type.DeclaringType;
        }

        return type;
    }

    private static IEnumerable<Type> ValidatedBeside(Type? declaring) =>
        (declaring?.GetNestedTypes() ?? [])
        .Where(t => !t.IsGenericTypeDefinition)
        .SelectMany(t => BaseTypes(t))
        .Where(b => b.IsGenericType && b.GetGenericTypeDefinition() == typeof(AbstractValidator<>))
        .Select(b => b.GetGenericArguments()[0])
        .Where(v => !v.IsInterface);

    private static IEnumerable<Type> BaseTypes(Type type)
    {
        for (var b = type.BaseType; b is not null; b = b.BaseType)
        {
            yield return b;
        }
    }
}
