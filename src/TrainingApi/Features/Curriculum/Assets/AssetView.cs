namespace TrainingApi.Features.Curriculum.Assets;

/// <summary>An image or attachment of a version.</summary>
/// <param name="Name">Stable within the version; Markdown refers to it as <c>assets/{name}</c>.</param>
/// <param name="MediaType">Recognised from the bytes, whatever the upload's Content-Type said.</param>
/// <param name="Size">Bytes as stored (for images: after metadata was stripped).</param>
/// <param name="Sha256">Of the stored bytes; also the strong ETag of <c>url</c>.</param>
/// <param name="Width">Pixels; null for attachments.</param>
/// <param name="Height">Pixels; null for attachments.</param>
/// <param name="Url">Where its bytes are (relative to it, section HTML finds <c>assets/{name}</c>).</param>
/// <param name="UsedBy">Anchors of the version's sections that refer to it, in document order.</param>
public sealed record AssetView(string Name, AssetKind Kind, string MediaType, long Size, string Sha256, int? Width, int? Height, DateTimeOffset UploadedAt,
    string Url, IReadOnlyList<string> UsedBy)
{
    public static string UrlOf(Guid versionId, string name) => $"/api/v1/versions/{versionId}/assets/{name}";

    public static AssetView From(VersionAsset asset, IReadOnlyList<string> usedBy) =>
        new(asset.Name, asset.Kind, asset.MediaType, asset.Size, asset.Sha256, asset.Width, asset.Height, asset.UploadedAt, UrlOf(asset.VersionId, asset.Name), usedBy);

    public static readonly AssetView Example = new("schemat-sieci.png", AssetKind.Image, "image/png", 48_213,
        "9f2c4e1b7a0d3c5e8f6a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60", 1200, 800, new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero),
        "/api/v1/versions/01936b30-0000-7000-8000-000000000002/assets/schemat-sieci.png", ["modul-2"]);
}
