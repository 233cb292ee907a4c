using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TrainingApi.Features.Curriculum;

public sealed class ProgrammeConfiguration : IEntityTypeConfiguration<Programme>
{
    public void Configure(EntityTypeBuilder<Programme> b)
    {
        b.ToTable("programmes", CurriculumModule.Schema);
        b.HasKey(p => p.Id);
        b.Property(p => p.Title).HasMaxLength(Programme.TitleMaxLength);
        b.Property(p => p.Summary).HasMaxLength(Programme.SummaryMaxLength);
        b.Property(p => p.Slug).HasMaxLength(Slugs.ProgrammeSlug.MaxLength);
        b.HasIndex(p => p.Slug).IsUnique();
        b.Property(p => p.Version).IsRowVersion();
        // The keyset order of the list endpoint.
        b.HasIndex(p => new { p.CreatedAt, p.Id });
    }
}
