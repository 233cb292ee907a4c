namespace TrainingApi.Features.Curriculum.Assets.Inspection;

/// <summary>Limits of uploaded assets (configuration section <c>Assets</c>, see docs/configuration.md).</summary>
public sealed class AssetLimits
{
    public const string Section = "Assets";

    public long MaxImageBytes { get; set; } = 5 * 1024 * 1024;

    public long MaxAttachmentBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>Longest side of an image in pixels (SVG: of its declared size).</summary>
    public int MaxImageSide { get; set; } = 8_000;

    /// <summary>Width × height; checked from the header, before a single pixel is decoded.</summary>
    public long MaxImagePixels { get; set; } = 40_000_000;

    /// <summary>What an office document (a ZIP inside) may unpack to in all, whatever its entries declare.</summary>
    public long MaxUnpackedBytes { get; set; } = 200 * 1024 * 1024;

    public int MaxArchiveEntries { get; set; } = 5_000;

    /// <summary>
    /// Unpacked ÷ packed size an office document's entry may reach once it unpacks to more than
    /// <see cref="CompressionRatioFromBytes"/>: real XML compresses 5–50:1, a zip bomb 1000:1.
    /// </summary>
    public int MaxCompressionRatio { get; set; } = 200;

    /// <summary>Below this many unpacked bytes an entry's ratio is not checked (a small run of zeros may compress very well).</summary>
    public long CompressionRatioFromBytes { get; set; } = 1024 * 1024;

    /// <summary>Assets one version may hold.</summary>
    public int MaxAssetsPerVersion { get; set; } = 200;

    /// <summary>The largest body the upload endpoint reads: the larger of the two size limits.</summary>
    public long MaxUploadBytes => Math.Max(MaxImageBytes, MaxAttachmentBytes);
}
