using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace TrainingApi.Features.Curriculum.Accessibility;

/// <summary>
/// WCAG 1.1.1: every image needs a text alternative that says what it shows (not its file name or "zdjęcie"), and a short
/// one, because screen readers cannot skim long alt text; images of the version's assets (<c>assets/{name}</c>) as much as
/// any other. An image must also be one a published package can show: either an https:// address or one of the version's
/// uploaded assets. Any other relative path points at nothing in the ZIP, the cartridge or the catalogue. Whether an asset
/// exists and is an image is <see cref="AssetRules"/>'s to judge.
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
                    "This relative path points at no file of the published pages, ZIP or cartridge. Upload the image as an asset of the version (PUT /api/v1/versions/{versionId}/assets/{name}) and refer to it as assets/{name}, e.g. ![description](assets/schemat-sieci.png), or use its full https:// address.",
                    "Ta ścieżka względna nie wskazuje żadnego pliku opublikowanych stron, ZIP ani pakietu. Prześlij obraz jako zasób wersji (PUT /api/v1/versions/{versionId}/assets/{nazwa}) i odwołaj się do niego jako assets/{nazwa}, np. ![opis](assets/schemat-sieci.png), albo podaj jego pełny adres https://.");
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

    /// <summary>
    /// A path with no scheme and no host that is not one of the version's assets (<c>assets/{name}</c>): the package would need
    /// the file, and the version has none to put in it.
    /// </summary>
    public static bool IsPackageRelative(string? url) =>
        !string.IsNullOrWhiteSpace(url) && !Uri.TryCreate(url.Trim(), UriKind.Absolute, out _) && !url.TrimStart().StartsWith("//", StringComparison.Ordinal)
        && Assets.AssetReferences.NameOf(url) is null;

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
