using System.Runtime.CompilerServices;
using FluentValidation;
using FluentValidation.Internal;

namespace TrainingApi.Common.OpenApi;

/// <summary>
/// Conditions that leave out only bodies the schema refuses anyway, so the rules under them may be stated in the schema as if
/// unconditional (<see cref="ValidationRulesSchemaFilter"/>). Any other <c>When</c> keeps its rules out of the schema, which
/// cannot say when they apply. Use it as the rule's last condition: a <c>When</c> after it would make the rule conditional
/// in the server but not in the contract.
/// </summary>
public static class SchemaNeutralConditions
{
    private static readonly ConditionalWeakTable<IRuleComponent, object> Neutral = [];

    /// <summary>
    /// The rules run only while the list is within its cap: past it the body is refused by the cap (stated as <c>maxItems</c>),
    /// and its items are not checked one by one.
    /// </summary>
    public static IRuleBuilderOptions<T, TProperty> WhenWithinCount<T, TProperty, TItem>(this IRuleBuilderOptions<T, TProperty> rule,
        Func<T, IReadOnlyCollection<TItem>?> list, int max)
    {
        var marked = new List<IRuleComponent>();
        rule.Configure(r => marked.AddRange(r.Components.Where(c => !c.HasCondition && !c.HasAsyncCondition)));
        rule.When(c => list(c) is { } items && items.Count <= max);
        foreach (var component in marked)
        {
            Neutral.AddOrUpdate(component, marked);
        }

        return rule;
    }

    public static bool IsNeutral(IRuleComponent component) => Neutral.TryGetValue(component, out _);
}
