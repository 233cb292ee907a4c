using FluentValidation;
using FluentValidation.Internal;
using FluentValidation.Validators;

namespace TrainingApi.Common.OpenApi;

/// <summary>One check of a validator, with the path of the body member it checks.</summary>
/// <param name="Path">Member names as the errors name them (camelCase), <see cref="ValidatorPaths.Items"/> for "each item of".</param>
/// <param name="Conditional">Under a condition (other than a <see cref="SchemaNeutralConditions"/> one), its own or a parent's.</param>
public sealed record PathRule(IReadOnlyList<string> Path, IRuleComponent Component, bool Conditional);

/// <summary>
/// Flattens a validator into <see cref="PathRule"/>s, descending into what it delegates to: included validators, child
/// validators (<c>SetValidator</c>, <c>ChildRules</c>) and the items of <c>RuleForEach</c>. A rule's path is its error name
/// split on dots, which is the body's JSON path: the API reports errors by it (<c>contact.name</c>,
/// <c>representatives[0].email</c>), and rules on a Command's members name the Request's members that way.
/// </summary>
public static class ValidatorPaths
{
    public const string Items = "[]";

    public static IEnumerable<PathRule> Of(IValidator validator) => Walk(validator, [], conditional: false);

    private static IEnumerable<PathRule> Walk(IValidator validator, IReadOnlyList<string> prefix, bool conditional)
    {
        foreach (var rule in validator.CreateDescriptor().Rules)
        {
            IReadOnlyList<string> path =
            [
                .. prefix,
                .. rule.PropertyName?.Split('.', StringSplitOptions.RemoveEmptyEntries) ?? [],
                .. IsCollectionRule(rule) ? [Items] : Array.Empty<string>(),
            ];
            foreach (var component in rule.Components)
            {
                var underCondition = conditional || component.HasAsyncCondition || (component.HasCondition && !SchemaNeutralConditions.IsNeutral(component));
                if (component.Validator is IChildValidatorAdaptor && Child(component.Validator) is { } child)
                {
                    foreach (var nested in Walk(child, path, underCondition))
                    {
                        yield return nested;
                    }
                }
                else
                {
                    yield return new PathRule(path, component, underCondition);
                }
            }
        }
    }

    public static bool IsCollectionRule(IValidationRule rule) =>
        rule.GetType().GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICollectionRule<,>));

    /// <summary>
    /// The validator a <c>SetValidator(instance)</c>, <c>ChildRules</c> or <c>Include</c> delegates to; null when it is chosen
    /// per value at run time (a provider), which no schema can follow.
    /// </summary>
    public static IValidator? Child(IPropertyValidator adaptor)
    {
        var getValidator = adaptor.GetType().GetMethods().FirstOrDefault(m => m.Name == "GetValidator" && m.GetParameters().Length == 2);
        if (getValidator is null)
        {
            return null;
        }

        // A context for no instance: a fixed child validator ignores it, a provider would fail on it.
        var context = Activator.CreateInstance(getValidator.GetParameters()[0].ParameterType, [null]);
        try
        {
            return getValidator.Invoke(adaptor, [context, null]) as IValidator;
        }
        catch (System.Reflection.TargetInvocationException)
        {
            return null;
        }
    }
}
