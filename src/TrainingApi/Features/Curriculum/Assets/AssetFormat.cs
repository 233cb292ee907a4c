namespace TrainingApi.Features.Curriculum.Assets;

/// <summary>
/// A file format the asset store accepts, as recognised from the bytes (never from the client's Content-Type or name).
/// <paramref name="Label"/> is what an attachment link says of it to a reader ("PDF, 1,2 MB").
/// </summary>
public sealed record AssetFormat(string Id, AssetKind Kind, string MediaType, string Label, IReadOnlyList<string> Extensions)
{
    public static readonly AssetFormat Png = new("png", AssetKind.Image, "image/png", "PNG", ["png"]);
    public static readonly AssetFormat Jpeg = new("jpeg", AssetKind.Image, "image/jpeg", "JPEG", ["jpg", "jpeg"]);
    public static readonly AssetFormat Webp = new("webp", AssetKind.Image, "image/webp", "WebP", ["webp"]);
    public static readonly AssetFormat Svg = new("svg", AssetKind.Image, "image/svg+xml", "SVG", ["svg"]);
    public static readonly AssetFormat Pdf = new("pdf", AssetKind.Attachment, "application/pdf", "PDF", ["pdf"]);
    public static readonly AssetFormat Docx = new("docx", AssetKind.Attachment, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "DOCX", ["docx"]);
    public static readonly AssetFormat Xlsx = new("xlsx", AssetKind.Attachment, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX", ["xlsx"]);
    public static readonly AssetFormat Odt = new("odt", AssetKind.Attachment, "application/vnd.oasis.opendocument.text", "ODT", ["odt"]);
    public static readonly AssetFormat Ods = new("ods", AssetKind.Attachment, "application/vnd.oasis.opendocument.spreadsheet", "ODS", ["ods"]);

    public static IReadOnlyList<AssetFormat> All { get; } = [Png, Jpeg, Webp, Svg, Pdf, Docx, Xlsx, Odt, Ods];

    public static AssetFormat? ForMediaType(string mediaType) => All.FirstOrDefault(f => f.MediaType == mediaType);

    public static AssetFormat? ForExtension(string extension) =>
        All.FirstOrDefault(f => f.Extensions.Contains(extension.ToLowerInvariant(), StringComparer.Ordinal));
}
