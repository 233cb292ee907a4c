namespace TrainingApi.Features.Curriculum.Assets;

/// <summary>
/// Where asset bytes live, by SHA-256: PostgreSQL now (<see cref="DatabaseAssetStore"/>); an object store can take its place
/// behind this interface. Writes join the caller's database transaction, so an asset row never names bytes that were not stored.
/// </summary>
public interface IAssetStore
{
    /// <summary>Stores the bytes unless bytes with the same SHA-256 are stored already; returns the SHA-256 (lower-case hex).</summary>
    Task<string> PutAsync(byte[] bytes, CancellationToken ct);

    Task<byte[]?> GetAsync(string sha256, CancellationToken ct);

    /// <summary>The bytes of several hashes at once (for building a release's package); missing ones are absent.</summary>
    Task<IReadOnlyDictionary<string, byte[]>> GetManyAsync(IReadOnlyCollection<string> sha256s, CancellationToken ct);

    /// <summary>Removes the bytes when no version names them any more; a no-op while one does.</summary>
    Task ForgetIfUnusedAsync(string sha256, CancellationToken ct);
}
