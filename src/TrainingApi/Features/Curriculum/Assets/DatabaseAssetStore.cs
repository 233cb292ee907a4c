using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using TrainingApi.Common.Persistence;

namespace TrainingApi.Features.Curriculum.Assets;

/// <summary>
/// The asset store in PostgreSQL (<c>curriculum.asset_blobs</c>, one row per SHA-256). Writes go through the request's
/// connection and transaction. docs/operations.md says how large it may grow before an object store should take over.
/// </summary>
public sealed class DatabaseAssetStore(TrainingDb db, TimeProvider clock) : IAssetStore
{
    public async Task<string> PutAsync(byte[] bytes, CancellationToken ct)
    {
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var now = clock.UtcNowForDatabase();
        // Identical bytes are stored once; a concurrent upload of the same bytes waits for this row and then finds it.
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO curriculum.asset_blobs (sha256, bytes, size, stored_at) VALUES ({sha256}, {bytes}, {bytes.LongLength}, {now}) ON CONFLICT (sha256) DO NOTHING", ct);
        return sha256;
    }

    public async Task<byte[]?> GetAsync(string sha256, CancellationToken ct) =>
        await db.Set<AssetBlob>().AsNoTracking().Where(b => b.Sha256 == sha256).Select(b => b.Bytes).FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyDictionary<string, byte[]>> GetManyAsync(IReadOnlyCollection<string> sha256s, CancellationToken ct) =>
        sha256s.Count == 0
            ? new Dictionary<string, byte[]>()
            : await db.Set<AssetBlob>().AsNoTracking().Where(b => sha256s.Contains(b.Sha256)).ToDictionaryAsync(b => b.Sha256, b => b.Bytes, StringComparer.Ordinal, ct);

    public async Task ForgetIfUnusedAsync(string sha256, CancellationToken ct)
    {
        // In a savepoint: a refused delete must not abort the caller's transaction.
        var transaction = db.Database.CurrentTransaction;
        if (transaction is not null)
        {
            await transaction.CreateSavepointAsync(nameof(ForgetIfUnusedAsync), ct);
        }

        try
        {
            await db.Database.ExecuteSqlAsync(
                $"DELETE FROM curriculum.asset_blobs b WHERE b.sha256 = {sha256} AND NOT EXISTS (SELECT 1 FROM curriculum.version_assets a WHERE a.sha256 = b.sha256)", ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation && transaction is not null)
        {
            // A concurrent upload of the same bytes named them after this statement's snapshot: they stay, as they should.
            await transaction.RollbackToSavepointAsync(nameof(ForgetIfUnusedAsync), ct);
        }
    }
}
