using FluentValidation;
using FluentValidation.Validators;
using TrainingApi.Common.Localization;

namespace TrainingApi.Common.OpenApi;

/// <summary>A member that holds an absolute URL, which the contract states as <c>format: uri</c>.</summary>
public interface IAbsoluteUrlValidator
{
    IReadOnlyList<string> Schemes { get; }
}

/// <summary>
/// An absolute URL in one of <see cref="Schemes"/> (compared as <see cref="Uri"/> does, ignoring case); null passes, so an
/// optional link needs no condition around the rule.
/// </summary>
public sealed class AbsoluteUrlValidator<T>(IReadOnlyList<string> schemes) : PropertyValidator<T, string?>, IAbsoluteUrlValidator
{
    public IReadOnlyList<string> Schemes { get; } = schemes;

    public override string Name => "AbsoluteUrlValidator";

    public override bool IsValid(ValidationContext<T> context, string? value) =>
        value is null || (Uri.TryCreate(value, UriKind.Absolute, out var uri) && Schemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase));

    protected override string GetDefaultMessageTemplate(string errorCode) =>
        new Text($"'{{PropertyName}}' must be an absolute {string.Join(" or ", Schemes)} address.",
            $"'{{PropertyName}}' musi być bezwzględnym adresem {string.Join(" lub ", Schemes)}.").ToString();
}

public static class AbsoluteUrlRule
{
    public static IRuleBuilderOptions<T, string?> HttpsUrl<T>(this IRuleBuilder<T, string?> rule) =>
        rule.SetValidator(new AbsoluteUrlValidator<T>([Uri.UriSchemeHttps]));

    public static IRuleBuilderOptions<T, string?> AbsoluteUrl<T>(this IRuleBuilder<T, string?> rule, params string[] schemes) =>
        rule.SetValidator(new AbsoluteUrlValidator<T>(schemes));
}
