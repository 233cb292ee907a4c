using System.Globalization;
using TrainingApi.Common.Localization;
using TrainingApi.Common.Problems;

namespace TrainingApi.Features.Curriculum.Assets.Inspection;

/// <summary>
/// The refusals of asset inspection, one stable <c>code</c> each, so that clients can switch on the code and show the detail,
/// which names what is wrong with this particular file in English and Polish.
/// </summary>
public static class AssetProblems
{
    /// <summary>415: the bytes are none of the accepted formats (whatever the Content-Type or name said).</summary>
    public const string TypeUnsupported = "asset-type-unsupported";

    /// <summary>413: more bytes than an image or an attachment may have.</summary>
    public const string TooLarge = "asset-too-large";

    /// <summary>422: an image whose header declares more pixels than may be decoded.</summary>
    public const string ImageTooLarge = "asset-image-too-large";

    /// <summary>422: the bytes start like an accepted format but do not read as one (truncated, corrupt; an SVG without a size).</summary>
    public const string Damaged = "asset-damaged";

    /// <summary>422: an image or PDF that is also another file (data after its end, an embedded ZIP, HTML or script).</summary>
    public const string Polyglot = "asset-polyglot";

    /// <summary>422: an SVG with scripts, external references, a DTD or elements outside the allow-list.</summary>
    public const string UnsafeSvg = "asset-unsafe-svg";

    /// <summary>422: an office document whose ZIP is a bomb, escapes its folder, is encrypted or carries macros.</summary>
    public const string ArchiveUnsafe = "asset-archive-unsafe";

    /// <summary>422: a PDF with JavaScript, launch actions or embedded files.</summary>
    public const string UnsafePdf = "asset-unsafe-pdf";

    private static readonly CultureInfo Polish = CultureInfo.GetCultureInfo("pl-PL");

    /// <param name="whatItIs">What the file looks like, to complete "The file is …" / "Plik jest …" (Polish in the instrumental case).</param>
    public static ProblemException Unsupported(Text whatItIs) => Problem.UnsupportedMediaType(new(
        $"The file is {whatItIs.En}, not an accepted format: images must be PNG, JPEG, WebP or SVG, attachments PDF, DOCX, XLSX, ODT or ODS (recognised from the content, not the name or Content-Type).",
        $"Plik jest {whatItIs.Pl}, a nie żadnym z przyjmowanych formatów: obrazy muszą być w formacie PNG, JPEG, WebP lub SVG, załączniki PDF, DOCX, XLSX, ODT lub ODS (rozpoznawanym po zawartości, nie po nazwie ani Content-Type)."),
        TypeUnsupported);

    /// <param name="label">The format's label, or DOCX/XLSX/ODT/ODS for a ZIP not yet told apart.</param>
    public static ProblemException Oversized(string label, AssetKind kind, long size, long limit)
    {
        var image = kind == AssetKind.Image;
        return Problem.PayloadTooLarge(new(
            $"The {label} {(image ? "image" : "attachment")} is {size.ToString("N0", CultureInfo.InvariantCulture)} bytes; the limit for {(image ? "images" : "attachments")} is {Megabytes(limit, CultureInfo.InvariantCulture)} MB ({limit.ToString("N0", CultureInfo.InvariantCulture)} bytes).",
            $"{(image ? "Obraz" : "Załącznik")} {label} ma {size.ToString("N0", Polish)} B; limit dla {(image ? "obrazów" : "załączników")} to {Megabytes(limit, Polish)} MB ({limit.ToString("N0", Polish)} B)."),
            TooLarge);
    }

    public static ProblemException TooManyPixels(AssetFormat format, long width, long height, AssetLimits limits) => Problem.Unprocessable(new(
        $"The {format.Label} image is {width} × {height} px; the limit is {limits.MaxImageSide} px a side and {Megapixels(limits.MaxImagePixels, CultureInfo.InvariantCulture)} megapixels. Scale it down before uploading.",
        $"Obraz {format.Label} ma {width} × {height} px; limit to {limits.MaxImageSide} px na bok i {Megapixels(limits.MaxImagePixels, Polish)} megapikseli. Zmniejsz go przed przesłaniem."),
        ImageTooLarge);

    public static ProblemException DamagedFile(Text detail) => Problem.Unprocessable(detail, Damaged);

    public static ProblemException PolyglotFile(Text detail) => Problem.Unprocessable(detail, Polyglot);

    public static ProblemException UnsafeSvgFile(Text detail) => Problem.Unprocessable(detail, UnsafeSvg);

    public static ProblemException UnsafeArchive(Text detail) => Problem.Unprocessable(detail, ArchiveUnsafe);

    public static ProblemException UnsafePdfFile(Text detail) => Problem.Unprocessable(detail, UnsafePdf);

    /// <summary>An SVG that says neither its size nor its viewBox has no size to check or show (one of the endpoint's documented codes).</summary>
    public static ProblemException SvgWithoutSize() => Problem.Unprocessable(new(
        "The SVG has neither width and height (in px, or unitless) nor a viewBox, so its size is unknown: add a viewBox such as viewBox=\"0 0 800 600\".",
        "SVG nie ma ani atrybutów width i height (w px lub bez jednostki), ani viewBox, więc jego rozmiar jest nieznany: dodaj viewBox, np. viewBox=\"0 0 800 600\"."),
        Damaged);

    private static string Megabytes(long bytes, CultureInfo culture) => (bytes / (1024.0 * 1024.0)).ToString("0.#", culture);

    private static string Megapixels(long pixels, CultureInfo culture) => (pixels / 1_000_000.0).ToString("0.#", culture);
}
