using System.Globalization;

namespace TrainingApi.Common.Localization;

/// <summary>
/// A message in the two languages the API speaks. The request's culture (Accept-Language, see
/// <see cref="LocalizationSetup"/>) picks one when the text is rendered, so exceptions can carry both.
/// </summary>
public readonly record struct Text(string En, string Pl)
{
    public static bool IsPolish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "pl";

    public override string ToString() => IsPolish ? Pl : En;
}
