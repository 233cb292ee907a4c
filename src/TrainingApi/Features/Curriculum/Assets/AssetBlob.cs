using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TrainingApi.Features.Curriculum.Assets;

/// <summary>Stored asset bytes, once per SHA-256 (PostgreSQL implementation of <see cref="IAssetStore"/>).</summary>
public sealed class AssetBlob
{
    private AssetBlob() { }

    public AssetBlob(string sha256, byte[] bytes, DateTimeOffset now)
    {
        Sha256 = sha256;
        Bytes = bytes;
        Size = bytes.LongLength;
        StoredAt = now;
    }

    public string Sha256 { get; private set; } = "";
    public byte[] Bytes { get; private set; } = [];
    public long Size { get; private set; }
    public DateTimeOffset StoredAt { get; private set; }
}

public sealed class AssetBlobConfiguration : IEntityTypeConfiguration<AssetBlob>
{
    public void Configure(EntityTypeBuilder<AssetBlob> builder)
    {
        builder.ToTable("asset_blobs", CurriculumModule.Schema);
        builder.HasKey(b => b.Sha256);
        builder.Property(b => b.Sha256).HasMaxLength(64).IsFixedLength();
    }
}
