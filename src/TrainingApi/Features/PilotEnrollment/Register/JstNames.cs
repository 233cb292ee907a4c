using System.Globalization;
using System.Text;

namespace TrainingApi.Features.PilotEnrollment.Register;

public static class JstNames
{
    /// <summary>
    /// "Łódź" → "lodz", "Bielsko-Biała" → "bielsko-biala": lower case, diacritics removed (ł has no decomposition,
    /// so it is mapped by hand), so that a search typed without Polish letters still finds the unit.
    /// </summary>
    public static string Normalise(string text)
    {
        var decomposed = text.Trim().ToLowerInvariant().Replace('ł', 'l').Normalize(NormalizationForm.FormD);
        var kept = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                kept.Append(c);
            }
        }

        return kept.ToString().Normalize(NormalizationForm.FormC);
    }
}
