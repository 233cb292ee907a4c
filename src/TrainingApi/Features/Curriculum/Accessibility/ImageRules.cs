using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace TrainingApi.Features.Curriculum.Accessibility;

/// <summary>
/// WCAG 1.1.1: every image needs a text alternative that says what it shows (not its file name or "zdjęcie"), and a short
/// one, because screen readers cannot skim long alt text. An image must also be one a published package can show: the API
/// stores no image files, so a relative path points at nothing in the ZIP, the cartridge or the catalogue.
/// </summary>
internal static partial class ImageRules
{
    public const int MaxAltLength = 150;

    // Words that name the kind of thing, not what it shows; compared with the whole alt text after lower-casing.
    private static readonly FrozenSet<string> GenericAlt = new[]
    {
        "obraz", "obrazek", "zdjęcie", "zdjecie", "foto", "fotografia", "grafika", "ilustracja", "rysunek", "rycina", "ikona", "ikonka",
        "logo", "wykres", "schemat", "diagram", "zrzut ekranu", "skan", "image", "picture", "photo", "photograph", "img", "graphic",
        "illustration", "icon", "chart", "screenshot", "figure",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static void Check(MarkdownDocument document, CheckContext context)
    {
        foreach (var image in document.Descendants<LinkInline>().Where(link => link.IsImage))
        {
            var alt = InlineText.Of(image);
            var at = context.Map.Of(image);
            if (IsPackageRelative(image.Url))
            {
                context.Report(AccessibilityRules.ImageSourceMissing, at, image.Url ?? "",
                    "The API stores no image files, so this relative path shows nothing in the published pages, ZIP or cartridge. Use the image's full https:// address, or describe it in the text.",
                    "API nie przechowuje plików obrazów, więc ta ścieżka względna nic nie pokaże na opublikowanych stronach, w ZIP ani w pakiecie. Podaj pełny adres obrazu (https://) albo opisz go w tekście.");
            }

            if (alt.Length == 0)
            {
                if (!DecorativeImage.IsMarked(image))
                {
                    context.Report(AccessibilityRules.ImageAltMissing, at, image.Url ?? "",
                        "Add alternative text that says what the image shows or why it is there: ![description](file.png). If it is only decoration, say so: ![](file.png \"dekoracyjny\").",
                        "Dodaj tekst alternatywny, który mówi, co przedstawia obraz i po co jest: ![opis](plik.png). Jeśli to tylko ozdoba, zaznacz to: ![](plik.png \"dekoracyjny\").");
                }
            }
            else if (IsGeneric(alt))
            {
                context.Report(AccessibilityRules.ImageAltGeneric, at, alt,
                    $"\"{alt}\" names a file or a kind of image, not what it shows. Describe the content, e.g. \"Plan of the computer room with 24 desks\".",
                    $"„{alt}” to nazwa pliku albo rodzaju obrazu, a nie opis treści. Opisz, co widać, np. „Plan pracowni z 24 stanowiskami”.");
            }
            else if (alt.Length > MaxAltLength)
            {
                context.Report(AccessibilityRules.AltTextTooLong, at, alt,
                    $"Shorten the alternative text to at most {MaxAltLength} characters ({alt.Length} now); put a longer description in the text next to the image.",
                    $"Skróć tekst alternatywny do najwyżej {MaxAltLength} znaków (teraz {alt.Length}); dłuższy opis umieść w tekście obok obrazu.");
            }
        }
    }

    /// <summary>A path with no scheme and no host: the package would need the file, and the API has none to put in it.</summary>
    public static bool IsPackageRelative(string? url) =>
        !string.IsNullOrWhiteSpace(url) && !Uri.TryCreate(url.Trim(), UriKind.Absolute, out _) && !url.TrimStart().StartsWith("//", StringComparison.Ordinal);

    private static bool IsGeneric(string alt)
    {
        var text = alt.Trim().TrimEnd('.', ':').ToLowerInvariant();
        return GenericAlt.Contains(text) || FileName().IsMatch(text) || CameraName().IsMatch(text);
    }

    [GeneratedRegex(@"^[\w\-. ]+\.(png|jpe?g|gif|svg|webp|bmp|tiff?|heic)$", RegexOptions.CultureInvariant)]
    private static partial Regex FileName();

    // Camera and phone file names without the extension: IMG_0042, DSC01234, PXL_20240311_…
    [GeneratedRegex(@"^(img|dsc|dscn|pxl|screenshot|zrzut)[_\- ]?\d[\d_\-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex CameraName();
}
