using System.Text;
using SkiaSharp;

namespace TrainingApi.Tests.Features.Curriculum.Assets;

/// <summary>Well-formed files to upload, made in code: a drawn PNG or JPEG of a given size and a small one-page PDF.</summary>
public static class SampleImages
{
    public static byte[] Png(int width, int height, SKColor? colour = null) => Draw(width, height, colour ?? SKColors.SteelBlue, SKEncodedImageFormat.Png);

    public static byte[] Jpeg(int width, int height) => Draw(width, height, SKColors.DarkOliveGreen, SKEncodedImageFormat.Jpeg);

    private static byte[] Draw(int width, int height, SKColor colour, SKEncodedImageFormat format)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height));
        surface.Canvas.Clear(SKColors.White);
        using var paint = new SKPaint { Color = colour, IsStroke = true, StrokeWidth = Math.Max(1, width / 40f) };
        surface.Canvas.DrawRect(width * 0.1f, height * 0.1f, width * 0.3f, height * 0.3f, paint);
        surface.Canvas.DrawRect(width * 0.6f, height * 0.6f, width * 0.3f, height * 0.3f, paint);
        surface.Canvas.DrawLine(width * 0.4f, height * 0.25f, width * 0.6f, height * 0.75f, paint);
        using var image = surface.Snapshot();
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }

    /// <summary>A one-page PDF 1.4 with a line of text, its cross-reference table at the right offsets.</summary>
    public static byte[] Pdf(string text = "Regulamin naboru")
    {
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {31 + text.Length} >>\nstream\nBT /F1 18 Tf 72 760 Td ({text}) Tj ET\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(Encoding.ASCII.GetByteCount(pdf.ToString()));
            pdf.Append(i + 1).Append(" 0 obj\n").Append(objects[i]).Append("\nendobj\n");
        }

        var xref = Encoding.ASCII.GetByteCount(pdf.ToString());
        pdf.Append("xref\n0 ").Append(objects.Length + 1).Append("\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(offset.ToString("D10", System.Globalization.CultureInfo.InvariantCulture)).Append(" 00000 n \n");
        }

        pdf.Append("trailer\n<< /Size ").Append(objects.Length + 1).Append(" /Root 1 0 R >>\nstartxref\n").Append(xref).Append("\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
