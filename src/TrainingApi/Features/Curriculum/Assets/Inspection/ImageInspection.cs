using System.Buffers.Binary;
using SkiaSharp;

namespace TrainingApi.Features.Curriculum.Assets.Inspection;

/// <summary>
/// PNG, JPEG and WebP: the size is checked from the header before any pixel is decoded (a 20,000 × 20,000 PNG is a few KB
/// that would decode to 1.6 GB), then the pixels are decoded and encoded again. Only pixels survive the re-encoding: EXIF
/// (with GPS positions and camera serial numbers), XMP, IPTC, text chunks and anything hidden in them are gone. The EXIF
/// orientation is applied to the pixels first, because it goes with the EXIF and photos would otherwise turn on their side.
/// </summary>
public static class ImageInspection
{
    private const int Quality = 90;

    public static InspectedAsset Inspect(byte[] bytes, AssetFormat format, AssetLimits limits)
    {
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data) ?? throw Undecodable(format);
        if (codec.EncodedFormat != Expected(format))
        {
            throw Undecodable(format);
        }

        var header = codec.Info;
        if (header.Width <= 0 || header.Height <= 0)
        {
            throw Undecodable(format);
        }

        if (header.Width > limits.MaxImageSide || header.Height > limits.MaxImageSide || (long)header.Width * header.Height > limits.MaxImagePixels)
        {
            throw AssetProblems.TooManyPixels(format, header.Width, header.Height, limits);
        }

        if (codec.FrameCount > 1)
        {
            throw AssetProblems.Unsupported(new($"an animated {format.Label} image ({codec.FrameCount} frames); upload a still image",
                $"animowanym obrazem {format.Label} ({codec.FrameCount} klatek); prześlij obraz nieruchomy"));
        }

        using var decoded = Decode(codec, format);
        using var oriented = Orient(decoded, codec.EncodedOrigin);
        var output = Encode(oriented, format, IsLosslessWebp(bytes, format));
        return new(format, output, oriented.Width, oriented.Height);
    }

    private static SKEncodedImageFormat Expected(AssetFormat format) =>
        format == AssetFormat.Png ? SKEncodedImageFormat.Png
        : format == AssetFormat.Jpeg ? SKEncodedImageFormat.Jpeg
        : SKEncodedImageFormat.Webp;

    private static SKBitmap Decode(SKCodec codec, AssetFormat format)
    {
        var alpha = codec.Info.AlphaType == SKAlphaType.Opaque ? SKAlphaType.Opaque : SKAlphaType.Premul;
        // The source's colour space is kept (Skia writes it back as a fresh ICC profile), so wide-gamut photos keep their colours.
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, alpha, codec.Info.ColorSpace);
        var bitmap = new SKBitmap();
        if (!bitmap.TryAllocPixels(info))
        {
            bitmap.Dispose();
            throw Undecodable(format);
        }

        // Anything short of Success (IncompleteInput for a truncated file included) means pixels the file does not hold.
        if (codec.GetPixels(info, bitmap.GetPixels()) != SKCodecResult.Success)
        {
            bitmap.Dispose();
            throw Undecodable(format);
        }

        return bitmap;
    }

    /// <summary>The pixels as the EXIF orientation says they are shown (Skia's SkEncodedOriginToMatrix).</summary>
    private static SKBitmap Orient(SKBitmap source, SKEncodedOrigin origin)
    {
        float w = source.Width, h = source.Height;
        SKMatrix? matrix = origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
            SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
            _ => null,
        };
        if (matrix is not { } m)
        {
            return source.Copy();
        }

        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var info = source.Info.WithSize(swap ? source.Height : source.Width, swap ? source.Width : source.Height);
        var rotated = new SKBitmap(info);
        using var canvas = new SKCanvas(rotated);
        canvas.SetMatrix(m);
        canvas.DrawBitmap(source, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest), null);
        canvas.Flush();
        return rotated;
    }

    private static byte[] Encode(SKBitmap bitmap, AssetFormat format, bool lossless)
    {
        using var pixmap = bitmap.PeekPixels();
        using var encoded = format == AssetFormat.Png ? pixmap.Encode(SKPngEncoderOptions.Default)
            : format == AssetFormat.Jpeg ? pixmap.Encode(new SKJpegEncoderOptions(Quality, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore))
            : pixmap.Encode(new SKWebpEncoderOptions(lossless ? SKWebpEncoderCompression.Lossless : SKWebpEncoderCompression.Lossy, Quality));
        return encoded?.ToArray() ?? throw Undecodable(format);
    }

    /// <summary>A WebP whose image chunk is VP8L (lossless) stays lossless; VP8 (lossy) is encoded lossy again.</summary>
    private static bool IsLosslessWebp(ReadOnlySpan<byte> b, AssetFormat format)
    {
        if (format != AssetFormat.Webp)
        {
            return false;
        }

        var at = 12;
        while (at + 8 <= b.Length)
        {
            var fourCc = b.Slice(at, 4);
            if (fourCc.SequenceEqual("VP8L"u8))
            {
                return true;
            }

            if (fourCc.SequenceEqual("VP8 "u8))
            {
                return false;
            }

            var size = BinaryPrimitives.ReadUInt32LittleEndian(b[(at + 4)..]);
            if (size > (uint)(b.Length - at - 8))
            {
                return false;
            }

            at += 8 + (int)size + (int)(size & 1);
        }

        return false;
    }

    private static Common.Problems.ProblemException Undecodable(AssetFormat format) => AssetProblems.DamagedFile(new(
        $"The file starts like a {format.Label} image but does not decode as one: it is truncated or damaged. Save it again from an image editor.",
        $"Plik zaczyna się jak obraz {format.Label}, ale nie daje się zdekodować: jest niekompletny lub uszkodzony. Zapisz go ponownie w edytorze grafiki."));
}
