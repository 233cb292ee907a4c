using TrainingApi.Features.Curriculum.Assets;
using TrainingApi.Features.MaterialsHandover.Releases;

namespace TrainingApi.Features.MaterialsHandover.Exports;

/// <summary>The stored bytes of a release's assets by SHA-256, fetched once from the Curriculum's asset store for a build.</summary>
public sealed class ReleaseAssets(IReadOnlyDictionary<string, byte[]> bytesBySha256)
{
    public static readonly ReleaseAssets None = new(new Dictionary<string, byte[]>());

    public static async Task<ReleaseAssets> LoadAsync(IAssetStore store, ReleaseDocument release, CancellationToken ct) =>
        release.AssetList.Count == 0 ? None : new(await store.GetManyAsync([.. release.AssetList.Select(a => a.Sha256).Distinct()], ct));

    /// <summary>The bytes the document lists; a frozen version's asset cannot be removed, so a missing one is a broken store, not a client's error.</summary>
    public byte[] BytesOf(AssetFacts asset) =>
        bytesBySha256.TryGetValue(asset.Sha256, out var bytes) ? bytes : throw new InvalidOperationException($"The asset store has no bytes for {asset.Name} ({asset.Sha256}).");
}
