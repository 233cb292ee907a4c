using System.Collections;
using FluentValidation;
using FluentValidation.Validators;
using TrainingApi.Common.Localization;

namespace TrainingApi.Common.OpenApi;

/// <summary>A list's size cap the contract can state (<c>maxItems</c>), where a <c>Must</c> lambda would hide it.</summary>
public interface IMaximumItemsValidator
{
    int Max { get; }
}

/// <summary>At most <see cref="Max"/> items; a missing list passes (NotNull/NotEmpty say whether one is needed).</summary>
public sealed class MaximumItemsValidator<T, TCollection>(int max) : PropertyValidator<T, TCollection>, IMaximumItemsValidator
    where TCollection : IEnumerable?
{
    public int Max { get; } = max;

    public override string Name => "MaximumItemsValidator";

    public override bool IsValid(ValidationContext<T> context, TCollection value)
    {
        if (value is null)
        {
            return true;
        }

        var count = 0;
        foreach (var unused in value)
        {
            if (++count > Max)
            {
                context.MessageFormatter.AppendArgument("MaxItems", Max);
                return false;
            }
        }

        return true;
    }

    protected override string GetDefaultMessageTemplate(string errorCode) =>
        new Text("'{PropertyName}' must not have more than {MaxItems} items.", "'{PropertyName}' może mieć najwyżej {MaxItems} elementów.").ToString();
}

public static class MaximumItemsRule
{
    public static IRuleBuilderOptions<T, TCollection> MaximumItems<T, TCollection>(this IRuleBuilder<T, TCollection> rule, int max)
        where TCollection : IEnumerable? =>
        rule.SetValidator(new MaximumItemsValidator<T, TCollection>(max));
}
