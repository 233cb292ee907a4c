using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using SkiaSharp;
using TrainingApi.Features.Curriculum.Assets;
using A = DocumentFormat.OpenXml.Drawing;
using Decorative = DocumentFormat.OpenXml.Office2019.Drawing.Decorative;
using Pic = DocumentFormat.OpenXml.Drawing.Pictures;
using Wp = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace TrainingApi.Features.MaterialsHandover.Exports.Docx;

/// <summary>
/// Images of the release embedded in the document, in line with the text. PNG and JPEG go in as they are; WebP and SVG are
/// drawn to PNG first, because Word before 365 shows neither (and LibreOffice's SVG support varies). The alt text is the
/// Markdown's, in <c>wp:docPr/@descr</c> where Word and screen readers look for it; an image marked decorative gets an empty
/// description and Office's "decorative" flag, so Word's accessibility checker and screen readers skip it.
/// </summary>
internal static class DocxImages
{
    public const string DecorativeUri = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}";
    public const string DecorativeNamespace = "http://schemas.microsoft.com/office/drawing/2017/decorative";

    // 16 cm of text between A4 margins of 2.5 cm, in EMU (360 000 per cm); a pixel is 9 525 EMU at Word's 96 dpi.
    private const long MaxWidth = 16 * 360_000L;
    private const long EmuPerPixel = 9525;

    // SVGs are drawn at twice their CSS size so they stay sharp when printed or zoomed.
    private const float SvgScale = 2f;

    public static Run Inline(DocxContext context, AssetFacts asset, string alt, bool decorative)
    {
        var (bytes, extension, width, height) = Embeddable(asset, context.Assets.BytesOf(asset));
        var relationship = context.Package.Image(asset.Name, bytes, extension);
        var (cx, cy) = Extent(width, height);
        var id = context.NextDrawingId();

        var properties = new Wp.DocProperties { Id = id, Name = "Obraz " + id.ToString(System.Globalization.CultureInfo.InvariantCulture), Description = decorative ? "" : alt };
        if (decorative)
        {
            properties.Append(new A.NonVisualDrawingPropertiesExtensionList(
                new A.NonVisualDrawingPropertiesExtension(new Decorative { Val = true }) { Uri = DecorativeUri }));
        }

        var picture = new Pic.Picture(
            new Pic.NonVisualPictureProperties(
                new Pic.NonVisualDrawingProperties { Id = 0U, Name = asset.Name, Description = decorative ? "" : alt },
                new Pic.NonVisualPictureDrawingProperties()),
            new Pic.BlipFill(new A.Blip { Embed = relationship }, new A.Stretch(new A.FillRectangle())),
            new Pic.ShapeProperties(
                new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = cx, Cy = cy }),
                new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle }));
        var inline = new Wp.Inline(
            new Wp.Extent { Cx = cx, Cy = cy },
            new Wp.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
            properties,
            new Wp.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(picture) { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        {
            DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U,
        };
        return new Run(new Drawing(inline));
    }

    /// <summary>The image's size in EMU: its pixels at 96 dpi, scaled down (never up) to the width of the text.</summary>
    private static (long Cx, long Cy) Extent(int width, int height)
    {
        var cx = Math.Max(1, width) * EmuPerPixel;
        var cy = Math.Max(1, height) * EmuPerPixel;
        return cx <= MaxWidth ? (cx, cy) : (MaxWidth, (long)Math.Round(cy * (double)MaxWidth / cx));
    }

    /// <summary>Bytes Word shows, their extension in the package, and the size the page should give the image (CSS pixels).</summary>
    private static (byte[] Bytes, string Extension, int Width, int Height) Embeddable(AssetFacts asset, byte[] bytes)
    {
        var width = asset.Width ?? 0;
        var height = asset.Height ?? 0;
        if (asset.Format == AssetFormat.Png)
        {
            return (bytes, "png", width, height);
        }

        if (asset.Format == AssetFormat.Jpeg)
        {
            return (bytes, "jpeg", width, height);
        }

        if (asset.Format == AssetFormat.Svg)
        {
            return (SvgToPng(bytes, width, height), "png", width, height);
        }

        using var bitmap = SKBitmap.Decode(bytes) ?? throw new InvalidOperationException($"The image {asset.Name} cannot be decoded.");
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return (data.ToArray(), "png", width == 0 ? bitmap.Width : width, height == 0 ? bitmap.Height : height);
    }

    private static byte[] SvgToPng(byte[] bytes, int width, int height)
    {
        using var svg = new Svg.Skia.SKSvg();
        var picture = svg.FromSvg(System.Text.Encoding.UTF8.GetString(bytes)) ?? throw new InvalidOperationException("The SVG image cannot be drawn.");
        var bounds = picture.CullRect;
        // The facts' size is the SVG's viewport in CSS pixels; the drawing is scaled to it (twice over), whatever its own units.
        var scaleX = bounds.Width > 0 && width > 0 ? width / bounds.Width * SvgScale : SvgScale;
        var scaleY = bounds.Height > 0 && height > 0 ? height / bounds.Height * SvgScale : SvgScale;
        using var output = new MemoryStream();
        // White behind: a transparent drawing of dark lines would vanish on a dark page colour or in high-contrast printing.
        if (!svg.Save(output, SKColors.White, SKEncodedImageFormat.Png, 100, scaleX, scaleY))
        {
            throw new InvalidOperationException("The SVG image cannot be drawn.");
        }

        return output.ToArray();
    }
}
