using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingApi.Common.Persistence;

namespace TrainingApi.Features.Curriculum.Assets;

/// <summary>
/// An image or attachment of a programme version under a stable name; the bytes live in the asset store under their
/// SHA-256, so a draft made from the version (which copies these rows) and identical uploads share one stored copy.
/// A version past draft is frozen, and so are its assets.
/// </summary>
public sealed class VersionAsset : IVersioned
{
    private VersionAsset() { }

    public VersionAsset(Guid versionId, string name, AssetFormat format, long size, string sha256, int? width, int? height, string uploadedBy, DateTimeOffset now)
    {
        VersionId = versionId;
        Name = name;
        Replace(format, size, sha256, width, height, uploadedBy, now);
    }

    public Guid VersionId { get; private set; }
    public string Name { get; private set; } = "";
    public AssetKind Kind { get; private set; }
    public string MediaType { get; private set; } = "";
    public long Size { get; private set; }
    public string Sha256 { get; private set; } = "";
    public int? Width { get; private set; }
    public int? Height { get; private set; }
    public string UploadedBy { get; private set; } = "";
    public DateTimeOffset UploadedAt { get; private set; }
    public uint Version { get; private set; }

    public AssetFacts Facts => new(Name, Kind, MediaType, Size, Sha256, Width, Height);

    public void Replace(AssetFormat format, long size, string sha256, int? width, int? height, string uploadedBy, DateTimeOffset now)
    {
        Kind = format.Kind;
        MediaType = format.MediaType;
        Size = size;
        Sha256 = sha256;
        Width = width;
        Height = height;
        UploadedBy = uploadedBy;
        UploadedAt = now;
    }

    /// <summary>The same asset in a new draft (the bytes are shared, not copied).</summary>
    public VersionAsset CopyInto(Guid versionId)
    {
        var copy = (VersionAsset)MemberwiseClone();
        copy.VersionId = versionId;
        copy.Version = 0;
        return copy;
    }
}

public sealed class VersionAssetConfiguration : IEntityTypeConfiguration<VersionAsset>
{
    public void Configure(EntityTypeBuilder<VersionAsset> builder)
    {
        builder.ToTable("version_assets", CurriculumModule.Schema);
        builder.HasKey(a => new { a.VersionId, a.Name });
        builder.Property(a => a.Name).HasMaxLength(AssetNames.MaxLength);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.MediaType).HasMaxLength(100);
        builder.Property(a => a.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(a => a.UploadedBy).HasMaxLength(200);
        builder.Property(a => a.Version).IsRowVersion();
        builder.HasOne<Versions.ProgrammeVersion>().WithMany().HasForeignKey(a => a.VersionId).OnDelete(DeleteBehavior.Restrict);
        // The bytes cannot go while a version names them (see DatabaseAssetStore.ForgetIfUnusedAsync).
        builder.HasOne<AssetBlob>().WithMany().HasForeignKey(a => a.Sha256).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.Sha256);
    }
}
