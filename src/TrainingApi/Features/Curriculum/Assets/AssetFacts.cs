using System.Text.Json.Serialization;

namespace TrainingApi.Features.Curriculum.Assets;

/// <summary>
/// What the rest of the system knows of a version's asset without its bytes: what the accessibility checker, the exported
/// pages (width and height, so nothing jumps while images load) and a release's package need. Part of release.json.
/// </summary>
/// <param name="Name">The stable name within the version, referred to from Markdown as <c>assets/{name}</c>.</param>
/// <param name="Sha256">Of the stored bytes (after metadata was stripped): the key the bytes are stored under, once.</param>
/// <param name="Width">Pixels (for SVG, CSS pixels of its viewport); null for attachments.</param>
public sealed record AssetFacts(string Name, AssetKind Kind, string MediaType, long Size, string Sha256, int? Width, int? Height)
{
    public const string Folder = "assets/";

    /// <summary>How Markdown refers to it, relative to the page it is on.</summary>
    [JsonIgnore]
    public string Path => Folder + Name;

    [JsonIgnore]
    public AssetFormat Format => AssetFormat.ForMediaType(MediaType) ?? throw new InvalidOperationException($"Unknown asset media type {MediaType}.");
}
