namespace TrainingApi.Features.Curriculum.Assets;

/// <summary>An asset's strong ETag is the SHA-256 of its bytes: the same bytes have the same tag in a draft, a version and a release.</summary>
public static class AssetTags
{
    public static string Of(string sha256) => $"\"{sha256}\"";
}
