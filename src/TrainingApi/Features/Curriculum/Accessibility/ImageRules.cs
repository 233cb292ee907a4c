using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace TrainingApi.Features.Curriculum.Accessibility;

/// <summary>WCAG 1.1.1: every image needs a text alternative, and a short one, because screen readers cannot skim long alt text.</summary>
internal static class ImageRules
{
    public const int MaxAltLength = 150;

    public static void Check(MarkdownDocument document, CheckContext context)
    {
        foreach (var image in document.Descendants<LinkInline>().Where(link => link.IsImage))
        {
            var alt = InlineText.Of(image);
            var at = context.Map.Of(image);
            if (alt.Length == 0)
            {
                context.Report(AccessibilityRules.ImageAltMissing, at, image.Url ?? "",
                    "Add alternative text that says what the image shows or why it is there: ![description](file.png).",
                    "Dodaj tekst alternatywny, który mówi, co przedstawia obraz i po co jest: ![opis](plik.png).");
            }
            else if (alt.Length > MaxAltLength)
            {
                context.Report(AccessibilityRules.AltTextTooLong, at, alt,
                    $"Shorten the alternative text to at most {MaxAltLength} characters ({alt.Length} now); put a longer description in the text next to the image.",
                    $"Skróć tekst alternatywny do najwyżej {MaxAltLength} znaków (teraz {alt.Length}); dłuższy opis umieść w tekście obok obrazu.");
            }
        }
    }
}
