using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrainingApi.Features.Curriculum.LegalActs;
using TrainingApi.Features.Curriculum.Versions;

namespace TrainingApi.Features.Curriculum.Sections;

public sealed class SectionConfiguration : IEntityTypeConfiguration<Section>
{
    public void Configure(EntityTypeBuilder<Section> builder)
    {
        builder.ToTable("sections", CurriculumModule.Schema);
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Anchor).HasMaxLength(Section.AnchorMaxLength);
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(s => s.Title).HasMaxLength(Section.TitleMaxLength);
        builder.Property(s => s.Hours).HasPrecision(6, 2);
        builder.Property(s => s.ReviewReason).HasMaxLength(500);
        builder.Property(s => s.Version).IsRowVersion();
        builder.Ignore(s => s.Outcomes);
        // One anchor per version: the database keeps it so even when two authors add the same anchor at once.
        builder.HasIndex(s => new { s.VersionId, s.Anchor }).IsUnique();
        builder.HasIndex(s => new { s.VersionId, s.ParentId, s.Position });
        builder.HasIndex(s => s.ReviewNeeded).HasFilter("review_needed");
        builder.HasOne<ProgrammeVersion>().WithMany().HasForeignKey(s => s.VersionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Section>().WithMany().HasForeignKey(s => s.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class SectionCitationConfiguration : IEntityTypeConfiguration<SectionCitation>
{
    public void Configure(EntityTypeBuilder<SectionCitation> builder)
    {
        builder.ToTable("section_citations", CurriculumModule.Schema);
        builder.HasKey(c => new { c.SectionId, c.LegalActId });
        builder.HasIndex(c => c.LegalActId);
        builder.HasOne<Section>().WithMany().HasForeignKey(c => c.SectionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<LegalAct>().WithMany().HasForeignKey(c => c.LegalActId).OnDelete(DeleteBehavior.Restrict);
    }
}
