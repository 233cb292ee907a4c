using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TrainingApi.Features.Curriculum.Versions;

public sealed class ProgrammeVersionConfiguration : IEntityTypeConfiguration<ProgrammeVersion>
{
    public void Configure(EntityTypeBuilder<ProgrammeVersion> builder)
    {
        builder.ToTable("versions", CurriculumModule.Schema);
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Label).HasMaxLength(ProgrammeVersion.LabelMaxLength);
        builder.Property(v => v.Notes).HasMaxLength(ProgrammeVersion.NotesMaxLength);
        builder.Property(v => v.Status).HasConversion<string>().HasMaxLength(30);
        builder.Property(v => v.UpdateReason).HasConversion<string>().HasMaxLength(30);
        builder.Ignore(v => v.Path);
        // The pilot is another slice's: kept by id, without a foreign key across schemas.
        builder.HasOne<ProgrammeVersion>().WithMany().HasForeignKey(v => v.EvidenceVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(v => v.Version).IsRowVersion();
        builder.HasIndex(v => new { v.ProgrammeId, v.Label }).IsUnique();
        builder.HasIndex(v => new { v.ProgrammeId, v.CreatedAt, v.Id });
        builder.HasOne<Programme>().WithMany().HasForeignKey(v => v.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ProgrammeVersion>().WithMany().HasForeignKey(v => v.BasedOnVersionId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class VersionTransitionConfiguration : IEntityTypeConfiguration<VersionTransition>
{
    public void Configure(EntityTypeBuilder<VersionTransition> builder)
    {
        builder.ToTable("version_transitions", CurriculumModule.Schema);
        builder.HasKey(t => t.Id);
        builder.Property(t => t.From).HasConversion<string>().HasMaxLength(30);
        builder.Property(t => t.To).HasConversion<string>().HasMaxLength(30);
        builder.Property(t => t.Reason).HasMaxLength(VersionTransition.ReasonMaxLength);
        builder.Property(t => t.Actor).HasMaxLength(200);
        builder.HasIndex(t => new { t.VersionId, t.At });
        builder.HasOne<ProgrammeVersion>().WithMany().HasForeignKey(t => t.VersionId).OnDelete(DeleteBehavior.Cascade);
    }
}
